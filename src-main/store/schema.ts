import type { Generated } from 'kysely';
import type * as Sync from './sync-schema';
import type { SyncFilesTable } from './sync-files';
import type { Travelling } from './schema-travelling';
import type { DuplicateReviewsTable, DuplicateResolutionsTable, BeneficiarySharesTable, FieldConflictsTable } from './schema-cross-branch';
import type { RequestTypesTable, DocumentTypesTable, RequestTypeDocumentsTable, AttachmentsTable, SupportRequestsTable, RequestDocumentsTable, InterviewsTable, InterviewStepsTable, ReferralsTable, SignaturesTable } from './schema-cases';
import type { QueuePrioritiesTable, DesksTable, TicketsTable, TicketEventsTable } from './schema-queue';
import type { ContactsTable, KnowledgeDocumentsTable, KnowledgeSectionsTable, KnowledgeSearchTable } from './schema-contacts';
import type { SignedFormsTable, FormPrintsTable } from './schema-forms';
import type { PrivacyExportsTable, PrivacyCorrectionsTable, PrivacyConsentsTable, RetentionRulesTable, PrivacyAnonymisationsTable } from './schema-privacy';
import type { OutreachSeasonsTable, SurveyInvitationsTable } from './schema-seasons-invitations';
import type { ResearchReportsTable, CommitteeSessionsTable, CommitteeAgendaItemsTable, CommitteeDecisionsTable, CommitteeNotificationsTable, DeliveriesTable, SurveyResponsesTable, SurveyFollowUpsTable, OutreachRulesTable, OutreachTasksTable, ComplaintsTable } from './schema-committee';

/**
 * Row types of the case store, as Kysely sees them (snake_case columns, text timestamps, 0/1 flags):
 * the foundation's tables here, each later area's in its own schema-<area>.ts, all joined in `Database`.
 */

export type {
  RequestTypesTable,
  DocumentTypesTable,
  RequestTypeDocumentsTable,
  AttachmentsTable,
  SupportRequestsTable,
  RequestDocumentsTable,
  InterviewsTable,
  InterviewStepsTable,
  ReferralsTable,
  SignaturesTable,
  QueuePrioritiesTable,
  DesksTable,
  TicketsTable,
  TicketEventsTable,
  ContactsTable,
  KnowledgeDocumentsTable,
  KnowledgeSectionsTable,
  KnowledgeSearchTable,
  SignedFormsTable,
  FormPrintsTable,
  ResearchReportsTable,
  CommitteeSessionsTable,
  CommitteeAgendaItemsTable,
  CommitteeDecisionsTable,
  CommitteeNotificationsTable,
  DeliveriesTable,
  SurveyResponsesTable,
  SurveyFollowUpsTable,
  OutreachRulesTable,
  OutreachSeasonsTable,
  SurveyInvitationsTable,
  OutreachTasksTable,
  ComplaintsTable,
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
  /** Set by the idle lock or "lock now": the session answers only unlock and sign-out until cleared. */
  locked_at: string | null;
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
  preferred_channel: string | null;
  governorate: string | null;
  city: string | null;
  address: string | null;
  notes: string | null;
  name_key: string;
  phonetic_key: string;
  lineage_key: string;
  created_by: string | null;
  updated_by: string | null;
  /** Set when this record was merged into another (migration 0011): both ids resolve to that one. */
  merged_into: Generated<string | null>;
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
  outreach_seasons: OutreachSeasonsTable;
  survey_invitations: SurveyInvitationsTable;
  outreach_tasks: OutreachTasksTable;
  complaints: ComplaintsTable;
  sync_field_clock: Sync.SyncFieldClockTable;
  sync_changes: Sync.SyncChangesTable;
  sync_devices: Sync.SyncDevicesTable;
  sync_enrolment_codes: Sync.SyncEnrolmentCodesTable;
  sync_batches: Sync.SyncBatchesTable;
  sync_rejections: Sync.SyncRejectionsTable;
  sync_runs: Sync.SyncRunsTable;
  sync_files: SyncFilesTable;
  duplicate_reviews: DuplicateReviewsTable;
  duplicate_resolutions: DuplicateResolutionsTable;
  beneficiary_shares: BeneficiarySharesTable;
  field_conflicts: FieldConflictsTable;
  privacy_exports: PrivacyExportsTable;
  privacy_corrections: PrivacyCorrectionsTable;
  privacy_consents: PrivacyConsentsTable;
  retention_rules: RetentionRulesTable;
  privacy_anonymisations: PrivacyAnonymisationsTable;
};

/** Tables whose rows travel to head office: every write to them lands in the change log. */
export type TravellingTable = 'branches' | 'users' | 'beneficiaries' | 'household_members'
  | 'desks' | 'tickets' | 'ticket_events'
  | 'attachments' | 'support_requests' | 'request_documents' | 'interviews' | 'interview_steps' | 'referrals' | 'signatures'
  | 'contacts' | 'knowledge_documents'
  | 'signed_forms' | 'form_prints'
  | 'research_reports' | 'committee_sessions' | 'committee_agenda_items' | 'committee_decisions' | 'deliveries'
  | 'survey_responses' | 'survey_follow_ups' | 'outreach_tasks' | 'complaints'
  | 'survey_invitations'
  | 'duplicate_reviews' | 'duplicate_resolutions' | 'beneficiary_shares' | 'field_conflicts'
  | 'field_history';
