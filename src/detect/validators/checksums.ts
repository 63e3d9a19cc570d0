/** BSN elfproef: 9 digits, 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 divisible by 11, not all zeros. */
export function isValidBsn(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/** IBAN check (ISO 13616): country letters, two check digits, mod 97 of the rearranged number is 1. */
export function isValidIban(raw: string): boolean {
  const iban = raw.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  if (iban.startsWith('NL') && !/^NL\d{2}[A-Z]{4}\d{10}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of value) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1;
}

export function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/** The digits (and a leading +) of a written number; OCR's "O" or "©" for a leading 0 read as 0. */
function compactPhone(text: string): string {
  return text.replace(/^[O©]/u, '0').replace(/\(0\)/g, '').replace(/[^\d+]/g, '');
}

/** A Dutch phone number has 10 digits nationally (0 + 9) or +31 / 0031 + 9 digits. */
export function isDutchPhoneNumber(text: string): boolean {
  const compact = compactPhone(text);
  if (compact.startsWith('+31')) return /^\+31[1-9]\d{8}$/.test(compact);
  if (compact.startsWith('0031')) return /^0031[1-9]\d{8}$/.test(compact);
  return /^0[1-9]\d{8}$/.test(compact);
}

/** The number in national form ("0612345678"), to compare against allowlists whatever the layout. */
export function nationalPhoneDigits(text: string): string {
  const compact = compactPhone(text);
  if (compact.startsWith('+31')) return `0${compact.slice(3)}`;
  if (compact.startsWith('0031')) return `0${compact.slice(4)}`;
  return compact;
}
