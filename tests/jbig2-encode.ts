/**
 * A JBIG2 encoder for test images (no tool on the build machine writes JBIG2): one page, one
 * immediate generic region, template 0 with its nominal adaptive pixels, MQ arithmetic coding
 * (ITU-T T.88 6.2 and annex E), as the embedded stream of a PDF's /JBIG2Decode (no file header).
 * `bits`: one byte a pixel, 1 = black (JBIG2's 1), rows from the top.
 */

// Qe, next index after an MPS, after an LPS, and whether an LPS swaps the MPS (T.88 table E.1).
const QE: readonly (readonly [number, number, number, number])[] = [
  [0x5601, 1, 1, 1], [0x3401, 2, 6, 0], [0x1801, 3, 9, 0], [0x0ac1, 4, 12, 0], [0x0521, 5, 29, 0], [0x0221, 38, 33, 0],
  [0x5601, 7, 6, 1], [0x5401, 8, 14, 0], [0x4801, 9, 14, 0], [0x3801, 10, 14, 0], [0x3001, 11, 17, 0], [0x2401, 12, 18, 0],
  [0x1c01, 13, 20, 0], [0x1601, 29, 21, 0], [0x5601, 15, 14, 1], [0x5401, 16, 14, 0], [0x5101, 17, 15, 0], [0x4801, 18, 16, 0],
  [0x3801, 19, 17, 0], [0x3401, 20, 18, 0], [0x3001, 21, 19, 0], [0x2801, 22, 19, 0], [0x2401, 23, 20, 0], [0x2201, 24, 21, 0],
  [0x1c01, 25, 22, 0], [0x1801, 26, 23, 0], [0x1601, 27, 24, 0], [0x1401, 28, 25, 0], [0x1201, 29, 26, 0], [0x1101, 30, 27, 0],
  [0x0ac1, 31, 28, 0], [0x09c1, 32, 29, 0], [0x08a1, 33, 30, 0], [0x0521, 34, 31, 0], [0x0441, 35, 32, 0], [0x02a1, 36, 33, 0],
  [0x0221, 37, 34, 0], [0x0141, 38, 35, 0], [0x0111, 39, 36, 0], [0x0085, 40, 37, 0], [0x0049, 41, 38, 0], [0x0025, 42, 39, 0],
  [0x0015, 43, 40, 0], [0x0009, 44, 41, 0], [0x0005, 45, 42, 0], [0x0001, 45, 43, 0], [0x5601, 46, 46, 0],
];

/** The MQ encoder of T.88 annex E.2 (software conventions). */
class MqEncoder {
  readonly out: number[] = [];
  #a = 0x8000;
  #c = 0;
  #ct = 12;
  /** The byte being formed: out[out.length - 1], or a discarded one before the first. */
  #b = 0;
  #started = false;
  readonly #index = new Uint8Array(1 << 16);
  readonly #mps = new Uint8Array(1 << 16);

  #emit(): void {
    if (this.#started) this.out.push(this.#b);
    this.#started = true;
  }

  #byteOut(): void {
    if (this.#b === 0xff) {
      this.#emit();
      this.#b = this.#c >> 20;
      this.#c &= 0xfffff;
      this.#ct = 7;
    } else if (this.#c < 0x8000000) {
      this.#emit();
      this.#b = this.#c >> 19;
      this.#c &= 0x7ffff;
      this.#ct = 8;
    } else {
      this.#b++;
      if (this.#b === 0xff) {
        this.#c &= 0x7ffffff;
        this.#emit();
        this.#b = this.#c >> 20;
        this.#c &= 0xfffff;
        this.#ct = 7;
      } else {
        this.#emit();
        this.#b = this.#c >> 19;
        this.#c &= 0x7ffff;
        this.#ct = 8;
      }
    }
  }

  #renorm(): void {
    do {
      this.#a <<= 1;
      this.#c <<= 1;
      this.#ct--;
      if (this.#ct === 0) this.#byteOut();
    } while ((this.#a & 0x8000) === 0);
  }

  encode(cx: number, bit: number): void {
    const [qe, nmps, nlps, swap] = QE[this.#index[cx] as number] as readonly [number, number, number, number];
    this.#a -= qe;
    if (bit === this.#mps[cx]) {
      if ((this.#a & 0x8000) !== 0) {
        this.#c += qe;
        return;
      }
      if (this.#a < qe) this.#a = qe;
      else this.#c += qe;
      this.#index[cx] = nmps;
    } else {
      if (this.#a < qe) this.#c += qe;
      else this.#a = qe;
      if (swap) this.#mps[cx] = 1 - (this.#mps[cx] as number);
      this.#index[cx] = nlps;
    }
    this.#renorm();
  }

  flush(): number[] {
    const temp = this.#c + this.#a;
    this.#c |= 0xffff;
    if (this.#c >= temp) this.#c -= 0x8000;
    this.#c <<= this.#ct;
    this.#byteOut();
    this.#c <<= this.#ct;
    this.#byteOut();
    this.#emit();
    if (this.#b !== 0xff) this.out.push(0xff);
    this.out.push(0xac);
    return this.out;
  }
}

// Template 0 with the nominal adaptive pixels (3,-1), (-3,-1), (2,-2), (-2,-2), sorted by row
// then column: the first is the context's highest bit.
const TEMPLATE: readonly (readonly [number, number])[] = [
  [-2, -2], [-1, -2], [0, -2], [1, -2], [2, -2],
  [-3, -1], [-2, -1], [-1, -1], [0, -1], [1, -1], [2, -1], [3, -1],
  [-4, 0], [-3, 0], [-2, 0], [-1, 0],
];

const u32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];

function segment(number: number, type: number, data: readonly number[]): number[] {
  // Header: number, flags (type; one-byte page association), no referred-to segments, page 1, length.
  return [...u32(number), type, 0x00, 0x01, ...u32(data.length), ...data];
}

export function encodeJbig2(width: number, height: number, bits: Uint8Array): Uint8Array {
  const at = (x: number, y: number) => (x >= 0 && x < width && y >= 0 ? (bits[y * width + x] as number) : 0);
  const mq = new MqEncoder();
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let cx = 0;
      for (const [dx, dy] of TEMPLATE) cx = (cx << 1) | at(x + dx, y + dy);
      mq.encode(cx, bits[y * width + x] as number);
    }
  }
  const coded = mq.flush();
  // Page information: size, resolution unknown, flags 0 (default pixel 0, OR), not striped.
  const page = [...u32(width), ...u32(height), ...u32(0), ...u32(0), 0x00, 0x00, 0x00];
  // Region information (size, at 0,0, OR), generic flags (arithmetic, template 0, no TPGDON), AT pixels.
  const region = [...u32(width), ...u32(height), ...u32(0), ...u32(0), 0x00, 0x00, 3, -1 & 0xff, -3 & 0xff, -1 & 0xff, 2, -2 & 0xff, -2 & 0xff, -2 & 0xff, ...coded];
  return new Uint8Array([...segment(0, 48, page), ...segment(1, 38, region), ...segment(2, 49, [])]);
}
