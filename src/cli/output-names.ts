import { extname } from 'node:path';

/** Where one input's outputs go, relative to the output folder. */
export interface OutputNames {
  /** The input's relative path with personal data in it replaced by its code: how it is named everywhere. */
  readonly safe: string;
  readonly output: string;
  readonly manifest: string;
}

function stemOf(relative: string): string {
  return relative.slice(0, relative.length - extname(relative).length);
}

/** Names that differ only in case or Unicode form are one name on some file systems (and shares). */
function key(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

function outputExtension(extension: string): string {
  return extension === '.pdf' ? 'pdf' : 'txt';
}

/**
 * Output and manifest names for a batch's files, unique by construction and the same for any
 * --jobs: computed once, in input order, before any file is processed. A file keeps the plain
 * `<stem>.redacted.<ext>` / `<stem>.manifest.json` unless another file's names coincide with it,
 * which happens when personal data in file names is replaced by its code ("mail van Anouk de
 * Wit.txt" and "mail van Jeroen Bakker.txt" both become "mail van 5.1.2e") or when two types share
 * a stem (`x.txt`, `x.pdf`). Then a stem shared by files of different types names its manifests by
 * type (`x.txt.manifest.json`, `x.pdf.manifest.json`), and files of one type are numbered in input
 * order (`mail van 5.1.2e (1).redacted.txt`, `(2)`, ...), skipping numbers another file uses.
 */
export function planOutputNames(files: readonly { readonly safe: string; readonly extension: string; readonly supported: boolean }[]): OutputNames[] {
  const taken = new Set<string>();
  const plain = (safe: string, extension: string, stem = stemOf(safe)) => ({ output: `${stem}.redacted.${outputExtension(extension)}`, manifest: `${stem}.manifest.json` });
  const byStem = new Map<string, number[]>();
  files.forEach((f, i) => {
    if (!f.supported) return;
    const k = key(stemOf(f.safe));
    const list = byStem.get(k);
    if (list) list.push(i);
    else byStem.set(k, [i]);
  });
  const names = new Array<OutputNames>(files.length);
  const claim = (i: number, n: { output: string; manifest: string }) => {
    taken.add(key(n.output));
    taken.add(key(n.manifest));
    names[i] = { safe: (files[i] as { safe: string }).safe, ...n };
  };
  // Files alone with their stem keep the plain names; they are claimed first, so a number
  // given to a colliding file never takes a name that exists without collision.
  const colliding: number[][] = [];
  for (const group of byStem.values()) {
    if (group.length === 1) {
      const f = files[group[0] as number] as { safe: string; extension: string };
      claim(group[0] as number, plain(f.safe, f.extension));
    } else colliding.push(group);
  }
  for (const group of colliding) {
    const members = group.map((i) => ({ i, f: files[i] as { safe: string; extension: string } }));
    const types = new Set(members.map((m) => outputExtension(m.f.extension)));
    if (types.size === members.length) {
      const byType = members.map((m) => {
        const stem = stemOf(m.f.safe);
        return { i: m.i, n: { output: `${stem}.redacted.${outputExtension(m.f.extension)}`, manifest: `${stem}.${outputExtension(m.f.extension)}.manifest.json` } };
      });
      if (byType.every((x) => !taken.has(key(x.n.output)) && !taken.has(key(x.n.manifest)))) {
        for (const x of byType) claim(x.i, x.n);
        continue;
      }
    }
    let counter = 1;
    for (const m of members) {
      for (;;) {
        const n = plain(m.f.safe, m.f.extension, `${stemOf(m.f.safe)} (${counter++})`);
        if (taken.has(key(n.output)) || taken.has(key(n.manifest))) continue;
        claim(m.i, n);
        break;
      }
    }
  }
  files.forEach((f, i) => {
    names[i] ??= { safe: f.safe, ...plain(f.safe, f.extension) };
  });
  return names;
}
