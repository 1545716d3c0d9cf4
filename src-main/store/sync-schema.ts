import type { Generated } from 'kysely';
import type { TravellingTable } from './schema';

/** Row types of the sync tables (migration 0007); see the migration for which end uses which. */

export type SyncFieldClockTable = { table_name: string; row_id: string; field: string; hlc: string };

export type SyncChangesTable = {
  seq: Generated<number>;
  id: string;
  table_name: string;
  row_id: string;
  op: string;
  fields: string;
  hlc: string;
  branch_id: string;
  origin_device: string | null;
  received_at: string;
  /** A head-office entry meant for one branch only (migration 0011); null: for whoever may see the row. */
  audience_branch: Generated<string | null>;
};

export type SyncDevicesTable = {
  id: string;
  branch_id: string;
  name: string;
  credential_hash: string | null;
  created_at: string;
  enrolled_at: string | null;
  revoked_at: string | null;
  last_push_at: string | null;
  last_pull_at: string | null;
  last_error: string | null;
  pull_cursor: Generated<number>;
};

export type SyncEnrolmentCodesTable = { code_hash: string; device_id: string; created_at: string; expires_at: string; used_at: string | null };

export type SyncBatchesTable = { device_id: string; batch_id: string; received_at: string; reply: string };

export type SyncRejectionsTable = { change_id: string; direction: 'push' | 'pull'; table_name: string; row_id: string; reason: string; at: string };

export type SyncRunsTable = {
  id: string;
  started_at: string;
  finished_at: string;
  pushed: number;
  pulled: number;
  rejected: number;
  error: string | null;
};

/** Every travelling table, at run time (the type lists them at compile time; the check below keeps both equal). */
export const TRAVELLING_TABLES = [
  'branches', 'users', 'beneficiaries', 'household_members',
  'desks', 'tickets', 'ticket_events',
  'attachments', 'support_requests', 'request_documents', 'interviews', 'interview_steps', 'referrals', 'signatures',
  'contacts', 'knowledge_documents',
  'signed_forms', 'form_prints',
  'research_reports', 'committee_sessions', 'committee_agenda_items', 'committee_decisions', 'deliveries',
  'survey_responses', 'survey_follow_ups', 'outreach_tasks', 'complaints',
  'survey_invitations',
  'duplicate_reviews', 'duplicate_resolutions', 'beneficiary_shares', 'field_conflicts',
  'field_history',
] as const satisfies readonly TravellingTable[];

type Missing = Exclude<TravellingTable, (typeof TRAVELLING_TABLES)[number]>;
/** A compile error here means a travelling table was added to schema.ts but not to the list above. */
export const TRAVELLING_TABLES_COMPLETE: Missing extends never ? true : Missing = true;

/** Written once: a later change to an existing row is refused (corrections are new rows). */
export const INSERT_ONLY_TABLES: ReadonlySet<string> = new Set<TravellingTable>([
  'attachments', 'interview_steps', 'signatures', 'ticket_events', 'signed_forms', 'form_prints', 'committee_decisions', 'deliveries',
  'survey_invitations',
  'duplicate_reviews', 'duplicate_resolutions', 'beneficiary_shares', 'field_conflicts',
  // An edit's history entry (who changed which field from what to what): written once, like the edit.
  'field_history',
]);

/** Association-wide reference data: every branch pulls these, whichever branch wrote them. */
export const ASSOCIATION_WIDE_TABLES: ReadonlySet<string> = new Set<TravellingTable>(['branches', 'knowledge_documents']);

/**
 * Rows every install creates with the same id (the knowledge base's seeded documents): each branch's
 * copy is the same record, merged field by field whichever branch wrote it.
 */
export const SHARED_ROW_TABLES: ReadonlySet<string> = new Set<TravellingTable>(['knowledge_documents']);

/**
 * Rows whose branch may change: a staff member moved to another branch. Elsewhere a row's branch is
 * fixed when it is made, and a change naming another is refused.
 */
export const MOVABLE_TABLES: ReadonlySet<string> = new Set<TravellingTable>(['users']);

/**
 * A person's own file: their record, their household and the history of both. A branch the person
 * is shared with (a visit, a review) serves them too, and may edit these rows of another branch;
 * head office accepts such an edit only from a branch that owns or shares the person (shared-edits.ts).
 */
export const PERSON_FILE_TABLES: ReadonlySet<string> = new Set<TravellingTable>(['beneficiaries', 'household_members', 'field_history']);

export function isTravellingTable(name: string): name is TravellingTable {
  return (TRAVELLING_TABLES as readonly string[]).includes(name);
}
