/**
 * Proactive outreach ("reach them without them having to ask"): rules as data, each naming what
 * it watches, how many days, the channel and the script. A pass over the store turns every fact a
 * rule finds due into one task in the outreach list (a task is keyed so it is created once).
 */
export const OUTREACH_KINDS = ['after_service', 'release_approaching', 'missing_documents', 'no_contact'] as const;
export type OutreachKind = (typeof OUTREACH_KINDS)[number];

/** The kinds a task may have: one per rule kind, and `seasonal` for a seasonal programme's call. */
export const OUTREACH_TASK_KINDS = [...OUTREACH_KINDS, 'seasonal'] as const;
export type OutreachTaskKind = (typeof OUTREACH_TASK_KINDS)[number];

/** The days each kind accepts: a follow-up a year later or a release warning six months ahead is no longer outreach. */
export const OUTREACH_DAY_LIMITS: Readonly<Record<OutreachKind, { min: number; max: number }>> = {
  after_service: { min: 1, max: 90 },
  release_approaching: { min: 1, max: 180 },
  missing_documents: { min: 1, max: 60 },
  no_contact: { min: 30, max: 365 },
};

/** Whether `days` is a valid schedule for the kind. */
export function validSchedule(kind: OutreachKind, days: number): boolean {
  const limits = OUTREACH_DAY_LIMITS[kind];
  return Number.isInteger(days) && days >= limits.min && days <= limits.max;
}

const MS_PER_DAY = 86_400_000;

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Whether a fact anchored on `anchorDay` is due on `today` (ISO days):
 * - after a service, a missing document, no contact: `days` after the anchor (the service day, the
 *   submission day, the last contact);
 * - a release date: from `days` before it until the day itself (after it, the moment has passed).
 */
export function isDue(kind: OutreachKind, days: number, anchorDay: string, today: string): boolean {
  if (kind === 'release_approaching') return anchorDay >= today && anchorDay <= addDays(today, days);
  return addDays(anchorDay, days) <= today;
}

/** The day a due task should be done by: the release day itself for a release, else the day it fell due. */
export function taskDueOn(kind: OutreachKind, days: number, anchorDay: string, today: string): string {
  if (kind === 'release_approaching') return anchorDay;
  const due = addDays(anchorDay, days);
  return due < today ? today : due;
}

/** One task per rule, subject and anchor: the same fact never makes a second task. */
export function taskKey(ruleCode: string, subjectId: string, anchorDay: string): string {
  return `${ruleCode}:${subjectId}:${anchorDay}`;
}

/**
 * The anchor days a pass must read for a rule: the window of facts that can be due today and not
 * yet seen. Facts older than the catch-up window were due on an earlier pass.
 */
export const CATCH_UP_DAYS = 30;

export function anchorWindow(kind: OutreachKind, days: number, today: string): { from: string; to: string } {
  if (kind === 'release_approaching') return { from: today, to: addDays(today, days) };
  return { from: addDays(today, -(days + CATCH_UP_DAYS)), to: addDays(today, -days) };
}
