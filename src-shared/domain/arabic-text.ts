/**
 * Arabic text folding for search and name matching. The same name reaches the desk spelled many ways
 * (أحمد/احمد, فاطمة/فاطمه, عبد الله/عبدالله, with or without harakat, pasted from a PDF with hidden
 * direction marks); these functions fold them to one form. The result is a key, never shown to users.
 */
import { toLatinDigits } from './digits';

/** Direction marks and zero-width characters: invisible, but they break equality and prefix search. */
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

/** Harakat, Quranic annotation signs, superscript alef, and tatweel (kashida): decoration, not spelling. */
const DIACRITICS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;

/** Letter variants people use interchangeably when writing names (hamza seats, taa marbuta, Persian forms). */
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  '\u0623': '\u0627', // أ → ا
  '\u0625': '\u0627', // إ → ا
  '\u0622': '\u0627', // آ → ا
  '\u0671': '\u0627', // ٱ → ا
  '\u0672': '\u0627', // ٲ → ا
  '\u0673': '\u0627', // ٳ → ا
  '\u0629': '\u0647', // ة → ه
  '\u0649': '\u064a', // ى → ي
  '\u0624': '\u0648', // ؤ → و
  '\u0626': '\u064a', // ئ → ي
  '\u06be': '\u0647', // ھ → ه
  '\u06c0': '\u0647', // ۀ → ه
  '\u06d5': '\u0647', // ە → ه
  '\u06cc': '\u064a', // ی → ي
  '\u06a9': '\u0643', // ک → ك
};
const LETTER_FOLD_PATTERN = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g');

export function stripInvisibleMarks(text: string): string {
  return text.replace(INVISIBLE, '');
}

/**
 * Folds text for search and matching. NFKC rather than plain NFC so that presentation forms and
 * ligatures copied from PDFs (ﻻ, ﷲ, ﺃ…) become ordinary letters too; NFKC includes NFC.
 * Compound names are glued: "عبد الله"/"عبدالله" and "ابو بكر"/"ابوبكر" (any "ابو X", which is how
 * family names like ابو زيد are written both ways) each become one word.
 */
export function normaliseArabic(text: string): string {
  return toLatinDigits(
    stripInvisibleMarks(text.normalize('NFKC'))
      .replace(DIACRITICS, '')
      .replace(LETTER_FOLD_PATTERN, (ch) => LETTER_FOLDS[ch] ?? ch),
  )
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(^| )عبد (?=ال)/g, '$1عبد')
    .replace(/(^| )ابو (?=\S)/g, '$1ابو');
}

/** Lineage connectors, written or left out at will in Saudi names. */
const CONNECTORS: ReadonlySet<string> = new Set(['بن', 'ابن', 'بنت']);

export function nameTokens(text: string): string[] {
  return normaliseArabic(text)
    .split(/[\s\p{P}\p{S}]+/u)
    .filter((token) => token !== '' && !CONNECTORS.has(token));
}

/** Family names are written with and without the article (الحربي / حربي); "ال" alone, or "الم", stays. */
export function stripDefiniteArticle(token: string): string {
  return token.startsWith('ال') && token.length - 2 >= 2 ? token.slice(2) : token;
}

/*
 * Phonetic classes for phoneticKey. Chosen from the confusions seen when names are dictated at a desk
 * or copied between systems, not from linguistics; letters that are never confused stay apart so that
 * distinct names (محمد / أحمد) keep distinct keys.
 *
 *   ا ء (and أ إ آ folded into ا)  → A   only at the start of a word; elsewhere dropped
 *   و                               → W   only at the start; elsewhere dropped (long vowel ū)
 *   ي (and ى ئ folded into ي)       → Y   only at the start; elsewhere dropped (long vowel ī)
 *   ب → B        ت ط → T             ث س ص → S          ج → J
 *   ح → 7        خ → 5               د → D              ذ ز ظ ض → Z  (merged in Gulf speech)
 *   ر → R        ش → C               ع → 3              غ → G
 *   ف → F        ق ك → K  (ق is said "g"/"k" locally)    ل → L
 *   م → M        ن → N               ه (and ة) → H      (ح/ه kept apart: rarely confused in writing)
 *
 * Then runs of the same class collapse to one, even across a dropped vowel (shadda is already
 * stripped, so مُحَمَّد = محمد).
 * Latin letters are kept as is (lower case), digits and other symbols are dropped.
 */
const PHONETIC_CLASS: Readonly<Record<string, string>> = {
  'ب': 'B', 'ت': 'T', 'ط': 'T', 'ث': 'S', 'س': 'S', 'ص': 'S', 'ج': 'J', 'ح': '7', 'خ': '5',
  'د': 'D', 'ذ': 'Z', 'ز': 'Z', 'ظ': 'Z', 'ض': 'Z', 'ر': 'R', 'ش': 'C', 'ع': '3', 'غ': 'G',
  'ف': 'F', 'ق': 'K', 'ك': 'K', 'ل': 'L', 'م': 'M', 'ن': 'N', 'ه': 'H',
};
const WORD_START_VOWEL: Readonly<Record<string, string>> = { 'ا': 'A', 'ء': 'A', 'و': 'W', 'ي': 'Y' };

function phoneticToken(token: string): string {
  let key = '';
  let last = '';
  let first = true;
  for (const ch of token) {
    let code: string;
    const vowel = WORD_START_VOWEL[ch];
    if (vowel !== undefined) {
      code = first ? vowel : '';
    } else {
      code = PHONETIC_CLASS[ch] ?? (/[a-z]/.test(ch) ? ch : '');
    }
    first = false;
    if (code !== '' && code !== last) key += code;
    if (code !== '') last = code;
  }
  return key;
}

/** An Arabic "Soundex": equal keys mean the names probably sound the same; see the classes above. */
export function phoneticKey(text: string): string {
  return nameTokens(text)
    .map((token) => phoneticToken(stripDefiniteArticle(token)))
    .filter((key) => key !== '')
    .join(' ');
}

/** Key for optional Latin transliterations: accents and punctuation dropped ("Al-Harbi" = "alharbi"). */
export function latinNameKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}
