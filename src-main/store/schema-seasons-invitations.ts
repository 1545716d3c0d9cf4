import type { Travelling } from './schema-travelling';

/** Row types of migration 0010: seasonal outreach programmes and printed survey invitations. */

/** Configuration: one seasonal programme (its day in the Hijri or Gregorian year, lead time, who is eligible). */
export type OutreachSeasonsTable = {
  code: string;
  season: string;
  calendar: string;
  month: number;
  day: number;
  lead_days: number;
  eligibility: string;
  channel: string;
  script: string;
  active: number;
  updated_at: string;
};

/**
 * Insert-only: a one-time survey invitation printed as a QR slip. Only the SHA-256 of its token is
 * stored; the token itself is printed once and never kept.
 */
export type SurveyInvitationsTable = Travelling & {
  token_hash: string;
  service: string;
  beneficiary_id: string | null;
  request_id: string | null;
  staff_id: string;
  expires_at: string;
};
