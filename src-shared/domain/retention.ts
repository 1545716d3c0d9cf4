/**
 * Retention rules as data (Saudi PDPL: keep personal data no longer than its purpose needs). A rule
 * says which beneficiaries have been quiet long enough for their personal data to be anonymised;
 * the records statutes require (decisions, deliveries, amounts, dates) are kept without the person.
 */
export const RETENTION_KINDS = [
  /** Every request in a final state (or none left open) and no activity for N years. */
  'closed_inactive',
  /** Registered but never filed a request, and no activity for N years. */
  'no_request_inactive',
] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

export type RetentionRule = { code: string; kind: RetentionKind; years: number; active: boolean };

/** What the rules look at, per beneficiary; `lastActivityAt` is the latest moment anything happened on the file. */
export type RetentionFacts = {
  requests: number;
  openRequests: number;
  lastActivityAt: string;
  anonymised: boolean;
};

export const MIN_RETENTION_YEARS = 1;
export const MAX_RETENTION_YEARS = 50;

/** The moment N calendar years before `now` (29 February falls back to 28 February). */
export function yearsBefore(now: Date, years: number): Date {
  const cutoff = new Date(now.getTime());
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  if (cutoff.getUTCMonth() !== now.getUTCMonth()) cutoff.setUTCDate(0);
  return cutoff;
}

/** Whether the rule asks for this person's data to be anonymised now. An inactive rule never does. */
export function ruleApplies(rule: RetentionRule, facts: RetentionFacts, now: Date): boolean {
  if (!rule.active || facts.anonymised) return false;
  if (Date.parse(facts.lastActivityAt) >= yearsBefore(now, rule.years).getTime()) return false;
  switch (rule.kind) {
    case 'closed_inactive':
      return facts.requests > 0 && facts.openRequests === 0;
    case 'no_request_inactive':
      return facts.requests === 0;
  }
}

/** The first active rule that applies (rules are read in their listed order), or null. */
export function applicableRule(rules: readonly RetentionRule[], facts: RetentionFacts, now: Date): RetentionRule | null {
  return rules.find((rule) => ruleApplies(rule, facts, now)) ?? null;
}
