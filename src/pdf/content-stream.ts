/**
 * A PDF content-stream lexer, parser and writer: pdf-lib writes operators but cannot read them.
 * Operands keep their bytes, so an operation we do not touch is written back unchanged.
 */
export type Operand =
  | { readonly kind: 'number'; readonly value: number; readonly raw: string }
  | { readonly kind: 'name'; readonly value: string; readonly raw: string }
  | { readonly kind: 'string'; readonly bytes: Uint8Array; readonly raw: string }
  | { readonly kind: 'array'; readonly items: readonly Operand[] }
  | { readonly kind: 'dict'; readonly raw: string }
  | { readonly kind: 'other'; readonly raw: string };

export interface Operation {
  readonly operator: string;
  readonly operands: readonly Operand[];
  /** For inline images (BI): the raw bytes from "BI" through "EI". */
  readonly inlineImage?: Uint8Array;
}

// Byte classes as lookup tables: the lexer asks per byte of every content stream.
const CLASS_WHITESPACE = 1;
const CLASS_DELIMITER = 2;
const CLASS_NUMBER = 4;
const BYTE_CLASS = new Uint8Array(256);
for (const b of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) BYTE_CLASS[b] = CLASS_WHITESPACE;
for (const b of [0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]) BYTE_CLASS[b] = CLASS_DELIMITER;
for (let b = 0x30; b <= 0x39; b++) BYTE_CLASS[b] = CLASS_NUMBER;
BYTE_CLASS[0x2e] = CLASS_NUMBER;
const isWhitespace = (b: number | undefined): boolean => b !== undefined && (BYTE_CLASS[b] as number) === CLASS_WHITESPACE;
const isRegular = (b: number): boolean => ((BYTE_CLASS[b] as number) & (CLASS_WHITESPACE | CLASS_DELIMITER)) === 0;

/** Hex digit values (-1: not a hex digit). */
const HEX_VALUE = new Int8Array(256).fill(-1);
for (let k = 0; k < 16; k++) {
  HEX_VALUE[k.toString(16).charCodeAt(0)] = k;
  HEX_VALUE[k.toString(16).toUpperCase().charCodeAt(0)] = k;
}

function latin1(bytes: Uint8Array, start: number, end: number): string {
  if (end - start > 32) return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i] as number);
  return s;
}

/*
 * Short tokens repeat: operators, font and resource names, and most numbers ("0", "1", "12",
 * "72.5") occur thousands of times in a document. Tokens of up to six bytes are looked up by
 * their bytes in a direct-mapped cache and their operand (or operator text) made once: operands
 * are never changed after parsing, so operations share them. That was most of what parsing
 * allocated. (A Map keyed by the bytes packed into one number was slower than making the
 * operand: keys past 31 bits are heap numbers.) A slot holds the last token that hashed to it.
 */
const MAX_CACHED = 6;
const SLOT_BITS = 12;

class TokenCache<V> {
  readonly #low = new Int32Array(1 << SLOT_BITS);
  readonly #high = new Int32Array(1 << SLOT_BITS);
  readonly #values: (V | undefined)[] = new Array<V | undefined>(1 << SLOT_BITS).fill(undefined);
  #slot = 0;
  #lowKey = 0;
  #highKey = 0;

  /** The token's cached value, if any; remembers the token for `set`. */
  get(bytes: Uint8Array, start: number, end: number): V | undefined {
    const length = end - start;
    if (length > MAX_CACHED) {
      this.#slot = -1;
      return undefined;
    }
    // The first four bytes, and the length with the bytes after them: no two tokens share both.
    let low = 0;
    let high = length;
    for (let i = start; i < end && i < start + 4; i++) low = (low << 8) | (bytes[i] as number);
    for (let i = start + 4; i < end; i++) high = (high << 8) | (bytes[i] as number);
    this.#lowKey = low;
    this.#highKey = high;
    this.#slot = (Math.imul(low, 0x9e3779b1) ^ Math.imul(high, 0x85ebca77)) >>> (32 - SLOT_BITS);
    return this.#low[this.#slot] === low && this.#high[this.#slot] === high ? this.#values[this.#slot] : undefined;
  }

  /** Caches `value` for the token last looked up, and returns it. */
  set(value: V): V {
    if (this.#slot >= 0) {
      this.#low[this.#slot] = this.#lowKey;
      this.#high[this.#slot] = this.#highKey;
      this.#values[this.#slot] = value;
    }
    return value;
  }
}

const numberTokens = new TokenCache<Operand>();
const nameTokens = new TokenCache<Operand>();
const wordTokens = new TokenCache<string>();

function numberToken(bytes: Uint8Array, start: number, end: number): Operand {
  const known = numberTokens.get(bytes, start, end);
  if (known) return known;
  const raw = latin1(bytes, start, end);
  const value = Number.parseFloat(raw);
  return numberTokens.set({ kind: 'number', value: Number.isNaN(value) ? 0 : value, raw });
}

function nameToken(bytes: Uint8Array, start: number, end: number): Operand {
  const known = nameTokens.get(bytes, start, end);
  if (known) return known;
  const raw = latin1(bytes, start, end);
  const value = raw.slice(1);
  return nameTokens.set({ kind: 'name', value: value.includes('#') ? value.replace(/#([0-9a-fA-F]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))) : value, raw });
}

function wordToken(bytes: Uint8Array, start: number, end: number): string {
  return wordTokens.get(bytes, start, end) ?? wordTokens.set(latin1(bytes, start, end));
}

export class ContentStreamError extends Error {}

/**
 * A string operand as parsed: its source text (what is written back when the operation is kept)
 * is read from the stream's bytes only when written, and most operations of a document never are.
 */
class ParsedString {
  readonly kind = 'string';
  readonly bytes: Uint8Array;
  readonly #source: Uint8Array;
  readonly #start: number;
  readonly #end: number;

  constructor(bytes: Uint8Array, source: Uint8Array, start: number, end: number) {
    this.bytes = bytes;
    this.#source = source;
    this.#start = start;
    this.#end = end;
  }

  get raw(): string {
    return latin1(this.#source, this.#start, this.#end);
  }
}

/** Where literal strings are decoded before they get their own bytes (grown as needed). */
let scratch = new Uint8Array(4096);
const MAX_SCRATCH = 1 << 20;

/** Parses a content stream into operations. Throws ContentStreamError on malformed input. */
export function parseContentStream(bytes: Uint8Array): Operation[] {
  const ops: Operation[] = [];
  let i = 0;
  const n = bytes.length;
  // Arrays being read (TJ's); an operation's own operands gather in a scratch array and are
  // copied out at their operator, at their size (a new array per operation grew to 17 slots).
  const stack: Operand[][] = [];
  const pending: Operand[] = [];
  let pendingCount = 0;
  const takePending = (): Operand[] => {
    const operands = pending.slice(0, pendingCount);
    pendingCount = 0;
    return operands;
  };

  const skipSpace = () => {
    for (;;) {
      while (i < n && isWhitespace(bytes[i])) i++;
      if (i < n && bytes[i] === 0x25) {
        while (i < n && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++;
        continue;
      }
      return;
    }
  };
  const push = (o: Operand) => {
    if (stack.length > 0) (stack[stack.length - 1] as Operand[]).push(o);
    else pending[pendingCount++] = o;
  };

  while (true) {
    skipSpace();
    if (i >= n) break;
    const c = bytes[i] as number;
    const start = i;
    if (c === 0x28) {
      // Literal string with escapes and balanced parentheses, decoded into a scratch buffer (a
      // string decodes to at most as many bytes as it has).
      i++;
      let depth = 1;
      let out = 0;
      let buf = scratch;
      while (i < n && depth > 0) {
        // Each turn writes at most one byte.
        if (out === buf.length) {
          const grown = new Uint8Array(buf.length * 2);
          grown.set(buf);
          buf = grown;
          if (buf.length <= MAX_SCRATCH) scratch = buf;
        }
        const b = bytes[i++] as number;
        if (b === 0x5c) {
          const e = bytes[i++] as number;
          if (e === 0x6e) buf[out++] = 0x0a;
          else if (e === 0x72) buf[out++] = 0x0d;
          else if (e === 0x74) buf[out++] = 0x09;
          else if (e === 0x62) buf[out++] = 0x08;
          else if (e === 0x66) buf[out++] = 0x0c;
          else if (e >= 0x30 && e <= 0x37) {
            let v = e - 0x30;
            for (let k = 0; k < 2 && i < n && (bytes[i] as number) >= 0x30 && (bytes[i] as number) <= 0x37; k++) v = v * 8 + ((bytes[i++] as number) - 0x30);
            buf[out++] = v & 0xff;
          } else if (e === 0x0d) {
            if (bytes[i] === 0x0a) i++;
          } else if (e === 0x0a) {
            // line continuation
          } else if (e !== undefined) buf[out++] = e;
        } else if (b === 0x28) {
          depth++;
          buf[out++] = b;
        } else if (b === 0x29) {
          depth--;
          if (depth > 0) buf[out++] = b;
        } else buf[out++] = b;
      }
      if (depth !== 0) throw new ContentStreamError('unterminated string');
      push(new ParsedString(buf.slice(0, out), bytes, start, i));
    } else if (c === 0x3c && bytes[i + 1] === 0x3c) {
      // Dictionary operand (BDC properties): kept as raw text with nesting.
      let depth = 0;
      while (i < n) {
        if (bytes[i] === 0x3c && bytes[i + 1] === 0x3c) {
          depth++;
          i += 2;
        } else if (bytes[i] === 0x3e && bytes[i + 1] === 0x3e) {
          depth--;
          i += 2;
          if (depth === 0) break;
        } else if (bytes[i] === 0x28) {
          // skip nested string
          let d = 0;
          do {
            if (bytes[i] === 0x5c) i++;
            else if (bytes[i] === 0x28) d++;
            else if (bytes[i] === 0x29) d--;
            i++;
          } while (i < n && d > 0);
        } else i++;
      }
      if (depth !== 0) throw new ContentStreamError('unterminated dictionary');
      push({ kind: 'dict', raw: latin1(bytes, start, i) });
    } else if (c === 0x3c) {
      i++;
      const close = bytes.indexOf(0x3e, i);
      if (close < 0) throw new ContentStreamError('unterminated hex string');
      // Digits pair up ignoring whitespace; an odd last digit counts as followed by 0. A byte that
      // is not a hex digit counts as 0 (such a file is damaged; what matters is not to crash).
      const out = new Uint8Array((close - i + 1) >> 1);
      let digits = 0;
      for (; i < close; i++) {
        const b = bytes[i] as number;
        if (isWhitespace(b)) continue;
        const v = Math.max(0, HEX_VALUE[b] as number);
        if ((digits & 1) === 0) out[digits >> 1] = v << 4;
        else out[digits >> 1] = (out[digits >> 1] as number) | v;
        digits++;
      }
      i++;
      push(new ParsedString(out.subarray(0, (digits + 1) >> 1), bytes, start, i));
    } else if (c === 0x5b) {
      i++;
      stack.push([]);
    } else if (c === 0x5d) {
      i++;
      if (stack.length < 1) throw new ContentStreamError('unbalanced array');
      const items = stack.pop() as Operand[];
      push({ kind: 'array', items });
    } else if (c === 0x2f) {
      i++;
      while (i < n && isRegular(bytes[i] as number)) i++;
      push(nameToken(bytes, start, i));
    } else if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
      i++;
      while (i < n && (BYTE_CLASS[bytes[i] as number] as number) === CLASS_NUMBER) i++;
      push(numberToken(bytes, start, i));
    } else {
      while (i < n && isRegular(bytes[i] as number)) i++;
      if (i === start) {
        // A stray delimiter (")", ">" or "}"): skip it.
        i++;
        continue;
      }
      const word = wordToken(bytes, start, i);
      if (word === 'true' || word === 'false' || word === 'null') {
        push({ kind: 'other', raw: word });
        continue;
      }
      if (stack.length > 0) throw new ContentStreamError('an operator inside an array');
      if (word === 'BI') {
        // Inline image: up to "ID", one whitespace byte, binary data, then "EI" after whitespace.
        const idAt = indexOfWord(bytes, 'ID', i);
        if (idAt < 0) throw new ContentStreamError('inline image without ID');
        let j = idAt + 3;
        let end = -1;
        while (j < n - 1) {
          if (bytes[j] === 0x45 && bytes[j + 1] === 0x49 && isWhitespace(bytes[j - 1]) && (j + 2 >= n || isWhitespace(bytes[j + 2]))) {
            end = j + 2;
            break;
          }
          j++;
        }
        if (end < 0) throw new ContentStreamError('inline image without EI');
        ops.push({ operator: 'BI', operands: [], inlineImage: bytes.slice(start, end) });
        pendingCount = 0;
        i = end;
        continue;
      }
      ops.push({ operator: word, operands: takePending() });
    }
  }
  return ops;
}

function indexOfWord(bytes: Uint8Array, word: string, from: number): number {
  const a = word.charCodeAt(0);
  const b = word.charCodeAt(1);
  for (let i = from; i < bytes.length - 1; i++) {
    if (bytes[i] === a && bytes[i + 1] === b && isWhitespace(bytes[i - 1]) && isWhitespace(bytes[i + 2])) return i;
  }
  return -1;
}

export function hexString(bytes: Uint8Array): string {
  let s = '<';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return `${s}>`;
}

function writeOperand(o: Operand): string {
  switch (o.kind) {
    case 'array':
      return `[${o.items.map(writeOperand).join(' ')}]`;
    case 'string':
      return o.raw || hexString(o.bytes);
    default:
      return o.raw;
  }
}

export function numberOperand(value: number): Operand {
  const rounded = Math.round(value * 1000) / 1000;
  return { kind: 'number', value: rounded, raw: String(rounded) };
}

export function stringOperand(bytes: Uint8Array): Operand {
  return { kind: 'string', bytes, raw: hexString(bytes) };
}

/** Writes operations back to bytes. */
export function writeContentStream(ops: readonly Operation[]): Uint8Array {
  // Text between inline images is gathered and encoded at once (Latin-1: one byte per char).
  const parts: Uint8Array[] = [];
  let lines: string[] = [];
  const flush = () => {
    if (lines.length > 0) parts.push(Buffer.from(lines.join(''), 'latin1'));
    lines = [];
  };
  for (const op of ops) {
    if (op.inlineImage) {
      flush();
      parts.push(op.inlineImage);
      lines.push('\n');
      continue;
    }
    let line = '';
    for (const operand of op.operands) line += `${writeOperand(operand)} `;
    lines.push(`${line}${op.operator}\n`);
  }
  flush();
  const total = parts.reduce((s, p) => s + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
