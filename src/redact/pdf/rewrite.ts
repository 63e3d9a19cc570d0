import { PDFDict, PDFName, PDFRef, type PDFContext, type PDFDocument, type PDFObject, type PDFStream } from 'pdf-lib';
import { type Operand, type Operation, numberOperand, stringOperand, writeContentStream } from '../../pdf/content-stream.js';
import type { Glyph } from '../../pdf/glyph-table.js';
import type { StreamTarget } from '../../pdf/interpret.js';
import { dictOf, flateStream, nameText } from '../../pdf/objects.js';
import { groupBy } from '../../util/group-by.js';

export class RewriteError extends Error {}

type Removals = Map<number, Map<number, Map<number, Glyph>>>;

function removalsByTarget(glyphs: readonly Glyph[]): Map<StreamTarget, Removals> {
  const out = new Map<StreamTarget, Removals>();
  for (const g of glyphs) {
    let byOp = out.get(g.target);
    if (!byOp) out.set(g.target, (byOp = new Map()));
    let byItem = byOp.get(g.opIndex);
    if (!byItem) byOp.set(g.opIndex, (byItem = new Map()));
    let byByte = byItem.get(g.itemIndex);
    if (!byByte) byItem.set(g.itemIndex, (byByte = new Map()));
    byByte.set(g.byteStart, g);
  }
  return out;
}

/**
 * Splits one shown string around the removed codes: kept bytes stay strings, every removed code
 * becomes a TJ displacement of exactly its advance, so the rest of the line stays where it was.
 */
function splitString(bytes: Uint8Array, removed: Map<number, Glyph>, out: Operand[]): void {
  let kept: number[] = [];
  const flush = () => {
    if (kept.length > 0) out.push(stringOperand(Uint8Array.from(kept)));
    kept = [];
  };
  // Kept bytes are copied one by one; a removed code is skipped by its own byte range, so codes of
  // any length (1-4 bytes by the font's codespace) come out whole.
  for (let b = 0; b < bytes.length; ) {
    const g = removed.get(b);
    if (!g) {
      kept.push(bytes[b] as number);
      b++;
      continue;
    }
    b = g.byteEnd;
    if (!Number.isFinite(g.tjAdjust)) throw new RewriteError('text shown at font size 0 cannot be rewritten');
    flush();
    const last = out[out.length - 1];
    if (last?.kind === 'number') out[out.length - 1] = numberOperand(last.value + g.tjAdjust);
    else out.push(numberOperand(g.tjAdjust));
  }
  flush();
}

// Entries of a marked-content property list that repeat the content's text for accessibility.
const TEXT_ENTRIES = ['ActualText', 'Alt', 'E'];

/** Removes /ActualText, /Alt and /E (with their string values) from a raw property dictionary. */
export function stripTextEntries(raw: string): string {
  let out = raw;
  for (const key of TEXT_ENTRIES) {
    for (let at = out.indexOf(`/${key}`); at !== -1; at = out.indexOf(`/${key}`, at)) {
      const next = out[at + key.length + 1];
      if (next !== undefined && /[A-Za-z0-9]/.test(next)) {
        at += key.length + 1;
        continue;
      }
      let i = at + key.length + 1;
      while (i < out.length && /\s/.test(out[i] as string)) i++;
      let end = i;
      if (out[i] === '(') {
        let depth = 0;
        for (end = i; end < out.length; end++) {
          const c = out[end];
          if (c === '\\') end++;
          else if (c === '(') depth++;
          else if (c === ')' && --depth === 0) break;
        }
        end++;
      } else if (out[i] === '<') {
        end = out.indexOf('>', i) + 1;
      }
      out = `${out.slice(0, at)}${out.slice(end)}`;
    }
  }
  return out;
}

/**
 * Marked-content sequences (BDC ... EMC) around removed glyphs: their /ActualText, /Alt and /E
 * repeat the text for screen readers and extractors, so they lose those entries.
 */
function markedContentWithRemovals(ops: readonly Operation[], removals: Removals): Set<number> {
  const marked = new Set<number>();
  const open: number[] = [];
  ops.forEach((op, index) => {
    if (op.operator === 'BDC' || op.operator === 'BMC') open.push(index);
    else if (op.operator === 'EMC') open.pop();
    else if (removals.has(index)) for (const o of open) marked.add(o);
  });
  return marked;
}

/** Rewrites one target's operations with the given glyphs removed. */
export function rewriteOps(ops: readonly Operation[], removals: Removals): Operation[] {
  const out: Operation[] = [];
  const marked = markedContentWithRemovals(ops, removals);
  ops.forEach((op, index) => {
    if (marked.has(index) && op.operator === 'BDC') {
      out.push({ operator: 'BDC', operands: op.operands.map((o) => (o.kind === 'dict' ? { kind: 'dict', raw: stripTextEntries(o.raw) } : o)) });
      return;
    }
    const byItem = removals.get(index);
    if (!byItem) {
      out.push(op);
      return;
    }
    const items: Operand[] = [];
    const source: readonly Operand[] =
      op.operator === 'TJ' ? (op.operands[0]?.kind === 'array' ? op.operands[0].items : []) : [op.operands[op.operator === '"' ? 2 : 0] as Operand];
    source.forEach((item, k) => {
      const removed = byItem.get(op.operator === 'TJ' ? k : op.operator === '"' ? 2 : 0);
      if (item.kind === 'string' && removed) splitString(item.bytes, removed, items);
      else items.push(item);
    });
    if (op.operator === "'") out.push({ operator: 'T*', operands: [] });
    if (op.operator === '"') {
      out.push({ operator: 'Tw', operands: [op.operands[0] as Operand] });
      out.push({ operator: 'Tc', operands: [op.operands[1] as Operand] });
      out.push({ operator: 'T*', operands: [] });
    }
    out.push({ operator: 'TJ', operands: [{ kind: 'array', items }] });
  });
  return out;
}

/**
 * A form drawn more than once (a letterhead stamped on every page, the same block twice on one) is
 * one stream: a glyph removed from one drawing is removed from all of them. Otherwise each
 * drawing gets a copy with only its own removals, and where two drawings share a name in one
 * resource dictionary only one copy can be named: the other drawing's text came back.
 */
function withOtherDrawings(glyphs: readonly Glyph[], allTargets: readonly StreamTarget[]): readonly Glyph[] {
  const drawings = groupBy(
    allTargets.filter((t) => t.form),
    (t) => t.form?.stream,
  );
  const out = [...glyphs];
  for (const g of glyphs) {
    const others = g.target.form ? drawings.get(g.target.form.stream) : undefined;
    for (const t of others ?? []) if (t !== g.target) out.push({ ...g, target: t });
  }
  return out;
}

function newStream(context: PDFContext, bytes: Uint8Array, template?: PDFDict): PDFRef {
  const dict: Record<string, PDFObject> = {};
  if (template) {
    for (const [key, value] of template.entries()) {
      const k = nameText(key);
      if (k === 'Length' || k === 'Filter' || k === 'DecodeParms' || k === 'Metadata' || k === 'PieceInfo') continue;
      dict[k] = value;
    }
  }
  return context.register(flateStream(context, bytes, dict));
}

/**
 * Applies the removals to every affected content stream. A page gets a new content stream; a form
 * XObject is copied (it may be drawn on other pages too) and its user's resources are copied to
 * point at the copy, up to the page. The originals become unreachable and are swept before saving.
 */
export function applyRemovals(
  pdf: PDFDocument,
  pageTargets: readonly StreamTarget[],
  glyphs: readonly Glyph[],
  edited: ReadonlySet<StreamTarget> = new Set(),
  imageOverrides: ReadonlyMap<StreamTarget, ReadonlyMap<string, PDFRef>> = new Map(),
  allTargets: readonly StreamTarget[] = [],
): void {
  const context = pdf.context;
  const byTarget = removalsByTarget(withOtherDrawings(glyphs, allTargets));
  // Which targets change: those with removals or other edits (inline images, replaced images),
  // and their ancestors up to the page.
  const changed = new Set<StreamTarget>();
  for (const t of [...byTarget.keys(), ...edited, ...imageOverrides.keys()]) {
    for (let x: StreamTarget | undefined = t; x; x = x.form?.parent) changed.add(x);
  }
  const replacement = new Map<StreamTarget, PDFRef>();
  // Deepest first, so a parent sees its children's copies.
  const ordered = [...changed].sort((a, b) => b.id.split('/').length - a.id.split('/').length);
  const childrenOf = groupBy(changed, (c) => c.form?.parent);
  const pageIndexOf = new Map(pageTargets.map((t, i) => [t, i]));
  for (const target of ordered) {
    const ops = byTarget.has(target) ? rewriteOps(target.ops, byTarget.get(target) as Removals) : target.ops;
    const children = childrenOf.get(target) ?? [];
    const images = imageOverrides.get(target);
    let resources = target.resources;
    if (children.length > 0 || images) {
      const copy = (resources?.clone(context) ?? context.obj({})) as PDFDict;
      const xobjects = (dictOf(context, copy.get(PDFName.of('XObject')))?.clone(context) ?? context.obj({})) as PDFDict;
      for (const child of children) xobjects.set(PDFName.of(child.form?.name as string), replacement.get(child) as PDFRef);
      for (const [name, ref] of images ?? []) xobjects.set(PDFName.of(name), ref);
      copy.set(PDFName.of('XObject'), xobjects);
      resources = copy;
    }
    const bytes = writeContentStream(ops);
    // Written: the parsed operations are not needed again (a long document rewrites every page).
    target.release?.();
    if (target.form) {
      const template = (target.form.stream as PDFStream).dict.clone(context);
      if (resources) template.set(PDFName.of('Resources'), resources);
      replacement.set(target, newStream(context, bytes, template));
    } else {
      const page = pdf.getPage(pageIndexOf.get(target) ?? -1);
      // Wrapped in q/Q so that what is painted afterwards starts from a clean graphics state.
      const wrapped = new Uint8Array(bytes.length + 4);
      wrapped.set([0x71, 0x0a]);
      wrapped.set(bytes, 2);
      wrapped.set([0x51, 0x0a], bytes.length + 2);
      page.node.set(PDFName.of('Contents'), newStream(context, wrapped));
      if (resources && resources !== target.resources) page.node.set(PDFName.of('Resources'), resources);
    }
  }
  // Pages whose text was not touched keep their streams; nothing else to do.
  void PDFRef;
}
