/**
 * The review screen (review.html) in a real browser: Debian's chromium driven by playwright-core
 * (nothing downloads a browser; .ci/run installs the chromium package). Opened from file://, as a
 * Woo-team member opens it with a double-click. Screenshots go to .screenshots/ (gitignored).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apply } from '../src/review/apply.js';
import { DecisionsSchema } from '../src/review/decisions-schema.js';
import { propose } from '../src/review/propose.js';
import { fixturePdf } from './fixtures-files.js';
import { readJson, reviewDossier, reviewPackage } from './fixtures-review.js';
import { HAVE_POPPLER, pdftotext } from './pdf-tools.js';
import { NOTA, PAGE, screenPdf, type WordBox } from './review-screen-fixture.js';

// Page functions run in the browser; the tests' own types have no DOM.
declare const document: any; // eslint-disable-line @typescript-eslint/no-explicit-any
declare const window: any; // eslint-disable-line @typescript-eslint/no-explicit-any
declare const localStorage: any; // eslint-disable-line @typescript-eslint/no-explicit-any
declare const getComputedStyle: any; // eslint-disable-line @typescript-eslint/no-explicit-any

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const SHOTS = new URL('../.screenshots/', import.meta.url).pathname;

const { root, input, dossier, reviewDir, remove } = reviewDossier('woo-screen-');
let word: (page: number, w: string) => WordBox;
let keyboardBox: { scale: number; left: number; top: number; width: number; height: number } | undefined;
let context: BrowserContext | undefined;
let page: Page;
const pageErrors: string[] = [];

const { index, reviewOf, finding } = reviewPackage(reviewDir);
/** The screen's key of a finding: the document's sha256 and the finding's id. */
const findingId = (path: string, text: string, pageNo: number) => `${reviewOf(path).document.sha256}|${finding(path, text, pageNo).id}`;

export async function launch(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
  });
}

async function shot(name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** Waits (up to 5 s) until the page shows what is expected; fails with what it shows instead. */
async function until(what: string, f: () => Promise<boolean>, shows: () => Promise<unknown>): Promise<void> {
  const end = Date.now() + 5_000;
  while (Date.now() < end) {
    if (await f()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what}: the page shows ${JSON.stringify(await shows())}`);
}
const count = (sel: string, n: number) => until(`${n} x ${sel}`, async () => (await page.locator(sel).count()) === n, () => page.locator(sel).count());
const textOf = async (sel: string) => ((await page.locator(sel).allTextContents()).join('|'));
const hasText = (sel: string, t: string) => until(`${sel} = ${t}`, async () => (await textOf(sel)) === t, () => textOf(sel));
const containsText = (sel: string, t: string) => until(`${sel} contains ${t}`, async () => (await textOf(sel)).includes(t), () => textOf(sel));
const hasAttr = (sel: string, a: string, v: string) => until(`${sel}[${a}=${v}]`, async () => (await page.locator(sel).getAttribute(a)) === v, () => page.locator(sel).getAttribute(a));

const rendered = (doc: number, p: number | 'text') => page.waitForSelector(`#stage[data-rendered="${doc}:${p}"]`, { timeout: 15_000 });
const selectedKey = () => page.locator('#item-list [aria-selected="true"]').getAttribute('data-key', { timeout: 2_000 }).catch(() => null);

/** Presses J (next item) until `key` is selected, as a reviewer walks the list. */
async function walkTo(key: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if ((await selectedKey()) === key) return;
    const before = await selectedKey();
    await page.keyboard.press('j');
    await page.waitForFunction((b) => document.querySelector('#item-list [aria-selected="true"]')?.getAttribute('data-key') !== b, before, { timeout: 5_000 });
  }
  throw new Error(`J never reached ${key}`);
}

async function choose(key: string): Promise<void> {
  await page.waitForSelector('#chooser[open]');
  await page.keyboard.press(key);
  await page.waitForSelector('#chooser:not([open])', { state: 'attached' });
}

const tagIs = (key: string, t: string) => hasText(`#item-list li[data-key="${key}"] .tag`, t);

/** Where a box in PDF user space lies on the screen, from the rendered page's position. */
async function onScreen(b: WordBox): Promise<{ x1: number; y1: number; x2: number; y2: number }> {
  const r = await page.locator('#stage .page canvas').boundingBox();
  if (!r) throw new Error('no rendered page');
  const s = r.width / PAGE.width;
  return { x1: r.x + b.x * s, y1: r.y + (PAGE.height - b.y - b.height) * s, x2: r.x + (b.x + b.width) * s, y2: r.y + (PAGE.height - b.y) * s };
}

beforeAll(async () => {
  mkdirSync(dossier, { recursive: true });
  const pdf = await screenPdf();
  word = pdf.word;
  writeFileSync(join(dossier, 'brief.pdf'), pdf.bytes);
  writeFileSync(join(dossier, 'nota.txt'), NOTA);
  await propose({ inputs: [input], reviewDir, jobs: 1 });
  if (!HAVE_CHROMIUM) return;
  context = await launch(join(root, 'profile'));
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('request', (r) => {
    if (!/^(file|blob|data):/.test(r.url())) pageErrors.push(`network request: ${r.url()}`);
  });
});

afterAll(async () => {
  await context?.close();
  remove();
});

describe('propose writes the review screen', () => {
  it('writes review.html, its assets and the data as internal classic scripts', () => {
    const html = readFileSync(join(reviewDir, 'review.html'), 'utf8');
    expect(html).toContain('INTERN - niet openbaar maken');
    expect(html).toContain('<script src="review.internal.js"></script>');
    expect(html).not.toMatch(/type="module"|https?:\/\//);
    for (const f of ['assets/client.js', 'assets/pdf.worker.js', 'assets/pdf.worker.src.js', 'assets/pdf.wasm.js', 'assets/LICENSES.txt', 'assets/review.css', 'review.internal.js', 'documents/0001.internal.js', 'documents/0001.pdf.internal.js', 'documents/0002.internal.js']) {
      expect(existsSync(join(reviewDir, f)), f).toBe(true);
    }
    // The text document has no PDF bytes; the PDF's bytes are the input's, base64.
    expect(existsSync(join(reviewDir, 'documents/0002.pdf.internal.js'))).toBe(false);
    const pdfScript = readFileSync(join(reviewDir, 'documents/0001.pdf.internal.js'), 'utf8');
    const b64 = /,"([A-Za-z0-9+/=]+)"\]\);\s*$/.exec(pdfScript)?.[1] ?? '';
    expect(Buffer.from(b64, 'base64').equals(readFileSync(join(dossier, 'brief.pdf')))).toBe(true);
  });
});

/** WCAG relative luminance contrast of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('the screen is legible', () => {
  it('keeps at least 4.5:1 contrast for the labels on the decision colours and for the muted text (WCAG AA)', () => {
    const css = readFileSync(join(reviewDir, 'assets', 'review.css'), 'utf8');
    const colour = (name: string) => {
      const m = new RegExp(`--${name}: (#[0-9a-f]{6})`).exec(css);
      if (!m?.[1]) throw new Error(`no --${name} in review.css`);
      return m[1];
    };
    for (const name of ['redact', 'keep', 'open', 'added']) expect(contrast('#ffffff', colour(name)), name).toBeGreaterThanOrEqual(4.5);
    expect(contrast(colour('muted'), colour('bg'))).toBeGreaterThanOrEqual(4.5);
    expect(contrast(colour('ink'), '#ffffff')).toBeGreaterThanOrEqual(7);
    expect(contrast(colour('focus'), '#ffffff')).toBeGreaterThanOrEqual(3);
  });
});

describe.skipIf(!HAVE_CHROMIUM)('the review screen in chromium, from file://', () => {
  const url = pathToFileURL(join(reviewDir, 'review.html')).href;

  it('opens from disk and shows the first PDF page with its proposed boxes, coloured by decision', async () => {
    await page.goto(url);
    await rendered(0, 1);
    await containsText('.banner', 'INTERN');
    // Page 1 holds four findings: the contact's name, phone, mail, and the director (open).
    await count('#stage .box', 4);
    await count('#stage .box.open', 1);
    await count('#stage .box.redact', 3);
    expect(await page.locator('#page-strip button').count()).toBe(3);
    const probe = await page.evaluate(() => window.__wooScreen);
    expect(probe.firstPageMs).toBeGreaterThan(0);
    // From file:// a worker starts from a blob: URL only; pdf.js runs in one.
    expect(probe.pdfWorker).toBe('worker');
    await shot('01-first-page');
  });

  it('pages through the PDF with the keyboard and the page strip', async () => {
    await page.keyboard.press('ArrowRight');
    await rendered(0, 2);
    await hasText('#page-label', 'Pagina 2 van 3');
    await count('#stage .box', 1); // Pieter de Vries
    await page.keyboard.press('PageDown');
    await rendered(0, 3);
    await count('#stage .box', 2);
    await page.locator('#page-strip button[data-page="1"]').click();
    await rendered(0, 1);
    await page.locator('#stage').focus();
  });

  it('decides an item with one key, and a person for all mentions with Shift', async () => {
    const phone = findingId('dossier/brief.pdf', '06 18273645', 1);
    await walkTo(phone);
    await page.keyboard.press('2'); // keep: organisatiegegevens
    await hasText(`#item-list li[data-key="${phone}"] .tag`, 'openbaar');
    await count('#stage .box.keep', 1);

    const director = findingId('dossier/brief.pdf', 'Hanneke Mulder', 1);
    await walkTo(director);
    await containsText('#detail', 'alle 3 vermeldingen');
    await shot('02-person-selected');
    await page.keyboard.press('Shift+L');
    await hasText(`#item-list li[data-key="${director}"] .tag`, '5.1.2e');
    // The person's mention on page 3 follows; one occurrence of another person goes against hers.
    const jorien3 = findingId('dossier/brief.pdf', 'Jorien Vermeulen', 3);
    await walkTo(jorien3);
    await rendered(0, 3);
    await page.keyboard.press('o');
    await choose('1'); // publieke functionaris
    await tagIs(jorien3, 'openbaar');
    await tagIs(findingId('dossier/brief.pdf', 'Jorien Vermeulen', 1), '5.1.2e');
    // Undo takes the last decision back, and the key again redoes it.
    await page.keyboard.press('u');
    await tagIs(jorien3, '5.1.2e');
    await page.keyboard.press('1');
    await tagIs(jorien3, 'openbaar');
    await hasAttr('#progress', 'data-open', '0');
    await shot('03-decided');
  });

  it('filters the findings by decision, kind, confidence and document; Esc goes back to the keys', async () => {
    const rows = '#item-list li[data-key]';
    await page.locator('#filter-decision').selectOption('keep');
    await count(rows, 2); // the phone number and the one occurrence kept
    await page.locator('#filter-decision').selectOption('');
    await page.locator('#filter-entity').selectOption('phone');
    await count(rows, 1);
    await page.locator('#filter-entity').selectOption('');
    await page.locator('#filter-confidence').selectOption('0.9');
    await count(rows, 2); // the two mentions at 75%
    await page.locator('#filter-confidence').selectOption('');
    await count(rows, 7);
    await page.locator('#filter-scope').selectOption('all');
    await count(rows, 11); // and the nota's four
    await page.locator('#filter-scope').selectOption('doc');
    await page.locator('#filter-scope').focus();
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('item-list');
  });

  it('filters the persons by document and decision; the findings-only filters step aside', async () => {
    const people = '#item-list li[data-person]';
    const ix = index();
    const nota = ix.documents.find((d) => d.path === 'dossier/nota.txt')?.sha256;
    const inNota = ix.persons.filter((p) => p.mentions.some((m) => m.document === nota));
    expect(inNota.length).toBeGreaterThan(0);
    expect(inNota.length).toBeLessThan(ix.persons.length); // the letter names someone the nota does not
    await page.locator('#doc-list li:nth-child(2) button').click();
    await rendered(1, 'text');
    await page.locator('#tab-persons').click();
    expect(await page.locator('#filter-entity').isVisible()).toBe(false);
    expect(await page.locator('#filter-scope').isVisible()).toBe(true);
    await count(people, inNota.length);
    await page.locator('#filter-scope').selectOption('all');
    await count(people, ix.persons.length);
    await shot('04-persons');
    // Hanneke Mulder was decided redacted for all her mentions above.
    await page.locator('#filter-decision').selectOption('redact');
    await containsText(people, 'Hanneke Mulder');
    await page.locator('#filter-decision').selectOption('keep');
    await until('Hanneke Mulder not listed', async () => !(await textOf(people)).includes('Hanneke Mulder'), () => textOf(people));
    await page.locator('#filter-decision').selectOption('');
    await page.locator('#filter-scope').selectOption('doc');
    await page.locator('#tab-findings').click();
    expect(await page.locator('#filter-entity').isVisible()).toBe(true);
    // Back where the previous steps left the letter: its third page.
    await page.locator('#doc-list li:nth-child(1) button').click();
    await rendered(0, 1);
    await page.locator('#page-strip button[data-page="3"]').click();
    await rendered(0, 3);
    await count('#item-list li[data-key]', 7);
    await page.locator('#item-list').focus();
  });

  it('adds a box drawn on a PDF page, converted to PDF user space, with a ground', async () => {
    await page.keyboard.press('ArrowLeft');
    await rendered(0, 2);
    const target = word(2, 'Zilvermeeuw');
    const s = await onScreen({ ...target, x: target.x - 2, y: target.y - 1, width: target.width + 4, height: target.height + 2 });
    await page.mouse.move(s.x1, s.y1);
    await page.mouse.down();
    await page.mouse.move((s.x1 + s.x2) / 2, (s.y1 + s.y2) / 2, { steps: 3 });
    await page.mouse.move(s.x2, s.y2, { steps: 3 });
    await page.mouse.up();
    await choose('4'); // 5.1.2i
    await count('#stage .box.added', 1);
    await hasText('#stage .box.added .label', '5.1.2i');
    await shot('04-box-added');
  });

  it('adds a box with the keyboard alone: B, arrows to move, Shift+arrows to size, Enter', async () => {
    await page.keyboard.press('Escape');
    await page.locator('#stage').focus();
    await page.evaluate(() => document.querySelector('#stage .box.selected')?.classList.remove('selected'));
    await page.keyboard.press('b');
    await count('#stage .drawing', 1);
    await page.keyboard.press('ArrowDown'); // 8 px down
    await page.keyboard.press('Shift+ArrowRight'); // 8 px wider
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Enter');
    await choose('1'); // 5.1.2e
    await count('#stage .box.added', 2);
    const r = await page.locator('#stage .page canvas').boundingBox();
    if (!r) throw new Error('no page');
    keyboardBox = { scale: r.width / PAGE.width, left: 40, top: 48, width: 176, height: 24 };
  });

  it('shows the text document with its redactions highlighted, and adds selected text', async () => {
    await page.keyboard.press('d');
    await rendered(1, 'text');
    await count('#stage mark', 4);
    await count('#stage mark.redact', 4); // the director follows the person decision
    await page.evaluate(() => {
      const span = [...document.querySelectorAll('#stage [data-start]')].find((e) => e.textContent?.includes('Kraanvogel'));
      const node = span?.firstChild;
      if (!node?.textContent) throw new Error('no Kraanvogel in the text');
      const at = node.textContent.indexOf('Kraanvogel');
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 'Kraanvogel'.length);
      const sel = window.getSelection();
      sel?.removeAllRanges();
      sel?.addRange(range);
    });
    await page.keyboard.press('t');
    await choose('4');
    await hasText('#stage mark.added', 'Kraanvogel');
    await shot('05-text-document');
  });

  it('keeps every decision over a reload (localStorage, keyed by the package)', async () => {
    const before = await page.locator('#progress').getAttribute('data-decided');
    await page.reload();
    await rendered(0, 1);
    await page.waitForSelector('body[data-loaded="true"]');
    await hasAttr('#progress', 'data-decided', before ?? '');
    await count('#stage .box.keep', 1);
    await page.keyboard.press('ArrowRight');
    await rendered(0, 2);
    await count('#stage .box.added', 2);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('woo-redact-review:')).length)).toBe(1);
  });

  it('exports the decisions file apply reads; the published PDF and text lose what was decided redacted', async () => {
    await page.keyboard.press('e');
    await page.waitForSelector('#who-dialog[open]');
    await page.locator('#who-name').fill('A. Beoordelaar');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('decisions.internal.json');
    // Saved where the README says: in the review package, over the template (apply checks the
    // person ids against the package's person table beside it).
    const file = join(reviewDir, 'decisions.internal.json');
    await download.saveAs(file);
    const decisions = DecisionsSchema.parse(readJson(file));
    expect(decisions.decidedBy).toBe('A. Beoordelaar');
    expect(decisions.persons.map((p) => [p.name, p.decision?.action])).toEqual([['Hanneke Mulder', 'redact']]);
    const brief = decisions.documents.find((d) => d.path === 'dossier/brief.pdf');
    expect(brief?.additions).toHaveLength(2);
    const [box, byKeys] = brief?.additions ?? [];
    const target = word(2, 'Zilvermeeuw');
    expect(box).toMatchObject({ kind: 'box', page: 2, ground: '5.1.2i' });
    // Drawn in screen pixels, back in PDF user space: within a point or two of the word's box.
    if (box?.kind !== 'box') throw new Error('no box');
    expect(Math.abs(box.x - (target.x - 2))).toBeLessThan(2);
    expect(Math.abs(box.y - (target.y - 1))).toBeLessThan(2);
    // The keyboard's box: 40 px from the left, 48 from the top, 176 x 24 px, in points.
    const k = keyboardBox;
    if (byKeys?.kind !== 'box' || !k) throw new Error('no keyboard box');
    expect(byKeys.page).toBe(2);
    expect(byKeys.x).toBeCloseTo(k.left / k.scale, 0);
    expect(byKeys.width).toBeCloseTo(k.width / k.scale, 0);
    expect(byKeys.y + byKeys.height).toBeCloseTo(PAGE.height - k.top / k.scale, 0);

    const pub = join(root, 'pub');
    const summary = await apply({ inputs: [input], decisions: file, outDir: pub, jobs: 1 });
    expect(summary.totals).toMatchObject({ files: 2, ok: 2, failed: 0 });
    const nota = readFileSync(join(pub, 'dossier', 'nota.redacted.txt'), 'utf8');
    expect(nota).not.toMatch(/Hanneke|Mulder|Kraanvogel|Pieter de Vries|12345678/);
    expect(nota).toContain('Kenmerk: projectcode');
    if (HAVE_POPPLER) {
      const text = pdftotext(new Uint8Array(readFileSync(join(pub, 'dossier', 'brief.redacted.pdf'))));
      const pages = text.split('\f');
      expect(text).not.toMatch(/Hanneke|Mulder|Zilvermeeuw|j\.vermeulen|Pieter de Vries/);
      expect(pages[0]).toContain('06 18273645'); // kept: organisatiegegevens
      expect(pages[0]).not.toContain('Jorien');
      expect(pages[2]).toContain('Jorien Vermeulen'); // the one occurrence kept against the person's proposal
      expect(pages[1]).toContain('loopt door tot het einde van het jaar');
    }
  });

  it('imports a decisions file to go on, and records a second reviewer\'s approval', async () => {
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await rendered(0, 1);
    await count('#stage .box.keep', 0);
    await page.locator('#import-file').setInputFiles(join(reviewDir, 'decisions.internal.json'));
    await count('#stage .box.keep', 1);
    await page.locator('#btn-approve').click();
    await page.waitForSelector('#who-dialog[open]');
    await page.locator('#who-name').fill('B. Tweede');
    await page.keyboard.press('Enter');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#btn-export').click()]);
    const file = join(reviewDir, 'approved.internal.json');
    await download.saveAs(file);
    const approved = DecisionsSchema.parse(readJson(file));
    expect(approved).toMatchObject({ decidedBy: 'A. Beoordelaar', approvedBy: 'B. Tweede' });
    const first = DecisionsSchema.parse(readJson(join(reviewDir, 'decisions.internal.json')));
    expect(approved.documents).toEqual(first.documents);
    expect(approved.persons).toEqual(first.persons);
    const summary = await apply({ inputs: [input], decisions: file, outDir: join(root, 'pub-approved'), jobs: 1, requireApproval: true });
    expect(summary.totals).toMatchObject({ ok: 2, failed: 0 });
  });

  it('gives every control an accessible name and shows where the focus is', async () => {
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll('button, select, input, [role="tab"], [role="listbox"]')]
        .filter((e) => !e.hidden && e.type !== 'file')
        .filter((e) => !(e.getAttribute('aria-label') || e.textContent?.trim() || (e.id && document.querySelector(`label[for="${e.id}"]`)) || e.closest('label')))
        .map((e) => e.outerHTML.slice(0, 80)),
    );
    expect(unnamed).toEqual([]);
    await page.locator('#btn-help').focus();
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    expect(outline).toBe('solid');
  });

  it('renders a JPEG 2000 scan: pdf.js gets its OpenJPEG decoder from the package, not the network', async () => {
    const jpxIn = join(root, 'jpx-in');
    mkdirSync(jpxIn, { recursive: true });
    cpSync(fixturePdf('text-over-jpx-image.pdf'), join(jpxIn, 'scan.pdf'));
    const jpxReview = join(root, 'jpx-review');
    await propose({ inputs: [jpxIn], reviewDir: jpxReview, jobs: 1 });
    await page.goto(pathToFileURL(join(jpxReview, 'review.html')).href);
    await rendered(0, 1);
    // The image is a hatched band across the top of the page (text drawn over it): dark pixels
    // there come from the decoded image, not from the text alone.
    const dark = await page.evaluate(() => {
      const c = document.querySelector('#stage .page canvas');
      const ctx = c.getContext('2d');
      const x0 = Math.round(c.width * 0.5);
      const y0 = Math.round(c.height * 0.09);
      const { data } = ctx.getImageData(x0, y0, Math.round(c.width * 0.4), Math.round(c.height * 0.08));
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 128) n++;
      return n / (data.length / 4);
    });
    expect(dark).toBeGreaterThan(0.2);
    await shot('06-jpx-scan');
  });

  it('made no network request and threw no error', () => {
    expect(pageErrors).toEqual([]);
  });
});
