import { PDFArray, PDFDict, PDFName, PDFPageLeaf, PDFPageTree, PDFRef, type PDFDocument, type PDFObject } from 'pdf-lib';

/** A page tree we cannot read as a list of pages, with the exact reason. */
export class PageTreeError extends Error {}

/** A page tree holding more pages than the limit (counted while walking, before any page is read). */
export class TooManyPagesError extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} pages`);
  }
}

// Page attributes a page inherits from the tree nodes above it (PDF 32000, 7.7.3.4).
const INHERITED = ['Resources', 'MediaBox', 'CropBox', 'Rotate'] as const;

/**
 * Replaces the document's page tree by a flat one: one root whose kids are the pages in order,
 * each page a pdf-lib page leaf holding the attributes it inherited. pdf-lib walks trees
 * recursively (a tree thousands of levels deep overflows the call stack) and knows a node only by
 * its /Type (a node without one breaks its walks: "traverse is not a function", "Parent.ascend");
 * this walk is iterative, tells nodes by their /Kids, and refuses a tree that contains itself or
 * names no page. Viewers show the pages the same; the old nodes become unreachable and are swept.
 */
export function flattenPageTree(pdf: PDFDocument, maxPages: number): number {
  const context = pdf.context;
  const rootRef = pdf.catalog.get(PDFName.of('Pages'));
  const root = rootRef instanceof PDFRef ? context.lookup(rootRef) : rootRef;
  if (!(root instanceof PDFDict)) throw new PageTreeError('the document has no page tree');
  const leaves: { ref: PDFRef | undefined; dict: PDFDict; inherited: Map<string, PDFObject> }[] = [];
  const seen = new Set<PDFDict>();
  // Depth-first, kids in order: the stack holds kids still to visit, last first.
  const stack: { node: PDFObject | undefined; ref: PDFRef | undefined; inherited: Map<string, PDFObject> }[] = [{ node: root, ref: rootRef instanceof PDFRef ? rootRef : undefined, inherited: new Map() }];
  while (stack.length > 0) {
    const { node, ref, inherited } = stack.pop() as (typeof stack)[number];
    if (!(node instanceof PDFDict)) throw new PageTreeError(ref ? `the page tree names an object that is not a page (${ref.toString()})` : 'the page tree holds an entry that is not a page');
    const own = new Map(inherited);
    for (const key of INHERITED) {
      const value = node.get(PDFName.of(key));
      if (value !== undefined) own.set(key, value);
    }
    const kidsObj = node.get(PDFName.of('Kids'));
    const kids = kidsObj instanceof PDFRef ? context.lookup(kidsObj) : kidsObj;
    const type = node.get(PDFName.of('Type'));
    const isLeaf = type === PDFName.of('Page') || (!(kids instanceof PDFArray) && type !== PDFName.of('Pages'));
    if (isLeaf) {
      leaves.push({ ref, dict: node, inherited: own });
      if (leaves.length > maxPages) throw new TooManyPagesError(maxPages);
      continue;
    }
    if (!(kids instanceof PDFArray)) continue;
    if (seen.has(node)) throw new PageTreeError('the page tree contains itself (a cycle)');
    seen.add(node);
    const items = kids.asArray();
    for (let k = items.length - 1; k >= 0; k--) {
      const kid = items[k];
      stack.push({ node: kid instanceof PDFRef ? context.lookup(kid) : kid, ref: kid instanceof PDFRef ? kid : undefined, inherited: own });
    }
  }
  const tree = PDFPageTree.withContext(context);
  const treeRef = context.register(tree);
  const kids: PDFRef[] = [];
  for (const { ref, dict, inherited } of leaves) {
    const leaf = PDFPageLeaf.fromMapWithContext(new Map(), context, false);
    for (const [key, value] of dict.entries()) leaf.set(key, value);
    for (const [key, value] of inherited) if (!leaf.has(PDFName.of(key))) leaf.set(PDFName.of(key), value);
    leaf.set(PDFName.of('Type'), PDFName.of('Page'));
    leaf.set(PDFName.of('Parent'), treeRef);
    // Pages that were direct objects (or shared one object) get a reference of their own.
    const pageRef = ref && !kids.some((r) => r === ref) ? ref : context.nextRef();
    context.assign(pageRef, leaf);
    kids.push(pageRef);
  }
  tree.set(PDFName.of('Kids'), context.obj(kids));
  tree.set(PDFName.of('Count'), context.obj(kids.length));
  pdf.catalog.set(PDFName.of('Pages'), treeRef);
  // pdf-lib caches its page list on first use: it must see the new tree.
  (pdf as unknown as { pageCache: { invalidate(): void } }).pageCache.invalidate();
  return kids.length;
}
