/**
 * Page images drawn in pieces. Cairo (pdftocairo, and what prints through it), Adobe's PDF
 * Library and some scanners write a page image as a stack of bands, others as a grid of tiles,
 * each piece its own image XObject, drawn top-down, bottom-up or column by column. Read piece by
 * piece, OCR cuts every line that crosses a seam and reads a band of a few rows as nothing at all:
 * a name on a seam would go undetected. Pieces that tile one rectangle edge to edge, in a grid, are
 * read as one image: their samples joined, placed by the quad they cover together.
 *
 * Geometry is in each image's own frame: in its quad A (0,0), B (1,0), C (1,1), D (0,1) of the unit
 * square, a row of samples runs along A-B and the first row is D-C. Pieces of one grid are drawn
 * with the same frame (same directions), so their columns run along A-B and their rows from D to A.
 */
import type { Quad } from '../pdf/interpret.js';
import type { PdfJsImage } from '../pdf/pdfjs.js';

type Point = readonly [number, number];

const corner = (q: Quad, k: 0 | 1 | 2 | 3): Point => [q[2 * k] as number, q[2 * k + 1] as number];
const near = (p: Point, r: Point, tolerance: number) => Math.hypot(p[0] - r[0], p[1] - r[1]) <= tolerance;
const A = 0;
const B = 1;
const C = 2;
const D = 3;

/** More pieces than this on a page are not looked at as a grid (pairs are compared: n squared). */
const MAX_PIECES = 2000;

/** Half a point, or a device pixel's rounding of a wide piece. */
function tolerance(q: Quad): number {
  const width = Math.hypot((q[2] as number) - (q[0] as number), (q[3] as number) - (q[1] as number));
  const height = Math.hypot((q[6] as number) - (q[0] as number), (q[7] as number) - (q[1] as number));
  return Math.max(0.5, 0.002 * Math.max(width, height));
}

/** The unit directions of a quad's rows (A to B) and columns (D to A), rounded to compare frames. */
function frameOf(q: Quad): string {
  const ux = (q[2] as number) - (q[0] as number);
  const uy = (q[3] as number) - (q[1] as number);
  const vx = (q[0] as number) - (q[6] as number);
  const vy = (q[1] as number) - (q[7] as number);
  const u = Math.hypot(ux, uy);
  const v = Math.hypot(vx, vy);
  if (u === 0 || v === 0) return '';
  const r = (x: number) => Math.round(x * 100);
  return `${r(ux / u)},${r(uy / u)},${r(vx / v)},${r(vy / v)}`;
}

/** Whether `b` lies edge to edge beside `a` (after it along the rows) or under it (after it along the columns). */
function touches(a: Quad, b: Quad, t: number): boolean {
  const beside = near(corner(b, A), corner(a, B), t) && near(corner(b, D), corner(a, C), t);
  const under = near(corner(b, D), corner(a, A), t) && near(corner(b, C), corner(a, B), t);
  return beside || under;
}

/** One rectangle tiled by pieces: `rows` top row first, each row in order along the image's rows. */
export interface TileGrid<T> {
  readonly rows: readonly (readonly T[])[];
  /** The quad the pieces cover together. */
  readonly quad: Quad;
}

/**
 * A page's images in grids: pieces of one frame that tile a rectangle, row by row, and every
 * other image a grid of one. Grids come in the order their first piece is drawn.
 */
export function tileGroups<T extends { readonly quad: Quad }>(items: readonly T[]): TileGrid<T>[] {
  const n = items.length;
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  if (n <= MAX_PIECES) {
    const frames = items.map((item) => frameOf(item.quad));
    for (let i = 0; i < n; i++) {
      const a = (items[i] as T).quad;
      const t = tolerance(a);
      for (let j = i + 1; j < n; j++) {
        if (frames[i] !== frames[j] || frames[i] === '') continue;
        const b = (items[j] as T).quad;
        if (touches(a, b, t) || touches(b, a, t)) parent[find(j)] = find(i);
      }
    }
  }
  const components = new Map<number, number[]>();
  items.forEach((_, i) => {
    const root = find(i);
    components.set(root, [...(components.get(root) ?? []), i]);
  });
  const grids: { first: number; grid: TileGrid<T> }[] = [];
  for (const members of components.values()) {
    const grid = members.length > 1 ? gridOf(members.map((i) => items[i] as T)) : undefined;
    if (grid) grids.push({ first: members[0] as number, grid });
    else for (const i of members) grids.push({ first: i, grid: { rows: [[items[i] as T]], quad: (items[i] as T).quad } });
  }
  return grids.sort((a, b) => a.first - b.first).map((g) => g.grid);
}

/**
 * The pieces as a grid, when they tile a rectangle: every row of cells the same height and every
 * column the same width, each cell one piece. Undefined otherwise (pieces that merely touch).
 */
function gridOf<T extends { readonly quad: Quad }>(pieces: readonly T[]): TileGrid<T> | undefined {
  const q0 = (pieces[0] as T).quad;
  const t = tolerance(q0);
  // Coordinates along the rows (u, from A to B) and down the columns (v, from D to A).
  const [ax, ay] = corner(q0, A);
  const [bx, by] = corner(q0, B);
  const [dx, dy] = corner(q0, D);
  const ul = Math.hypot(bx - ax, by - ay);
  const vl = Math.hypot(ax - dx, ay - dy);
  const u = (p: Point) => ((p[0] - ax) * (bx - ax) + (p[1] - ay) * (by - ay)) / ul;
  const v = (p: Point) => ((p[0] - dx) * (ax - dx) + (p[1] - dy) * (ay - dy)) / vl;
  const starts = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const out: number[] = [];
    for (const x of sorted) if (out.length === 0 || x - (out[out.length - 1] as number) > t) out.push(x);
    return out;
  };
  const us = starts(pieces.map((p) => u(corner(p.quad, D))));
  const vs = starts(pieces.map((p) => v(corner(p.quad, D))));
  if (us.length * vs.length !== pieces.length) return undefined;
  const index = (list: readonly number[], x: number) => list.findIndex((y) => Math.abs(y - x) <= t);
  const cells: (T | undefined)[][] = vs.map(() => us.map(() => undefined));
  for (const piece of pieces) {
    const col = index(us, u(corner(piece.quad, D)));
    const row = index(vs, v(corner(piece.quad, D)));
    const cellRow = cells[row];
    if (!cellRow || col < 0 || cellRow[col] !== undefined) return undefined;
    // A piece ends where the next column and the next row start (the rectangle's far edge for the last).
    const uEnd = u(corner(piece.quad, C));
    const vEnd = v(corner(piece.quad, A));
    const nextU = us[col + 1];
    const nextV = vs[row + 1];
    if (nextU !== undefined && Math.abs(uEnd - nextU) > t) return undefined;
    if (nextV !== undefined && Math.abs(vEnd - nextV) > t) return undefined;
    cellRow[col] = piece;
  }
  const rows = cells as T[][];
  // Every column one width and every row one height: the far edges line up too.
  const lastCol = us.length - 1;
  const lastRow = vs.length - 1;
  const ends = (f: (p: T) => number, list: readonly T[]) => list.every((p) => Math.abs(f(p) - f(list[0] as T)) <= t);
  if (!ends((p) => u(corner(p.quad, C)), rows.map((r) => r[lastCol] as T))) return undefined;
  if (!ends((p) => v(corner(p.quad, A)), rows[lastRow] as T[])) return undefined;
  const topLeft = (rows[0] as T[])[0] as T;
  const topRight = (rows[0] as T[])[lastCol] as T;
  const bottomLeft = (rows[lastRow] as T[])[0] as T;
  const bottomRight = (rows[lastRow] as T[])[lastCol] as T;
  const quad: Quad = [...corner(bottomLeft.quad, A), ...corner(bottomRight.quad, B), ...corner(topRight.quad, C), ...corner(topLeft.quad, D)] as unknown as Quad;
  return { rows, quad };
}

/** Bytes of one row of a decoded image of pdf.js's kinds (1: 1-bit grey, 0: 8-bit grey, 2: RGB, 3: RGBA). */
function rowBytes(image: PdfJsImage): number | undefined {
  const { width, kind } = image;
  return kind === 1 ? (width + 7) >> 3 : kind === 0 ? width : kind === 2 ? 3 * width : kind === 3 ? 4 * width : undefined;
}

const edge = (q: Quad, from: 0 | 1 | 2 | 3, to: 0 | 1 | 2 | 3) => Math.hypot((q[2 * to] as number) - (q[2 * from] as number), (q[2 * to + 1] as number) - (q[2 * from + 1] as number));

/**
 * A grid of decoded pieces as one image, when it can be: every piece at the same samples per unit
 * of length (a piece scaled otherwise would be stretched in the whole), each row's pieces of one
 * height and each column's of one width in samples. A single column of one kind is stacked as it
 * is; anything else is joined in grey (`grey` converts a piece, alpha over white). Otherwise each
 * piece on its own.
 */
export function joinTiles(grid: TileGrid<{ quad: Quad; image: PdfJsImage }>, grey: (image: PdfJsImage) => PdfJsImage | undefined): { quad: Quad; image: PdfJsImage }[] {
  const pieces = grid.rows.flat();
  if (pieces.length < 2) return [...pieces];
  const first = pieces[0] as { quad: Quad; image: PdfJsImage };
  const across = (p: { quad: Quad; image: PdfJsImage }) => p.image.width / Math.max(1e-9, edge(p.quad, A, B));
  const down = (p: { quad: Quad; image: PdfJsImage }) => p.image.height / Math.max(1e-9, edge(p.quad, D, A));
  const [ux, vy] = [across(first), down(first)];
  if (!pieces.every((p) => Math.abs(across(p) - ux) <= 0.02 * ux && Math.abs(down(p) - vy) <= 0.02 * vy)) return [...pieces];
  const rows = grid.rows;
  const columns = (rows[0] as readonly unknown[]).length;
  if (!rows.every((row) => row.every((p) => p.image.height === (row[0] as { image: PdfJsImage }).image.height))) return [...pieces];
  for (let c = 0; c < columns; c++) if (!rows.every((row) => (row[c] as { image: PdfJsImage }).image.width === ((rows[0] as readonly { image: PdfJsImage }[])[c] as { image: PdfJsImage }).image.width)) return [...pieces];
  const width = (rows[0] as readonly { image: PdfJsImage }[]).reduce((n, p) => n + p.image.width, 0);
  const height = rows.reduce((n, row) => n + (row[0] as { image: PdfJsImage }).image.height, 0);
  const sameKind = pieces.every((p) => p.image.kind === first.image.kind);
  const bytes = rowBytes(first.image);
  if (columns === 1 && sameKind && bytes !== undefined && pieces.every((p) => p.image.data.length >= bytes * p.image.height)) {
    const data = new Uint8Array(bytes * height);
    let at = 0;
    for (const { image } of pieces) {
      data.set(image.data.subarray(0, bytes * image.height), at);
      at += bytes * image.height;
    }
    return [{ quad: grid.quad, image: { width, height, kind: first.image.kind, data } }];
  }
  const data = new Uint8Array(width * height);
  let top = 0;
  for (const row of rows) {
    let left = 0;
    for (const piece of row) {
      const g = grey(piece.image);
      if (!g || g.kind !== 0) return [...pieces];
      for (let y = 0; y < g.height; y++) data.set(g.data.subarray(y * g.width, (y + 1) * g.width), (top + y) * width + left);
      left += g.width;
    }
    top += (row[0] as { image: PdfJsImage }).image.height;
  }
  return [{ quad: grid.quad, image: { width, height, kind: 0, data } }];
}
