import type { Generated } from 'kysely';
import type * as Sync from './sync-schema';

/** Row types of the case store, as Kysely sees them (snake_case columns, text timestamps, 0/1 flags). */

/** Columns every travelling row carries. */
type Travelling = {
  id: string;
  branch_id: string;
  created_at: string;
  updated_at: string;
  hlc: string;
};

export type SettingsTable = { key: string; value: string };

export type BranchesTable = Travelling & {
  code: string;
  name_ar: string;
  name_en: string | null;
  city: string | null;
  is_headquarters: number;
};

export type UsersTable = Travelling & {
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  branch_scope: string;
  active: number;
  must_change_password: number;
  failed_attempts: number;
  locked_until: string | null;
  last_login_at: string | null;
};

export type SessionsTable = {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
};

export type BeneficiariesTable = Travelling & {
  first_name: string;
  father_name: string;
  grandfather_name: string;
  family_name: string;
  latin_name: string | null;
  id_type: string;
  national_id: string | null;
  nationality: string;
  gender: string;
  birth_date: string | null;
  phone_primary: string | null;
  phone_secondary: string | null;
  governorate: string | null;
  city: string | null;
  address: string | null;
  notes: string | null;
  name_key: string;
  phonetic_key: string;
  lineage_key: string;
  created_by: string | null;
  updated_by: string | null;
};

export type HouseholdMembersTable = Travelling & {
  beneficiary_id: string;
  full_name: string;
  relation: string;
  id_type: string;
  national_id: string | null;
  gender: string;
  birth_date: string | null;
  is_prisoner: number;
  notes: string | null;
  removed_at: string | null;
};

export type FieldHistoryTable = {
  id: string;
  branch_id: string;
  table_name: string;
  row_id: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
  changed_by: string | null;
  changed_at: string;
  hlc: string;
};

export type AuditLogTable = {
  seq: Generated<number>;
  id: string;
  branch_id: string | null;
  user_id: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  detail: string | null;
  at: string;
  hlc: string;
  prev_hash: string;
  hash: string;
};

export type ChangeLogTable = {
  seq: Generated<number>;
  id: string;
  table_name: string;
  row_id: string;
  op: 'insert' | 'update' | 'delete';
  fields: string;
  hlc: string;
  branch_id: string;
  created_at: string;
  pushed_at: string | null;
};

/** FTS5, contentless; its rowid is the beneficiary's rowid (reached through sql fragments). */
export type BeneficiarySearchTable = {
  names: string;
  numbers: string;
};

/* Support requests and the interview (migration 0003). */
export type RequestTypesTable = { code: string; name_ar: string; name_en: string; sort_order: number; active: number };
export type DocumentTypesTable = { code: string; name_ar: string; name_en: string; sort_order: number };
export type RequestTypeDocumentsTable = { request_type_code: string; document_type_code: string; required: number; sort_order: number };

export type AttachmentsTable = Travelling & {
  sha256: string;
  mime_type: string;
  size_bytes: number;
  kind: string;
  created_by: string | null;
};

export type SupportRequestsTable = Travelling & {
  beneficiary_id: string;
  request_type_code: string;
  state: string;
  summary: string | null;
  prisoner_name: string | null;
  prisoner_relation: string | null;
  prison_name: string | null;
  case_status: string | null;
  expected_release_date: string | null;
  monthly_income: number | null;
  income_sources: string | null;
  housing_type: string | null;
  monthly_rent: number | null;
  household_size: number | null;
  submitted_at: string | null;
  submitted_by: string | null;
  due_date: string | null;
  clock_days: number | null;
  clock_mode: string | null;
  state_changed_at: string;
  state_changed_by: string | null;
  created_by: string | null;
};

export type RequestDocumentsTable = Travelling & {
  request_id: string;
  document_type_code: string;
  seen: number;
  verified: number;
  attachment_id: string | null;
  checked_by: string | null;
  checked_at: string | null;
};

export type InterviewsTable = Travelling & {
  beneficiary_id: string | null;
  request_id: string | null;
  desk_user_id: string;
  status: string;
  inquiry_questions: string | null;
  inquiry_answers: string | null;
  draft_step: string | null;
  draft_json: string | null;
  draft_saved_at: string | null;
};

export type InterviewStepsTable = Travelling & {
  interview_id: string;
  step: string;
  outcome: string | null;
  completed_by: string;
  completed_at: string;
};

export type ReferralsTable = Travelling & {
  interview_id: string;
  request_id: string | null;
  beneficiary_id: string | null;
  reason: string;
  status: string;
  referred_by: string;
  referred_at: string;
  researcher_id: string | null;
  researcher_notes: string | null;
  answer: string | null;
  answered_at: string | null;
};

export type SignaturesTable = Travelling & {
  request_id: string;
  interview_id: string;
  signer_name: string;
  attachment_id: string;
  data_hash: string;
  signed_data: string;
  witnessed_by: string;
  signed_at: string;
};

/* Reception queue (migration 0002). */
export type QueuePrioritiesTable = { code: string; weight: number; sort_order: number; active: number };

export type DesksTable = Travelling & {
  number: number;
  name: string;
  services: string;
  active: number;
};

export type TicketsTable = Travelling & {
  service_day: string;
  service_code: string;
  prefix: string;
  seq: number;
  number: string;
  priority_code: string;
  priority_weight: number;
  state: string;
  beneficiary_id: string | null;
  desk_id: string | null;
  target_desk_id: string | null;
  transferred_from_id: string | null;
  issued_at: string;
  queued_at: string;
  called_at: string | null;
  serving_at: string | null;
  finished_at: string | null;
  recall_count: number;
  wait_seconds: number | null;
  service_seconds: number | null;
  issued_by: string | null;
};

export type TicketEventsTable = Travelling & {
  ticket_id: string;
  event: string;
  from_state: string | null;
  to_state: string;
  desk_id: string | null;
  user_id: string | null;
  service_day: string;
  at: string;
};

/* Contact log and knowledge base (migration 0004). */
export type ContactsTable = Travelling & {
  beneficiary_id: string | null;
  caller_name: string | null;
  caller_phone: string | null;
  channel: string;
  direction: string;
  contact_kind: string;
  subject: string;
  details: string | null;
  outcome: string;
  next_step: string | null;
  follow_up_on: string | null;
  occurred_at: string;
  recorded_by: string | null;
  corrects_id: string | null;
  retracted: number;
  retraction_reason: string | null;
};

export type KnowledgeDocumentsTable = Travelling & {
  tool: string;
  title: string;
  description: string | null;
  status: string;
  format: string | null;
  markdown: string | null;
  pdf_sha256: string | null;
  pdf_file_name: string | null;
  pdf_size: number | null;
  pdf_text: string | null;
  source_note: string | null;
  created_by: string | null;
  updated_by: string | null;
};

/** Derived on each install from a document's text; never travels. */
export type KnowledgeSectionsTable = { id: string; document_id: string; position: number; heading: string | null; body: string };

/** FTS5, contentless; its rowid is the section's rowid. */
export type KnowledgeSearchTable = { heading: string; body: string };

/** Insert-only: one generated signed form (its file lives content-addressed beside the store). */
export type SignedFormsTable = Travelling & {
  kind: string;
  title: string;
  beneficiary_id: string | null;
  request_id: string | null;
  ticket_id: string | null;
  referral_id: string | null;
  code: string;
  file_sha256: string;
  file_size: number;
  data_json: string;
  data_hash: string;
  issued_at: string;
  issued_by: string | null;
  supersedes_id: string | null;
};

/** Insert-only: each print or saved copy of a signed form. */
export type FormPrintsTable = Travelling & {
  form_id: string;
  action: string;
  copy_number: number;
  by_user: string | null;
  at: string;
};

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

export type Database = {
  settings: SettingsTable;
  branches: BranchesTable;
  users: UsersTable;
  sessions: SessionsTable;
  beneficiaries: BeneficiariesTable;
  household_members: HouseholdMembersTable;
  field_history: FieldHistoryTable;
  audit_log: AuditLogTable;
  change_log: ChangeLogTable;
  beneficiary_search: BeneficiarySearchTable;
  queue_priorities: QueuePrioritiesTable;
  desks: DesksTable;
  tickets: TicketsTable;
  ticket_events: TicketEventsTable;
  request_types: RequestTypesTable;
  document_types: DocumentTypesTable;
  request_type_documents: RequestTypeDocumentsTable;
  attachments: AttachmentsTable;
  support_requests: SupportRequestsTable;
  request_documents: RequestDocumentsTable;
  interviews: InterviewsTable;
  interview_steps: InterviewStepsTable;
  referrals: ReferralsTable;
  signatures: SignaturesTable;
  contacts: ContactsTable;
  knowledge_documents: KnowledgeDocumentsTable;
  knowledge_sections: KnowledgeSectionsTable;
  knowledge_search: KnowledgeSearchTable;
  signed_forms: SignedFormsTable;
  form_prints: FormPrintsTable;
  research_reports: ResearchReportsTable;
  committee_sessions: CommitteeSessionsTable;
  committee_agenda_items: CommitteeAgendaItemsTable;
  committee_decisions: CommitteeDecisionsTable;
  committee_notifications: CommitteeNotificationsTable;
  deliveries: DeliveriesTable;
  survey_responses: SurveyResponsesTable;
  survey_follow_ups: SurveyFollowUpsTable;
  outreach_rules: OutreachRulesTable;
  outreach_tasks: OutreachTasksTable;
  complaints: ComplaintsTable;
  sync_field_clock: Sync.SyncFieldClockTable;
  sync_changes: Sync.SyncChangesTable;
  sync_devices: Sync.SyncDevicesTable;
  sync_enrolment_codes: Sync.SyncEnrolmentCodesTable;
  sync_batches: Sync.SyncBatchesTable;
  sync_rejections: Sync.SyncRejectionsTable;
  sync_runs: Sync.SyncRunsTable;
};

/** Tables whose rows travel to head office: every write to them lands in the change log. */
export type TravellingTable = 'branches' | 'users' | 'beneficiaries' | 'household_members'
  | 'desks' | 'tickets' | 'ticket_events'
  | 'attachments' | 'support_requests' | 'request_documents' | 'interviews' | 'interview_steps' | 'referrals' | 'signatures'
  | 'contacts' | 'knowledge_documents'
  | 'signed_forms' | 'form_prints'
  | 'research_reports' | 'committee_sessions' | 'committee_agenda_items' | 'committee_decisions' | 'deliveries'
  | 'survey_responses' | 'survey_follow_ups' | 'outreach_tasks' | 'complaints';
