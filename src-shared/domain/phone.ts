/**
 * Saudi mobile numbers. Stored once, as E.164 (+9665XXXXXXXX), so the same phone typed five different
 * ways is still one phone for duplicate detection and for SMS; shown the way people say it aloud.
 */
import { toLatinDigits } from './digits';
import { stripInvisibleMarks } from './arabic-text';

/** National significant number of a mobile: 5 then eight digits. */
const MOBILE_NSN = /^5\d{8}$/;

/** Separators people type or paste; anything else (letters, #, extensions) makes the input invalid. */
const SEPARATORS = /[\s\-.()\u00a0\u2010-\u2015]/g;

export function normaliseSaudiMobile(input: string): string | null {
  const compact = toLatinDigits(stripInvisibleMarks(input)).replace(SEPARATORS, '');
  const match = /^(\+?)(\d+)$/.exec(compact);
  if (!match) return null;
  const hasPlus = match[1] === '+';
  const digits = match[2] ?? '';

  let nsn: string;
  if (hasPlus) {
    if (!digits.startsWith('966')) return null;
    nsn = digits.slice(3);
  } else if (digits.startsWith('00966')) {
    nsn = digits.slice(5);
  } else if (digits.startsWith('966') && digits.length >= 12) {
    nsn = digits.slice(3);
  } else {
    nsn = digits.startsWith('0') ? digits.slice(1) : digits;
    return MOBILE_NSN.test(nsn) ? `+966${nsn}` : null;
  }
  // "+966 (0)55 …" is a common way of writing the number; the trunk 0 after the country code is noise.
  if (nsn.startsWith('0')) nsn = nsn.slice(1);
  return MOBILE_NSN.test(nsn) ? `+966${nsn}` : null;
}

/**
 * The forms a receptionist might start typing, for prefix search over stored numbers: international
 * without "+", national with the trunk 0, and the bare number.
 */
export function phoneSearchVariants(e164: string): string[] {
  const normal = normaliseSaudiMobile(e164);
  if (normal === null) return [];
  const nsn = normal.slice(4);
  return [`966${nsn}`, `0${nsn}`, nsn];
}

/** Display form `055 123 4567`; input that is not a Saudi mobile is returned untouched. */
export function formatSaudiMobile(e164: string): string {
  const normal = normaliseSaudiMobile(e164);
  if (normal === null) return e164;
  const local = `0${normal.slice(4)}`;
  return `${local.slice(0, 3)} ${local.slice(3, 6)} ${local.slice(6)}`;
}
