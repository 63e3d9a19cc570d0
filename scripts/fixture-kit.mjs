// Building blocks of the synthetic gold fixtures: a seeded random source, synthetic people, and a
// document builder that records the span of every annotated value while the text is assembled,
// then applies OCR damage, merged columns and line-end hyphenation without losing a span.
// Everything here is synthetic: names are random combinations of common given names and surnames.

export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    shuffle: (list) => {
      const out = [...list];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
  };
}

export const GIVEN = [
  'Anouk', 'Pieter', 'Jeroen', 'Sanne', 'Marieke', 'Thijs', 'Lotte', 'Bas', 'Femke', 'Ruben', 'Esther', 'Maarten',
  'Inge', 'Wouter', 'Karin', 'Sander', 'Ilse', 'Joost', 'Mirjam', 'Erik', 'Linda', 'Hans', 'Annemiek', 'Gerard',
  'Noor', 'Daan', 'Eline', 'Niels', 'Hanneke', 'Arjen', 'Marloes', 'Stefan', 'Fleur', 'Jasper', 'Evelien', 'Koen',
  'Mohamed', 'Fatima', 'Youssef', 'Samira', 'Mehmet', 'Ayşe', 'Emre', 'Zeynep', 'Radjesh', 'Sunita', 'Minh', 'Linh',
  'Wei', 'Katarzyna', 'Piotr', 'Hamza', 'Nadia', 'Bilal', 'Elif', 'Joël', 'Chantal', 'Priscilla', 'Kofi', 'Ama',
  'Anne-Marie', 'Jan-Willem', 'Marie-José', 'Frank', 'Petra', 'Roel', 'Astrid', 'Hugo', 'Vera', 'Tamara',
];

export const SURNAMES = [
  'de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer',
  'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit',
  'Dijkstra', 'Smits', 'de Graaf', 'van der Meer', 'Kok', 'Jacobs', 'van der Linden', 'de Haan', 'Vermeulen',
  'van den Heuvel', 'Schouten', 'van Beek', 'Willems', 'Hoekstra', 'Verhoeven', 'Koster', 'Huisman', 'Kuipers',
  'van der Wal', 'Postma', 'Timmermans', 'Gerritsen', 'Jonker', 'van Loon', 'Smeets', 'de Lange', 'Schipper',
  'van Doorn', 'Hermans', 'Wolters', 'Molenaar', 'Verbeek', 'Groeneveld', 'Schaap', 'Pronk', 'Koopman', 'Zijlstra',
  'Boersma', 'Lammers', 'Wiersma', 'Schoneveld', 'Broekers-Knol', 'Terpstra', 'Rietveld', 'den Hartog', 'Feenstra',
  "van 't Hof", 'ten Brink', 'ter Horst', 'Yılmaz', 'el Idrissi', 'Bouzidi', 'Nguyen', 'Ramdin', 'Kaya', 'Demir',
  'Öztürk', 'Benali', 'Tran', 'Kowalski', 'Chen', 'Mahabier', 'Jagesar', 'Azzouzi', 'Wang', 'Boukhari',
];

// Surnames that no lexicon knows: people of every background have them, and context must find them.
export function inventedSurname(r) {
  const a = r.pick(['Kra', 'Ves', 'Bra', 'Zwa', 'Oud', 'Li', 'Hel', 'Tor', 'Wim']);
  const b = r.pick(['mel', 'ter', 'nink', 'ning', 've', 'rink', 'dorp', 'hoek', 'shoorn', 'kamp']);
  return a + b + r.pick(['', 'a', 'er', 'ink']);
}

export const MINISTRIES = [
  { name: 'Asiel en Migratie', org: 'Immigratie- en Naturalisatiedienst (IND)', dir: 'Directie Strategie, Beleid en Juridische Zaken', domain: 'ind.nl', dept: 'DGM', street: 'Turfmarkt 147', pc: '2511 DP', pb: 'Postbus 16275', pbpc: '2500 BG' },
  { name: 'Justitie en Veiligheid', org: 'Directoraat-generaal Straffen en Beschermen', dir: 'Directie Sanctietoepassing en Jeugd', domain: 'minjenv.nl', dept: 'DGSenB', street: 'Turfmarkt 147', pc: '2511 DP', pb: 'Postbus 20301', pbpc: '2500 EH' },
  { name: 'Binnenlandse Zaken en Koninkrijksrelaties', org: 'Directoraat-generaal Overheidsorganisatie', dir: 'Directie Informatiesamenleving en Overheid', domain: 'minbzk.nl', dept: 'DGOO', street: 'Turfmarkt 147', pc: '2511 DP', pb: 'Postbus 20011', pbpc: '2500 EA' },
  { name: 'Volksgezondheid, Welzijn en Sport', org: 'Directoraat-generaal Volksgezondheid', dir: 'Directie Publieke Gezondheid', domain: 'minvws.nl', dept: 'DGV', street: 'Parnassusplein 5', pc: '2511 VX', pb: 'Postbus 20350', pbpc: '2500 EJ' },
  { name: 'Infrastructuur en Waterstaat', org: 'Directoraat-generaal Mobiliteit', dir: 'Directie Wegen en Verkeersveiligheid', domain: 'minienw.nl', dept: 'DGMo', street: 'Rijnstraat 8', pc: '2515 XP', pb: 'Postbus 20901', pbpc: '2500 EX' },
  { name: 'Financiën', org: 'Directoraat-generaal Fiscale Zaken', dir: 'Directie Algemene Fiscale Politiek', domain: 'minfin.nl', dept: 'DGFZ', street: 'Korte Voorhout 7', pc: '2511 CW', pb: 'Postbus 20201', pbpc: '2500 EE' },
  { name: 'Sociale Zaken en Werkgelegenheid', org: 'Directoraat-generaal Werk', dir: 'Directie Arbeidsmarkt en Sociaal-Economische Aangelegenheden', domain: 'minszw.nl', dept: 'DGW', street: 'Parnassusplein 5', pc: '2511 VX', pb: 'Postbus 90801', pbpc: '2509 LV' },
];

export const STAFF_FUNCTIONS = ['beleidsmedewerker', 'senior beleidsmedewerker', 'beleidsadviseur', 'jurist', 'senior jurist', 'projectleider', 'teamleider', 'strategisch adviseur', 'communicatieadviseur', 'coördinator'];
export const CITIES = ['Utrecht', 'Amersfoort', 'Zwolle', 'Leiden', 'Delft', 'Tilburg', 'Almere', 'Arnhem', 'Haarlem', 'Groningen'];
export const STREETS = ['Lindenlaan', 'Kerkstraat', 'Molenweg', 'Beukenlaan', 'Dorpsstraat', 'Havenkade', 'Schoolstraat', 'Esdoornhof', 'Kastanjelaan', 'Julianastraat'];

/** A synthetic person: given name, optional initials, surname (with tussenvoegsel). */
export function person(r, opts = {}) {
  const given = r.pick(GIVEN);
  const surname = opts.invented ? inventedSurname(r) : r.pick(SURNAMES);
  const parts = surname.split(' ');
  const core = parts[parts.length - 1];
  const tussen = parts.slice(0, -1).join(' ');
  const initials = `${given[0]}.${r.chance(0.5) ? `${r.pick('ABCDEFGHJKLMNPRSTW')}.` : ''}`;
  const capitalTussen = tussen ? tussen[0].toUpperCase() + tussen.slice(1) : '';
  const local = `${given[0].toLowerCase()}.${core.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z]/g, '')}`;
  return {
    given,
    surname,
    core,
    tussen,
    initials,
    full: `${given} ${surname}`,
    formal: `${initials} ${surname}`,
    /** Surname alone as written in running text: "Van der Meer", "Jansen". */
    alone: tussen ? `${capitalTussen} ${core}` : core,
    /** Outlook's "Meer, Anouk van der". */
    inverted: `${core}, ${given}${tussen ? ` ${tussen}` : ''}`,
    local,
  };
}

export function phone(r, mobile = r.chance(0.6)) {
  if (mobile) {
    const d = () => String(r.int(0, 9));
    const n = `6${Array.from({ length: 8 }, d).join('')}`;
    return r.pick([
      `0${n.slice(0, 1)}-${n.slice(1)}`,
      `0${n.slice(0, 1)} ${n.slice(1, 3)} ${n.slice(3, 5)} ${n.slice(5, 7)} ${n.slice(7)}`,
      `+31 ${n.slice(0, 1)} ${n.slice(1, 5)} ${n.slice(5)}`,
      `+31 (0)${n.slice(0, 1)} ${n.slice(1, 3)} ${n.slice(3, 5)} ${n.slice(5, 7)} ${n.slice(7)}`,
      `0${n}`,
    ]);
  }
  const area = r.pick(['70', '30', '20', '50', '297', '40']);
  const rest = Array.from({ length: 9 - area.length }, () => String(r.int(0, 9))).join('');
  return r.pick([`0${area} ${rest.slice(0, 3)} ${rest.slice(3)}`, `(0${area}) ${rest.slice(0, 2)} ${rest.slice(2, 4)} ${rest.slice(4)}`, `0${area}-${rest}`]);
}

export function bsn(r) {
  for (;;) {
    const d = Array.from({ length: 8 }, () => r.int(0, 9));
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += d[i] * (9 - i);
    const last = sum % 11;
    if (last <= 9 && d[0] !== 0) return [...d, last].join('');
  }
}

export function iban(r) {
  const bank = r.pick(['ABNA', 'INGB', 'RABO', 'SNSB', 'TRIO']);
  const acct = Array.from({ length: 10 }, () => r.int(0, 9)).join('');
  const num = `${bank}${acct}NL00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rem = 0;
  for (const ch of num) rem = (rem * 10 + Number(ch)) % 97;
  const check = String(98 - rem).padStart(2, '0');
  const raw = `NL${check}${bank}${acct}`;
  return r.chance(0.5) ? raw : raw.replace(/(.{4})/g, '$1 ').trim();
}

export function date(r) {
  const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
  return `${r.int(1, 28)} ${r.pick(months)} ${r.int(2021, 2026)}`;
}

/**
 * A document under construction: lines of segments. A segment is plain text or an annotated
 * value { text, entity, action } where action is 'redact', 'keep' (public official, organisation,
 * organisation contact data) or 'review'.
 */
export class DocBuilder {
  constructor() {
    this.lines = [[]];
  }
  t(text) {
    const parts = text.split('\n');
    parts.forEach((p, i) => {
      if (i > 0) this.lines.push([]);
      if (p) this.lines[this.lines.length - 1].push({ text: p });
    });
    return this;
  }
  r(text, entity) {
    this.lines[this.lines.length - 1].push({ text, entity, action: 'redact' });
    return this;
  }
  k(text, entity) {
    this.lines[this.lines.length - 1].push({ text, entity, action: 'keep' });
    return this;
  }
  v(text, entity) {
    this.lines[this.lines.length - 1].push({ text, entity, action: 'review' });
    return this;
  }
  nl(n = 1) {
    for (let i = 0; i < n; i++) this.lines.push([]);
    return this;
  }
  /** Appends another builder's lines (a letterhead column merged into the body, by OCR). */
  mergeColumns(column, r, gap = '   ') {
    let li = r.int(2, 6);
    for (const line of column.lines) {
      while (li < this.lines.length && this.lines[li].length === 0) li++;
      if (li >= this.lines.length) this.lines.push([]);
      if (line.length > 0) this.lines[li].push({ text: gap }, ...line);
      li++;
    }
    return this;
  }
  /** Flattens to text and spans. */
  build() {
    let text = '';
    const spans = [];
    this.lines.forEach((line, i) => {
      if (i > 0) text += '\n';
      for (const seg of line) {
        if (seg.entity) spans.push({ start: text.length, end: text.length + seg.text.length, entity: seg.entity, action: seg.action });
        text += seg.text;
      }
    });
    return { text: `${text}\n`, spans };
  }
}

/** Inserts `str` at `pos`, moving spans after it and widening spans it falls inside. */
function insertAt(doc, pos, str) {
  doc.text = doc.text.slice(0, pos) + str + doc.text.slice(pos);
  for (const s of doc.spans) {
    if (s.start >= pos) s.start += str.length;
    if (s.end > pos) s.end += str.length;
  }
}

function replaceAt(doc, pos, length, str) {
  doc.text = doc.text.slice(0, pos) + str + doc.text.slice(pos + length);
  const delta = str.length - length;
  for (const s of doc.spans) {
    if (s.start > pos) s.start += delta;
    if (s.end > pos) s.end += delta;
  }
}

const OCR_SWAPS = [
  [/l/g, '1'],
  [/o/g, '0'],
  [/m/g, 'rn'],
  [/ë/g, 'e'],
  [/é/g, 'e'],
  [/i/g, 'l'],
];

/** OCR damage: a few letters per document misread, inside and outside annotated values. */
export function ocrDamage(doc, r, count) {
  for (let n = 0; n < count; n++) {
    const [pattern, replacement] = r.pick(OCR_SWAPS);
    const hits = [...doc.text.matchAll(pattern)].map((m) => m.index);
    if (hits.length === 0) continue;
    // Prefer damage inside annotated names half of the time: that is where it hurts.
    const inNames = hits.filter((h) => doc.spans.some((s) => s.entity === 'person' && s.start < h && h < s.end - 1));
    const pool = inNames.length > 0 && r.chance(0.5) ? inNames : hits;
    const at = r.pick(pool);
    replaceAt(doc, at, 1, replacement);
  }
}

/** Wraps long lines at `width`, sometimes hyphenating a word across the break ("Schone-\nveld"). */
export function wrapLines(doc, r, width, hyphenate) {
  let lineStart = 0;
  for (let i = 0; i < doc.text.length; i++) {
    if (doc.text[i] === '\n') {
      lineStart = i + 1;
      continue;
    }
    if (i - lineStart < width) continue;
    // Find the word around i.
    let ws = i;
    while (ws > lineStart && /\S/.test(doc.text[ws - 1])) ws--;
    let we = i;
    while (we < doc.text.length && /\S/.test(doc.text[we])) we++;
    const word = doc.text.slice(ws, we);
    const inside = i - ws;
    if (hyphenate && /^[\p{L}]{7,}$/u.test(word) && inside >= 3 && word.length - inside >= 3 && r.chance(0.5)) {
      insertAt(doc, i, '-\n');
      lineStart = i + 2;
      i = lineStart;
    } else if (ws > lineStart && doc.text[ws - 1] === ' ') {
      replaceAt(doc, ws - 1, 1, '\n');
      lineStart = ws;
      i = ws;
    }
  }
}
