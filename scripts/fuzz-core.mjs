// A mutation fuzzer over the fixture PDFs: byte flips, truncations and dictionary edits. Every
// mutant must end as a verified redacted output or a clean error with a stable code: never a
// crash, a hang or a leak. Deterministic for a given seed. Used by tests/fuzz.test.ts (bounded)
// and `npm run fuzz` (longer).
export function mutants(base, count, seed) {
  let s = seed >>> 0 || 1;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const out = [];
  const text = Buffer.from(base).toString('latin1');
  for (let k = 0; k < count; k++) {
    const kind = k % 4;
    let m = base.slice();
    if (kind === 0) for (let j = 0; j < 1 + Math.floor(rand() * 8); j++) m[Math.floor(rand() * m.length)] = Math.floor(rand() * 256);
    else if (kind === 1) m = m.slice(0, Math.floor(rand() * m.length));
    else if (kind === 2) {
      // Dictionary edits: rename a key, break a reference, change a number.
      const edits = [
        [/\/Contents/g, '/Contentz'],
        [/\/Font/g, '/Fonx'],
        [/\/Length \d+/g, '/Length 3'],
        [/ 0 R/g, ' 9 R'],
        [/\/Widths/g, '/Widthz'],
        [/\/Resources/g, '/Resourcez'],
      ];
      const [re, to] = edits[Math.floor(rand() * edits.length)];
      let i = 0;
      const target = Math.floor(rand() * 4);
      m = Uint8Array.from(Buffer.from(text.replace(re, (x) => (i++ === target ? to : x)), 'latin1'));
    } else {
      // A slice of the file repeated: duplicated objects, broken xref offsets.
      const at = Math.floor(rand() * m.length);
      const len = Math.floor(rand() * 200);
      const piece = m.slice(at, at + len);
      const copy = new Uint8Array(m.length + piece.length);
      copy.set(m.slice(0, at));
      copy.set(piece, at);
      copy.set(m.slice(at), at + piece.length);
      m = copy;
    }
    out.push(m);
  }
  return out;
}
