import { hijriParts, hijriToGregorian } from './calendar';
import { addDays } from './outreach-rules';

/**
 * Seasonal programmes (Ramadan, the two Eids, school start) as outreach data: each names its day in
 * the Hijri (Umm al-Qura) or Gregorian year, how many days ahead the calls start, and which households
 * are eligible. A pass on any day within the lead time makes one task per eligible household for that
 * year's occurrence; the occurrence day keys the task, so the same season never makes two.
 */
export const SEASONS = ['ramadan', 'eid_al_fitr', 'eid_al_adha', 'school_start'] as const;
export type Season = (typeof SEASONS)[number];

export const SEASON_CALENDARS = ['hijri', 'gregorian'] as const;
export type SeasonCalendar = (typeof SEASON_CALENDARS)[number];

/**
 * Who a programme is for: a household with an entitlement still being delivered, a household whose
 * request was accepted, or a household with a member of school age.
 */
export const SEASON_ELIGIBILITIES = ['active_entitlement', 'accepted_case', 'school_age_members'] as const;
export type SeasonEligibility = (typeof SEASON_ELIGIBILITIES)[number];

/** School age, in whole years on the programme's day. */
export const SCHOOL_AGE = { min: 6, max: 18 } as const;

export const SEASON_LEAD_DAYS = { min: 1, max: 60 } as const;

export type SeasonDate = { calendar: SeasonCalendar; month: number; day: number };
export type SeasonRule = SeasonDate & { leadDays: number };

/**
 * Whether the day exists every year: Hijri months have 29 or 30 days (day 30 is missing in some
 * years), and 29 February only in leap years, so neither is accepted.
 */
export function validSeasonDate(date: SeasonDate): boolean {
  const { month, day } = date;
  if (!Number.isInteger(month) || !Number.isInteger(day) || month < 1 || month > 12 || day < 1) return false;
  if (date.calendar === 'hijri') return day <= 29;
  const probe = new Date(Date.UTC(2025, month - 1, day));
  return probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

export function validLeadDays(days: number): boolean {
  return Number.isInteger(days) && days >= SEASON_LEAD_DAYS.min && days <= SEASON_LEAD_DAYS.max;
}

/** The Gregorian day (ISO) of the programme in a given year of its own calendar, or null if it does not exist. */
export function seasonOccurrence(date: SeasonDate, year: number): string | null {
  if (date.calendar === 'gregorian') {
    const d = new Date(Date.UTC(year, date.month - 1, date.day));
    return d.getUTCMonth() === date.month - 1 ? d.toISOString().slice(0, 10) : null;
  }
  const d = hijriToGregorian(year, date.month, date.day);
  return d ? d.toISOString().slice(0, 10) : null;
}

/** The year `today` (an ISO day) falls in, in the programme's calendar. */
function yearOf(calendar: SeasonCalendar, today: string): number {
  if (calendar === 'gregorian') return Number(today.slice(0, 4));
  return hijriParts(new Date(`${today}T00:00:00Z`)).year;
}

/**
 * The occurrence whose lead time covers `today`, if any: from `leadDays` before the day until the
 * day itself. This year's and next year's occurrences are both looked at, so a programme early in
 * the year (1 Muharram, a January school start) is found from the end of the year before.
 */
export function dueOccurrence(rule: SeasonRule, today: string): { day: string; year: number } | null {
  const year = yearOf(rule.calendar, today);
  for (const candidate of [year, year + 1]) {
    const day = seasonOccurrence(rule, candidate);
    if (day && addDays(day, -rule.leadDays) <= today && today <= day) return { day, year: candidate };
  }
  return null;
}

/**
 * Birth dates (ISO, inclusive) of the people aged SCHOOL_AGE.min to SCHOOL_AGE.max whole years on
 * `day`: born after the day SCHOOL_AGE.max + 1 years before, and on or before the day SCHOOL_AGE.min years before.
 */
export function schoolAgeBirthRange(day: string): { from: string; to: string } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const yearsBefore = (years: number) => {
    // 29 February in a year without one: whoever was born on the 28th has had their birthday.
    const lastDay = new Date(Date.UTC(y - years, m, 0)).getUTCDate();
    return new Date(Date.UTC(y - years, m - 1, Math.min(d, lastDay))).toISOString().slice(0, 10);
  };
  return { from: addDays(yearsBefore(SCHOOL_AGE.max + 1), 1), to: yearsBefore(SCHOOL_AGE.min) };
}
