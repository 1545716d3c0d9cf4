/**
 * The committee clock of policy step 5: a submitted request must be answered within a deadline
 * (14 days by default), counted either in calendar days or in working days, where the Saudi
 * weekend is Friday and Saturday. Days are the days of Riyadh, where every desk is: a request
 * submitted at 22:30 UTC on a Thursday was submitted on Friday for the applicant.
 */
export const CLOCK_MODES = ['calendar', 'working'] as const;
export type ClockMode = (typeof CLOCK_MODES)[number];

export type CommitteeClock = { days: number; mode: ClockMode };

export const DEFAULT_COMMITTEE_CLOCK: CommitteeClock = { days: 14, mode: 'calendar' };

/** Friday (5) and Saturday (6), in JavaScript's Sunday-first numbering. */
export const SAUDI_WEEKEND: readonly number[] = [5, 6];

const MS_PER_DAY = 86_400_000;
const RIYADH_OFFSET_MS = 3 * 3_600_000; // UTC+3 all year: Saudi Arabia keeps no daylight saving.

/** The Riyadh calendar day of an instant, as UTC midnight of that day. */
export function riyadhDay(instant: Date): Date {
  const shifted = new Date(instant.getTime() + RIYADH_OFFSET_MS);
  return new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()));
}

export function isSaudiWeekend(day: Date): boolean {
  return SAUDI_WEEKEND.includes(day.getUTCDay());
}

/**
 * The due day (ISO `YYYY-MM-DD`) of a request submitted at `submittedAt`. Calendar mode adds the
 * days; working mode counts only Sunday–Thursday, and a deadline never falls on a weekend.
 */
export function committeeDueDate(submittedAt: Date, clock: CommitteeClock): string {
  let day = riyadhDay(submittedAt);
  if (clock.mode === 'calendar') {
    day = new Date(day.getTime() + clock.days * MS_PER_DAY);
  } else {
    let counted = 0;
    while (counted < clock.days) {
      day = new Date(day.getTime() + MS_PER_DAY);
      if (!isSaudiWeekend(day)) counted += 1;
    }
  }
  return day.toISOString().slice(0, 10);
}

/** Whole days from `now` (Riyadh day) to the due day; negative once the deadline has passed. */
export function daysUntilDue(dueDate: string, now: Date): number {
  const due = Date.parse(`${dueDate}T00:00:00Z`);
  return Math.round((due - riyadhDay(now).getTime()) / MS_PER_DAY);
}
