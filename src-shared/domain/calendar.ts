/**
 * Dates shown the Saudi way: Hijri (Umm al-Qura, the official calendar) beside Gregorian, both from
 * Intl so that Electron's renderer and Node give the same answer without a conversion table of our own.
 *
 * Time zone: a Date is shown as the calendar day in Asia/Riyadh (UTC+3, no DST), where every desk is.
 * Date-only values are stored as UTC midnight, which is the same day in Riyadh, so they never shift;
 * timestamps taken after 21:00 UTC show the next day, as the receptionist lived it.
 * Digits follow the interface language: Arabic-Indic in Arabic, Latin in English.
 */
import { toLatinDigits } from './digits';
import { stripInvisibleMarks } from './arabic-text';

export type Locale = 'ar' | 'en';

export const DISPLAY_TIME_ZONE = 'Asia/Riyadh';

const DAY_MONTH_YEAR = { day: 'numeric', month: 'long', year: 'numeric', timeZone: DISPLAY_TIME_ZONE } as const;

// Formatters are costly to build and cheap to reuse; hijriToGregorian calls hijriParts in a loop.
const HIJRI_FORMAT: Readonly<Record<Locale, Intl.DateTimeFormat>> = {
  ar: new Intl.DateTimeFormat('ar-SA-u-ca-islamic-umalqura-nu-arab', DAY_MONTH_YEAR),
  en: new Intl.DateTimeFormat('en-GB-u-ca-islamic-umalqura-nu-latn', DAY_MONTH_YEAR),
};
// In Arabic the era ("م") tells the reader which of the two dates is Gregorian; English needs none.
const GREGORIAN_FORMAT: Readonly<Record<Locale, Intl.DateTimeFormat>> = {
  ar: new Intl.DateTimeFormat('ar-SA-u-ca-gregory-nu-arab', { ...DAY_MONTH_YEAR, era: 'short' }),
  en: new Intl.DateTimeFormat('en-GB-u-ca-gregory-nu-latn', DAY_MONTH_YEAR),
};
const HIJRI_NUMERIC = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
  day: 'numeric',
  month: 'numeric',
  year: 'numeric',
  timeZone: DISPLAY_TIME_ZONE,
});

const MS_PER_DAY = 86_400_000;

/** "YYYY-MM-DD" is a calendar day (UTC midnight); any other string is parsed as a timestamp. */
function toDate(date: Date | string): Date {
  if (typeof date !== 'string') return date;
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (dateOnly) return new Date(Date.UTC(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3])));
  return new Date(date);
}

/** Display helpers return '' for an invalid date rather than throwing inside a render. */
function formatWith(format: Intl.DateTimeFormat, date: Date | string): string {
  const d = toDate(date);
  return Number.isNaN(d.getTime()) ? '' : format.format(d);
}

export function formatHijri(date: Date | string, locale: Locale): string {
  return formatWith(HIJRI_FORMAT[locale], date);
}

export function formatGregorian(date: Date | string, locale: Locale): string {
  return formatWith(GREGORIAN_FORMAT[locale], date);
}

export function formatBoth(date: Date | string, locale: Locale): string {
  const hijri = formatHijri(date, locale);
  return hijri === '' ? '' : `${hijri} — ${formatGregorian(date, locale)}`;
}

export function hijriParts(date: Date): { year: number; month: number; day: number } {
  let year = 0;
  let month = 0;
  let day = 0;
  for (const part of HIJRI_NUMERIC.formatToParts(date)) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
  }
  return { year, month, day };
}

/** Anchor for the first estimate: 1 Muharram 1446 = 2024-07-07 (Umm al-Qura). */
const ANCHOR_HIJRI_MONTH_INDEX = 1446 * 12;
const ANCHOR_UTC_MS = Date.UTC(2024, 6, 7);
const MEAN_MONTH_DAYS = 29.530588;

/**
 * Gregorian day (UTC midnight) of a Hijri date, or null if the date does not exist (month 13,
 * day 30 of a 29-day month). Finds day 1 of the month by estimate-and-correct (two or three Intl
 * calls), then steps forward: Umm al-Qura months are 29 or 30 days, known only from the table.
 */
export function hijriToGregorian(year: number, month: number, day: number): Date | null {
  if (![year, month, day].every(Number.isInteger)) return null;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 30) return null;

  const targetIndex = year * 12 + (month - 1);
  let ms = ANCHOR_UTC_MS + Math.round((targetIndex - ANCHOR_HIJRI_MONTH_INDEX) * MEAN_MONTH_DAYS) * MS_PER_DAY;
  let firstOfMonth: number | null = null;
  for (let attempt = 0; attempt < 8; attempt++) {
    const p = hijriParts(new Date(ms));
    const monthsOff = targetIndex - (p.year * 12 + (p.month - 1));
    if (monthsOff === 0) {
      firstOfMonth = ms - (p.day - 1) * MS_PER_DAY;
      break;
    }
    ms += (Math.round(monthsOff * MEAN_MONTH_DAYS) - (p.day - 1)) * MS_PER_DAY;
  }
  if (firstOfMonth === null) return null;

  const result = new Date(firstOfMonth + (day - 1) * MS_PER_DAY);
  const check = hijriParts(result);
  return check.year === year && check.month === month && check.day === day ? result : null;
}

/** Calendar-day part in UTC; dates are stored as UTC ISO-8601. */
export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export type DateInputResult =
  | { ok: true; iso: string; calendar: 'gregorian' | 'hijri' }
  | { ok: false; reason: 'format' | 'impossible' };

const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const YEAR_LAST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;
/** Optional era people add after a date: "هـ"/"ه"/"AH"/"H" for Hijri, "م"/"AD"/"G" for Gregorian. */
const ERA_SUFFIX = /\s*(هـ|ه|ah|h|م|ad|g)\.?$/i;

/** Years ≤ 1500 are Hijri and ≥ 1800 Gregorian: no living person's date falls in the gap between. */
const LAST_HIJRI_YEAR = 1500;
const FIRST_GREGORIAN_YEAR = 1800;

/**
 * Reads a date typed at the desk: YYYY-MM-DD, DD/MM/YYYY or YYYY/MM/DD ("-", "/" or "." between),
 * Arabic-Indic digits, optional era suffix. The calendar is told by the year. Returns Gregorian ISO.
 */
export function parseDateInput(text: string): DateInputResult {
  let cleaned = toLatinDigits(stripInvisibleMarks(text)).trim();
  let era: 'hijri' | 'gregorian' | null = null;
  const suffix = ERA_SUFFIX.exec(cleaned);
  if (suffix) {
    era = /^(م|ad|g)$/i.test(suffix[1] ?? '') ? 'gregorian' : 'hijri';
    cleaned = cleaned.slice(0, suffix.index).trim();
  }

  const yearFirst = YEAR_FIRST.exec(cleaned);
  const yearLast = yearFirst ? null : YEAR_LAST.exec(cleaned);
  let year: number;
  let month: number;
  let day: number;
  if (yearFirst) {
    [year, month, day] = [Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3])];
  } else if (yearLast) {
    [day, month, year] = [Number(yearLast[1]), Number(yearLast[2]), Number(yearLast[3])];
  } else {
    return { ok: false, reason: 'format' };
  }

  const calendar = year <= LAST_HIJRI_YEAR ? 'hijri' : year >= FIRST_GREGORIAN_YEAR ? 'gregorian' : null;
  if (calendar === null || (era !== null && era !== calendar)) return { ok: false, reason: 'impossible' };

  if (calendar === 'hijri') {
    const gregorian = hijriToGregorian(year, month, day);
    return gregorian ? { ok: true, iso: toIsoDate(gregorian), calendar } : { ok: false, reason: 'impossible' };
  }
  const gregorian = new Date(Date.UTC(year, month - 1, day));
  const exists =
    month >= 1 && month <= 12 && gregorian.getUTCMonth() === month - 1 && gregorian.getUTCDate() === day;
  return exists ? { ok: true, iso: toIsoDate(gregorian), calendar } : { ok: false, reason: 'impossible' };
}
