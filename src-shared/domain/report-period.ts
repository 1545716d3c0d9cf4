import { hijriParts, hijriToGregorian, toIsoDate } from './calendar';

/**
 * The period a report covers: a Hijri month (the board's month), a Gregorian month, or a custom
 * range of Riyadh days. Resolved to inclusive ISO days, with the two periods it is compared with
 * (the month before and the same month a year earlier; for a custom range, the range of equal length
 * just before it and the same days a year earlier).
 */
export type PeriodChoice =
  | { kind: 'hijri_month'; year: number; month: number }
  | { kind: 'gregorian_month'; year: number; month: number }
  | { kind: 'range'; from: string; to: string };

export type ResolvedPeriod = { from: string; to: string; choice: PeriodChoice };

const MS_PER_DAY = 86_400_000;
/** A custom range longer than this is a mistake at the filter, not a report. */
export const MAX_RANGE_DAYS = 366;

function addDays(iso: string, days: number): string {
  return toIsoDate(new Date(Date.parse(`${iso}T00:00:00Z`) + days * MS_PER_DAY));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY);
}

function hijriMonth(year: number, month: number): ResolvedPeriod | null {
  const first = hijriToGregorian(year, month, 1);
  const next = month === 12 ? hijriToGregorian(year + 1, 1, 1) : hijriToGregorian(year, month + 1, 1);
  if (!first || !next) return null;
  return { from: toIsoDate(first), to: addDays(toIsoDate(next), -1), choice: { kind: 'hijri_month', year, month } };
}

function gregorianMonth(year: number, month: number): ResolvedPeriod | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12 || year < 1900 || year > 2200) return null;
  const first = new Date(Date.UTC(year, month - 1, 1));
  const last = new Date(Date.UTC(year, month, 0));
  return { from: toIsoDate(first), to: toIsoDate(last), choice: { kind: 'gregorian_month', year, month } };
}

/** The inclusive days of a choice, or null when it names no real period (month 13, to before from…). */
export function resolvePeriod(choice: PeriodChoice): ResolvedPeriod | null {
  switch (choice.kind) {
    case 'hijri_month':
      return hijriMonth(choice.year, choice.month);
    case 'gregorian_month':
      return gregorianMonth(choice.year, choice.month);
    case 'range': {
      const span = daysBetween(choice.from, choice.to);
      if (Number.isNaN(span) || span < 0 || span >= MAX_RANGE_DAYS) return null;
      return { from: choice.from, to: choice.to, choice };
    }
  }
}

/** The month before (or the range of equal length just before a custom range). */
export function previousPeriod(period: ResolvedPeriod): ResolvedPeriod | null {
  const c = period.choice;
  if (c.kind === 'hijri_month') return hijriMonth(c.month === 1 ? c.year - 1 : c.year, c.month === 1 ? 12 : c.month - 1);
  if (c.kind === 'gregorian_month') return gregorianMonth(c.month === 1 ? c.year - 1 : c.year, c.month === 1 ? 12 : c.month - 1);
  const span = daysBetween(c.from, c.to);
  const to = addDays(c.from, -1);
  const from = addDays(to, -span);
  return { from, to, choice: { kind: 'range', from, to } };
}

/** The same month a year earlier (same Hijri month for a Hijri month). */
export function sameMonthLastYear(period: ResolvedPeriod): ResolvedPeriod | null {
  const c = period.choice;
  if (c.kind === 'hijri_month') return hijriMonth(c.year - 1, c.month);
  if (c.kind === 'gregorian_month') return gregorianMonth(c.year - 1, c.month);
  const from = `${Number(c.from.slice(0, 4)) - 1}${c.from.slice(4)}`;
  const to = `${Number(c.to.slice(0, 4)) - 1}${c.to.slice(4)}`;
  return resolvePeriod({ kind: 'range', from, to });
}

/** The Hijri month a Riyadh day falls in (the dashboard's default filter). */
export function hijriMonthOf(day: Date): { year: number; month: number } {
  const { year, month } = hijriParts(day);
  return { year, month };
}

/** First instant (inclusive) and last instant (exclusive) of the period, as UTC ISO timestamps of Riyadh days. */
export function periodInstants(period: { from: string; to: string }): { start: string; end: string } {
  const start = new Date(Date.parse(`${period.from}T00:00:00+03:00`)).toISOString();
  const end = new Date(Date.parse(`${addDays(period.to, 1)}T00:00:00+03:00`)).toISOString();
  return { start, end };
}

/** Median and 90th percentile (nearest rank) of a list of numbers; null when it is empty. */
export function percentiles(values: readonly number[]): { median: number | null; p90: number | null } {
  if (values.length === 0) return { median: null, p90: null };
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? null;
  return { median: rank(0.5), p90: rank(0.9) };
}
