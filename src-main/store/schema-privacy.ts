/** Row types of personal-data rights (migration 0009): local to the install, never travelling. */

export type PrivacyExportsTable = {
  id: string;
  branch_id: string;
  beneficiary_id: string;
  channel: string;
  requested_by: string;
  requested_at: string;
  delivered_at: string | null;
  delivered_by: string | null;
  /** Comma-separated formats handed over so far ("json,pdf"). */
  formats: string | null;
};

export type PrivacyCorrectionsTable = {
  id: string;
  branch_id: string;
  beneficiary_id: string;
  field: string;
  current_version: string;
  requested_value: string | null;
  reason: string;
  channel: string;
  status: string;
  received_at: string;
  received_by: string;
  due_on: string;
  assigned_to: string | null;
  decided_at: string | null;
  decided_by: string | null;
  decision_reason: string | null;
  informed_contact_id: string | null;
};

/** Insert-only: each consent given or withdrawn; the latest row is the status. */
export type PrivacyConsentsTable = {
  id: string;
  branch_id: string;
  beneficiary_id: string;
  status: string;
  form_id: string | null;
  channel: string | null;
  recorded_at: string;
  recorded_by: string;
};

export type RetentionRulesTable = { code: string; kind: string; years: number; active: number; updated_at: string; updated_by: string | null };

export type PrivacyAnonymisationsTable = { beneficiary_id: string; branch_id: string; rule_code: string; anonymised_at: string; files_removed: number };
