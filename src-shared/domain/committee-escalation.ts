import { committeeDueDate, daysUntilDue, isSaudiWeekend, riyadhDay, type CommitteeClock } from './committee-clock';

/**
 * When the committee clock speaks: a warning on the 10th day of a 14-day clock (four days before the
 * deadline, counted in the clock's own days) and an escalation to the manager on the due day. With a
 * shorter clock the warning keeps the same four-day notice, never earlier than the first day.
 */
export const WARNING_NOTICE_DAYS = 4;
export const CLOCK_MOMENTS = ['warning', 'escalation'] as const;
export type ClockMoment = (typeof CLOCK_MOMENTS)[number];

export type EscalationMoments = { warningDate: string; escalationDate: string };

/** The warning and escalation days (ISO `YYYY-MM-DD`, Riyadh days) of a request submitted at `submittedAt`. */
export function escalationMoments(submittedAt: Date, clock: CommitteeClock): EscalationMoments {
  const warningAfter = Math.max(1, clock.days - WARNING_NOTICE_DAYS);
  return {
    warningDate: committeeDueDate(submittedAt, { days: warningAfter, mode: clock.mode }),
    escalationDate: committeeDueDate(submittedAt, clock),
  };
}

/** The moments reached by `now` (a Riyadh day on or after the moment's day), in order. */
export function momentsReached(moments: EscalationMoments, now: Date): ClockMoment[] {
  const today = riyadhDay(now).toISOString().slice(0, 10);
  const reached: ClockMoment[] = [];
  if (today >= moments.warningDate) reached.push('warning');
  if (today >= moments.escalationDate) reached.push('escalation');
  return reached;
}

/** How the board colours a clock: on time, in the warning window, or past the deadline. */
export type ClockLevel = 'on_time' | 'warning' | 'overdue';

export function clockLevel(moments: EscalationMoments, now: Date): ClockLevel {
  const reached = momentsReached(moments, now);
  if (reached.includes('escalation')) return 'overdue';
  return reached.includes('warning') ? 'warning' : 'on_time';
}

/**
 * Days left to the deadline in the clock's own unit: calendar days, or working days (Sunday–Thursday)
 * between today and the due day. Negative once the deadline has passed.
 */
export function daysLeft(dueDate: string, now: Date, mode: CommitteeClock['mode']): number {
  const calendar = daysUntilDue(dueDate, now);
  if (mode === 'calendar' || calendar === 0) return calendar;
  const step = calendar > 0 ? 1 : -1;
  let day = riyadhDay(now);
  let counted = 0;
  for (let i = 0; i < Math.abs(calendar); i++) {
    day = new Date(day.getTime() + step * 86_400_000);
    if (!isSaudiWeekend(day)) counted += step;
  }
  return counted;
}
