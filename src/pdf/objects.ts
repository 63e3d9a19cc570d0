import { constants as zlibConstants, deflateSync, inflateSync } from 'node:zlib';
import { decodePDFRawStream, PDFArray, PDFDict, PDFFlateStream, PDFInvalidObject, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFStream, type PDFContext, type PDFObject } from 'pdf-lib';

/** Small typed readers over pdf-lib's object model. */
export function resolve(context: PDFContext, obj: PDFObject | undefined): PDFObject | undefined {
  let o = obj;
  for (let depth = 0; o instanceof PDFRef && depth < 32; depth++) o = context.lookup(o);
  return o instanceof PDFRef ? undefined : o;
}

export function dictOf(context: PDFContext, obj: PDFObject | undefined): PDFDict | undefined {
  const o = resolve(context, obj);
  if (o instanceof PDFDict) return o;
  if (o instanceof PDFStream) return o.dict;
  return undefined;
}

export function get(context: PDFContext, dict: PDFDict | undefined, key: string): PDFObject | undefined {
  return dict ? resolve(context, dict.get(PDFName.of(key))) : undefined;
}

/** A name's decoded text, once per name: pdf-lib keeps one PDFName per name, and decodeText decodes it byte by byte each time. */
const nameTexts = new WeakMap<PDFName, string>();
export function nameText(name: PDFName): string {
  let text = nameTexts.get(name);
  if (text === undefined) nameTexts.set(name, (text = name.decodeText()));
  return text;
}

export function nameOf(context: PDFContext, dict: PDFDict | undefined, key: string): string | undefined {
  const o = get(context, dict, key);
  return o instanceof PDFName ? nameText(o) : undefined;
}

export function numberOf(context: PDFContext, dict: PDFDict | undefined, key: string): number | undefined {
  const o = get(context, dict, key);
  return o instanceof PDFNumber ? o.asNumber() : undefined;
}

export function arrayOf(context: PDFContext, dict: PDFDict | undefined, key: string): PDFObject[] | undefined {
  const o = get(context, dict, key);
  return o instanceof PDFArray ? o.asArray().map((x) => resolve(context, x) ?? x) : undefined;
}

export function numbers(context: PDFContext, items: readonly PDFObject[] | undefined): number[] {
  return (items ?? []).map((x) => {
    const o = resolve(context, x);
    return o instanceof PDFNumber ? o.asNumber() : 0;
  });
}

export class UnsupportedStreamError extends Error {}

/** A stream whose encoded data is corrupt. */
export class DamagedStreamError extends Error {}

/** A stream that inflates past the limit: a decompression bomb, or simply too big to handle. */
export class StreamTooLargeError extends Error {}

/** Largest decoded stream accepted (a small PDF can inflate to gigabytes). */
export const MAX_DECODED_STREAM_BYTES = 256 * 1024 * 1024;

/**
 * The decoded bytes of a stream; throws UnsupportedStreamError for filters pdf-lib cannot decode
 * and StreamTooLargeError past `limit`. Plain Flate streams are inflated by zlib with an output
 * cap, so a decompression bomb stops at the limit instead of filling memory.
 */
export function streamBytes(stream: PDFStream, limit = MAX_DECODED_STREAM_BYTES): Uint8Array {
  if (stream instanceof PDFRawStream) {
    const filter = stream.dict.get(PDFName.of('Filter'));
    const plainFlate = filter instanceof PDFName && nameText(filter) === 'FlateDecode' && !stream.dict.has(PDFName.of('DecodeParms'));
    if (plainFlate) {
      try {
        // A stream cut short gives what it has (as viewers show it); corrupt data is an error.
        return new Uint8Array(inflateSync(stream.contents, { maxOutputLength: limit, finishFlush: zlibConstants.Z_SYNC_FLUSH }));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
          throw new StreamTooLargeError(`a stream inflates to more than ${limit} bytes`);
        }
        // Readers recover from corrupt Flate data in different ways (pdf-lib's decoder would give
        // yet another reading): text one of them shows could be text we never saw.
        throw new DamagedStreamError('a stream\'s compressed data is corrupt');
      }
    }
    let decoded: Uint8Array;
    try {
      decoded = decodePDFRawStream(stream).decode();
    } catch (error) {
      throw new UnsupportedStreamError(`a stream uses a filter that cannot be decoded (${(error as Error).message})`);
    }
    if (decoded.length > limit) throw new StreamTooLargeError(`a stream decodes to more than ${limit} bytes`);
    return decoded;
  }
  const s = stream as unknown as { getUnencodedContents?: () => Uint8Array; getContents: () => Uint8Array };
  return s.getUnencodedContents ? s.getUnencodedContents() : s.getContents();
}

/**
 * The references reachable from the trailer's catalog and info dictionary. pdf-lib keeps one
 * PDFRef per object number and generation, so the set holds them by identity. Given the
 * document's pages, a page object that is not one of them (an earlier page tree's, still named by
 * a destination: pdfseparate and pdfunite leave them) is not followed: no viewer shows it.
 */
export function reachableRefs(context: PDFContext, pages?: ReadonlySet<PDFRef>): Set<PDFRef> {
  const typeKey = PDFName.of('Type');
  const pageType = PDFName.of('Page');
  const reachable = new Set<PDFRef>();
  const stack: PDFObject[] = [context.trailerInfo.Root, context.trailerInfo.Info].filter((x): x is PDFObject => x !== undefined);
  while (stack.length > 0) {
    const o = stack.pop() as PDFObject;
    if (o instanceof PDFRef) {
      if (reachable.has(o)) continue;
      const target = context.lookup(o);
      if (pages && !pages.has(o) && target instanceof PDFDict && target.get(typeKey) === pageType) continue;
      reachable.add(o);
      if (target) stack.push(target);
    } else if (o instanceof PDFDict) {
      for (const v of o.values()) stack.push(v);
    } else if (o instanceof PDFArray) {
      for (let k = 0; k < o.size(); k++) stack.push(o.get(k));
    } else if (o instanceof PDFStream) {
      for (const v of o.dict.values()) stack.push(v);
    }
  }
  return reachable;
}

/**
 * Whether the document uses an object pdf-lib could not parse. Other readers may still make
 * something of its bytes (a stream with text, say) that we could neither read nor redact, and
 * saving would copy those bytes into the output unchanged.
 */
export function usesUnreadableObject(context: PDFContext): boolean {
  // Reachability (a walk of the whole object graph) only where some object is unreadable at all.
  const unreadable = context.enumerateIndirectObjects().filter(([, obj]) => obj instanceof PDFInvalidObject);
  if (unreadable.length === 0) return false;
  const reachable = reachableRefs(context);
  return unreadable.some(([ref]) => reachable.has(ref));
}

/**
 * How deeply arrays and dictionaries nest inside any one object (references are not followed:
 * long chains of them, like outlines, are normal), counted without recursion and given up on
 * once past `stopAt`. Code that walks objects recursively, ours and pdf-lib's, must not meet a
 * file nested thousands deep.
 */
export function deepestNesting(context: PDFContext, stopAt: number): number {
  let deepest = 0;
  const objects: PDFObject[] = [];
  const depths: number[] = [];
  for (const [, obj] of context.enumerateIndirectObjects()) {
    objects.push(obj instanceof PDFStream ? obj.dict : obj);
    depths.push(1);
    while (objects.length > 0) {
      const o = objects.pop() as PDFObject;
      const depth = depths.pop() as number;
      if (!(o instanceof PDFArray || o instanceof PDFDict)) continue;
      if (depth > deepest) deepest = depth;
      if (deepest > stopAt) return deepest;
      if (o instanceof PDFArray) {
        for (let k = 0; k < o.size(); k++) {
          objects.push(o.get(k));
          depths.push(depth + 1);
        }
      } else {
        for (const child of o.values()) {
          objects.push(child);
          depths.push(depth + 1);
        }
      }
    }
  }
  return deepest;
}

/**
 * A Flate-compressed stream made with Node's zlib: pdf-lib's own compression (pako) is JavaScript
 * and several times slower, and it ran for every page written.
 */
export function flateStream(context: PDFContext, bytes: Uint8Array, dict: Record<string, PDFObject | string | number> = {}): PDFRawStream {
  return context.stream(deflateSync(bytes), { ...dict, Filter: 'FlateDecode' });
}

/**
 * Streams pdf-lib made itself (the q/Q wrappers it puts around page contents, drawn content)
 * compress with pako when saved; they are compressed here with zlib instead, dictionary kept.
 */
export function compressPendingStreams(context: PDFContext): void {
  for (const [ref, obj] of context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFFlateStream)) continue;
    const dict: Record<string, PDFObject> = {};
    for (const [key, value] of obj.dict.entries()) {
      const k = nameText(key);
      if (k !== 'Length' && k !== 'Filter' && k !== 'DecodeParms') dict[k] = value;
    }
    context.assign(ref, flateStream(context, obj.getUnencodedContents(), dict));
  }
}

/**
 * Runs `f` with pdf-lib's console warnings silenced: on damaged files it reports every object it
 * skips, which would flood a batch's output (and say nothing a user can act on).
 */
export async function quietly<T>(f: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    return await f();
  } finally {
    console.warn = warn;
  }
}
