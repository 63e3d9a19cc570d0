/**
 * Dates as documents write them: "3 maart 2025", "woensdag 14 juli 2024 8:32", "14-07-2024",
 * "2024-07-14", "Monday, June 3, 2024 2:02 PM". Read into ISO parts for the inventory's Datum and
 * DiWoo's creatiedatum / atTime. Anything that is not a real calendar date gives undefined: a
 * wrong date in a published inventory is worse than none.
 */

export interface DocumentDate {
  /** YYYY-MM-DD. */
  readonly date: string;
  /** HH:MM (24 h) when the text gives a time, as an e-mail's Verzonden does. */
  readonly time?: string;
}

const MONTHS: Readonly<Record<string, number>> = {
  januari: 1, jan: 1, january: 1,
  februari: 2, feb: 2, febr: 2, february: 2,
  maart: 3, mrt: 3, march: 3, mar: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, jun: 6, june: 6,
  juli: 7, jul: 7, july: 7,
  augustus: 8, aug: 8, august: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, okt: 10, october: 10, oct: 10,
  november: 11, nov: 11,
  december: 12, dec: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return undefined;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day > days ? undefined : `${year}-${pad(month)}-${pad(day)}`;
}

function timeAfter(rest: string): string | undefined {
  const m = /^[\s,]*(?:om\s+|at\s+)?(\d{1,2})[:.](\d{2})(?:[:.]\d{2})?\s*(am|pm|AM|PM)?/.exec(rest);
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  const meridiem = m[3]?.toLowerCase();
  if (meridiem === 'pm' && hour < 12) hour += 12;
  if (meridiem === 'am' && hour === 12) hour = 0;
  return hour < 24 && minute < 60 ? `${pad(hour)}:${pad(minute)}` : undefined;
}

const WORD_DATE = /(\d{1,2})\s*\.?\s+([a-z]{3,9})\.?,?\s+(\d{4})/i; // 3 maart 2025, 14 jul. 2024
const ENGLISH_DATE = /([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})/i; // June 3, 2024
const NUMERIC_DATE = /(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})/; // 14-07-2024
const ISO_DATE = /(\d{4})-(\d{2})-(\d{2})/;

/** The first date in a field value, with the time that follows it. */
export function parseDocumentDate(value: string): DocumentDate | undefined {
  const candidates: { index: number; date: string | undefined; end: number }[] = [];
  const word = WORD_DATE.exec(value);
  if (word) {
    const month = MONTHS[(word[2] as string).toLowerCase()];
    if (month) candidates.push({ index: word.index, end: word.index + word[0].length, date: isoDate(Number(word[3]), month, Number(word[1])) });
  }
  const english = ENGLISH_DATE.exec(value);
  if (english) {
    const month = MONTHS[(english[1] as string).toLowerCase()];
    if (month) candidates.push({ index: english.index, end: english.index + english[0].length, date: isoDate(Number(english[3]), month, Number(english[2])) });
  }
  const iso = ISO_DATE.exec(value);
  if (iso) candidates.push({ index: iso.index, end: iso.index + iso[0].length, date: isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) });
  const numeric = NUMERIC_DATE.exec(value);
  if (numeric) candidates.push({ index: numeric.index, end: numeric.index + numeric[0].length, date: isoDate(Number(numeric[3]), Number(numeric[2]), Number(numeric[1])) });
  const first = candidates.filter((c) => c.date).sort((a, b) => a.index - b.index)[0];
  if (!first?.date) return undefined;
  const time = timeAfter(value.slice(first.end));
  return time ? { date: first.date, time } : { date: first.date };
}

/**
 * An xs:dateTime for a local Dutch date and time, with the Europe/Amsterdam offset of that
 * moment (CET or CEST), so the Woo-index reads the moment the document gives.
 */
export function amsterdamDateTime(d: DocumentDate): string {
  const time = d.time ?? '00:00';
  const [y, m, day] = d.date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  // The offset at (about) that moment; a time inside the DST switch hour is rare enough for a date field.
  const probe = new Date(Date.UTC(y, m - 1, day, hh - 1, mm));
  const name = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', timeZoneName: 'longOffset' })
    .formatToParts(probe)
    .find((p) => p.type === 'timeZoneName')?.value;
  const offset = /GMT([+-]\d{2}:\d{2})/.exec(name ?? '')?.[1] ?? '+01:00';
  return `${d.date}T${time}:00${offset}`;
}
