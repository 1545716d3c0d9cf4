import type { Travelling } from './schema-travelling';

/** Row types of the committee, delivery, surveys, outreach and complaints (migration 0006). */

/** Insert-only: the social researcher's report on a request; a revision supersedes it. */
export type ResearchReportsTable = Travelling & {
  request_id: string;
  visit_date: string;
  visit_kind: string;
  household_size: number;
  monthly_income: number;
  monthly_expenses: number;
  housing_condition: string;
  needs: string;
  narrative: string;
  recommendation: string;
  recommended_amount: number | null;
  researcher_id: string;
  written_at: string;
  supersedes_id: string | null;
};

export type CommitteeSessionsTable = Travelling & { held_on: string; members_present: string; notes: string | null; created_by: string };
export type CommitteeAgendaItemsTable = Travelling & { session_id: string; request_id: string; position: number };

/** Insert-only: a committee decision; a correction is a new row superseding it. */
export type CommitteeDecisionsTable = Travelling & {
  request_id: string;
  session_id: string | null;
  outcome: string;
  amount: number | null;
  items: string | null;
  schedule: string | null;
  installments: number | null;
  reason: string | null;
  missing: string | null;
  decided_by: string;
  decided_at: string;
  supersedes_id: string | null;
};

/** Local: one row per request, clock moment and due date (unique), read by the manager. */
export type CommitteeNotificationsTable = {
  id: string;
  branch_id: string;
  request_id: string;
  moment: string;
  due_date: string;
  recipient_role: string;
  created_at: string;
  read_at: string | null;
  read_by: string | null;
};

/** Insert-only: what was handed over against an accepted decision, signed by the beneficiary. */
export type DeliveriesTable = Travelling & {
  request_id: string;
  decision_id: string;
  amount: number;
  items: string;
  place: string;
  delivered_by: string;
  delivered_at: string;
  signer_name: string;
  signature_attachment_id: string;
  form_id: string | null;
};

/** Insert-only: one answer to the satisfaction survey (CSAT 1–5, NPS 0–10). */
export type SurveyResponsesTable = Travelling & {
  beneficiary_id: string | null;
  request_id: string | null;
  service: string;
  channel: string;
  staff_id: string;
  csat: number;
  nps: number | null;
  comment: string | null;
  answered_at: string;
  entered_by: string;
  invitation_id: string | null;
};

/** The supervisor's task opened by a score of 1–2. */
export type SurveyFollowUpsTable = Travelling & {
  response_id: string;
  status: string;
  due_on: string;
  resolution: string | null;
  closed_by: string | null;
  closed_at: string | null;
};

/** Configuration: one outreach rule (what it watches, after how many days, by which channel, with which script). */
export type OutreachRulesTable = { code: string; kind: string; days: number; channel: string; script: string; active: number; updated_at: string };

/** One call (or message) to make: created once per rule, subject and anchor day; done when the contact is logged. */
export type OutreachTasksTable = Travelling & {
  rule_code: string;
  task_key: string;
  kind: string;
  beneficiary_id: string;
  request_id: string | null;
  anchor_day: string;
  channel: string;
  script: string;
  due_on: string;
  status: string;
  outcome: string | null;
  contact_id: string | null;
  done_by: string | null;
  done_at: string | null;
};

/** A complaint or suggestion and the steps of its handling (status moves are kept in field history). */
export type ComplaintsTable = Travelling & {
  beneficiary_id: string | null;
  ticket_id: string | null;
  kind: string;
  channel: string;
  subject: string;
  details: string | null;
  status: string;
  received_at: string;
  received_by: string;
  response_due: string;
  acknowledged_at: string | null;
  assigned_to: string | null;
  answer: string | null;
  answered_at: string | null;
  answered_by: string | null;
  closed_at: string | null;
  informed_channel: string | null;
};
