import { type Kysely, sql } from 'kysely';

/*
 * Indexes for the managers' report. Its queries select a period (a range of days or of timestamps)
 * across every branch at head office, so each needs an index led by the period's column; the
 * existing indexes lead with the branch or the state, for the desks' own screens. Plain B-tree
 * indexes on text columns: the same DDL on SQLite and PostgreSQL.
 */

// Migrations receive an untyped Kysely: they describe the schema that the typed code relies on.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const INDEXES: ReadonlyArray<readonly [name: string, table: string, columns: string[]]> = [
  ['tickets_report_day_ix', 'tickets', ['service_day', 'service_code']],
  ['beneficiaries_created_ix', 'beneficiaries', ['created_at']],
  ['support_requests_created_ix', 'support_requests', ['created_at']],
  ['committee_decisions_decided_ix', 'committee_decisions', ['decided_at']],
  ['survey_responses_report_ix', 'survey_responses', ['answered_at']],
  ['outreach_tasks_due_ix', 'outreach_tasks', ['due_on']],
  ['complaints_received_ix', 'complaints', ['received_at']],
  ['complaints_closed_ix', 'complaints', ['closed_at']],
];

/**
 * Corrections are rare: partial indexes over the rows that do correct another, so "which rows were
 * replaced" reads a handful of entries. A plain index on an almost-always-null column misleads
 * SQLite's planner once ANALYZE has counted it.
 */
const CORRECTIONS: ReadonlyArray<readonly [name: string, table: string, column: string]> = [
  ['committee_decisions_superseded_ix', 'committee_decisions', 'supersedes_id'],
  ['contacts_corrections_ix', 'contacts', 'corrects_id'],
];

export async function up(db: AnyDb): Promise<void> {
  for (const [name, table, columns] of INDEXES) await db.schema.createIndex(name).on(table).columns(columns).execute();
  for (const [name, table, column] of CORRECTIONS) {
    await db.schema.createIndex(name).on(table).column(column).where(sql.ref(column), 'is not', null).execute();
  }
}

export async function down(db: AnyDb): Promise<void> {
  for (const [name] of [...INDEXES, ...CORRECTIONS]) await db.schema.dropIndex(name).ifExists().execute();
}
