/**
 * Digit unification. Arabic keyboards type Arabic-Indic digits (٠-٩) and some Windows layouts and
 * phones type the Persian/Urdu forms (۰-۹); data copied from government sites mixes all three. Every
 * rule that compares or validates numbers (IDs, phones, dates) first brings them to Latin 0-9.
 */

const ARABIC_INDIC_ZERO = 0x0660;
const PERSIAN_ZERO = 0x06f0;

/** Latin digits shown in Arabic-Indic form, as the Arabic interface writes every figure and date. */
export function toArabicIndicDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(ARABIC_INDIC_ZERO + Number(d)));
}

export function toLatinDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (ch) => {
    const code = ch.charCodeAt(0);
    const base = code >= PERSIAN_ZERO ? PERSIAN_ZERO : ARABIC_INDIC_ZERO;
    return String(code - base);
  });
}
