import type { Locale } from '../../../src-shared/domain/calendar';
import { DISPLAY_TIME_ZONE } from '../../../src-shared/domain/calendar';

/** Numbers follow the interface language: Arabic-Indic digits in Arabic, Latin in English. */
export function formatNumber(value: number, lang: Locale, fractionDigits = 0): string {
  return new Intl.NumberFormat(lang === 'ar' ? 'ar-SA-u-nu-arab' : 'en-GB', {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

/** Minutes, one decimal under ten minutes; null when there is nothing to average yet. */
export function formatMinutes(seconds: number | null, lang: Locale): string | null {
  if (seconds === null) return null;
  const value = seconds / 60;
  return value < 10 ? formatNumber(value, lang, 1) : formatNumber(Math.round(value), lang);
}

/** Time of day in Riyadh, where the desks are. */
export function formatTime(value: string, lang: Locale): string {
  return new Intl.DateTimeFormat(lang === 'ar' ? 'ar-SA-u-nu-arab' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: DISPLAY_TIME_ZONE,
  }).format(new Date(value));
}
