/**
 * Handing decoded page images back before the next one is decoded. A 300 dpi colour scan decodes
 * to 26 MB of samples, and pdf.js's JPEG decoder holds another 52 MB of coefficients while it
 * works; both are garbage as soon as the page's image is rewritten, but V8 collects typed arrays
 * only when its heap or its external-memory limit asks for it, so the garbage of two or three
 * pages piled up (peak RSS 290-310 MB on an 8-page scan). Worse, glibc keeps a freed block below
 * its (raised) mmap threshold in the process, so RSS stays at its highest point: what matters is
 * that the next page's buffers reuse this page's. A full collection at that moment costs a few
 * milliseconds (the heap is small: the pixels are outside it) against the 0.2-0.4 s of decoding.
 * But a full collection is tens of milliseconds on a worker holding the lexicons, and on a
 * born-digital two-page nota that was most of its time (600 nota's: 20 s -> 108 s): so it runs
 * only when what just became garbage is big enough to matter.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null | undefined;

function collector(): (() => void) | null {
  const own = (globalThis as { gc?: () => void }).gc;
  if (typeof own === 'function') return own;
  try {
    // Exposes gc() to new contexts only: the host's global object is left as it was.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
}

/** Below this much garbage (a 1000 x 1400 grey scan) a full collection costs more than it saves. */
export const MIN_GARBAGE_BYTES = 4 << 20;

/**
 * Below this resident size there is nothing to hold down: a full collection (40-50 ms with the
 * lexicons loaded, 10% of a 4-page scan with one box) only matters where the garbage of the next
 * pages would push the process towards its budget (300 MB for a PDF without OCR).
 */
export const MIN_RSS_BYTES = 160 << 20;

/**
 * Collects garbage now (where the runtime allows it) when `garbageBytes`, what the caller just
 * dropped (an image's samples, a file and what was parsed from it), is at least MIN_GARBAGE_BYTES
 * and the process is past MIN_RSS_BYTES.
 */
export function releaseMemory(garbageBytes: number): void {
  if (!(garbageBytes >= MIN_GARBAGE_BYTES) || process.memoryUsage.rss() < MIN_RSS_BYTES) return;
  if (collect === undefined) collect = collector();
  collect?.();
}
