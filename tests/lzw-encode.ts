/**
 * An LZW encoder for test images (/LZWDecode with its default EarlyChange 1): the codes stay 9 bits
 * wide, the table cleared before it would need a tenth bit, which every decoder reads.
 */
export function lzwEncode(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  const emit = (code: number) => {
    buffer = (buffer << 9) | code;
    bits += 9;
    while (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
  };
  const CLEAR = 256;
  const END = 257;
  const table = new Map<number, number>();
  let next = 258;
  emit(CLEAR);
  let prefix = -1;
  for (const byte of data) {
    if (prefix < 0) {
      prefix = byte;
      continue;
    }
    const key = prefix * 256 + byte;
    const code = table.get(key);
    if (code !== undefined) {
      prefix = code;
      continue;
    }
    emit(prefix);
    // The decoder widens its codes when its table reaches 511 entries: cleared before.
    if (next < 510) table.set(key, next++);
    else {
      emit(CLEAR);
      table.clear();
      next = 258;
    }
    prefix = byte;
  }
  if (prefix >= 0) emit(prefix);
  emit(END);
  if (bits > 0) out.push((buffer << (8 - bits)) & 0xff);
  return Uint8Array.from(out);
}
