import { type Kysely, sql } from 'kysely';

/*
 * Personal-data rights (Saudi PDPL): the beneficiary's requests for a copy of their data and when
 * it was handed over, correction requests with their 30-day answer, the consent given or withdrawn
 * (pointing at the signed consent form), retention rules as data, and the record of who was
 * anonymised when and by which rule.
 *
 * These rows stay on the install that holds them (like the committee notifications): they are the
 * desk's own handling of a request. What they change in the registry (an accepted correction, an
 * anonymised person) travels through the ordinary beneficiary rows.
 */

// Migrations receive an untyped Kysely: they describe the schema that the typed code relies on.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('privacy_exports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('beneficiary_id', 'text', (c) => c.notNull().references('beneficiaries.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .addColumn('delivered_by', 'text')
    .addColumn('formats', 'text')
    .execute();
  await db.schema.createIndex('privacy_exports_beneficiary_ix').on('privacy_exports').column('beneficiary_id').execute();

  await db.schema
    .createTable('privacy_corrections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('beneficiary_id', 'text', (c) => c.notNull().references('beneficiaries.id'))
    .addColumn('field', 'text', (c) => c.notNull())
    // The record's version (HLC) when the request was made: the value it points at, without copying it.
    .addColumn('current_version', 'text', (c) => c.notNull())
    .addColumn('requested_value', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('received_by', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('assigned_to', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('informed_contact_id', 'text')
    .addCheckConstraint('privacy_corrections_status_check', sql`status in ('open', 'accepted', 'rejected')`)
    .execute();
  await db.schema.createIndex('privacy_corrections_beneficiary_ix').on('privacy_corrections').column('beneficiary_id').execute();
  await db.schema.createIndex('privacy_corrections_open_ix').on('privacy_corrections').columns(['status', 'due_on']).execute();

  // Insert-only: the consent status is the latest row of a beneficiary.
  await db.schema
    .createTable('privacy_consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('beneficiary_id', 'text', (c) => c.notNull().references('beneficiaries.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('form_id', 'text')
    .addColumn('channel', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addCheckConstraint('privacy_consents_status_check', sql`status in ('given', 'withdrawn')`)
    .execute();
  await db.schema.createIndex('privacy_consents_beneficiary_ix').on('privacy_consents').columns(['beneficiary_id', 'recorded_at']).execute();

  await db.schema
    .createTable('retention_rules')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('years', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  // Both off until an administrator turns them on: anonymising is irreversible.
  await db
    .insertInto('retention_rules')
    .values([
      { code: 'closed_cases', kind: 'closed_inactive', years: 10, active: 0, updated_at: '2026-01-01T00:00:00.000Z', updated_by: null },
      { code: 'registered_only', kind: 'no_request_inactive', years: 5, active: 0, updated_at: '2026-01-01T00:00:00.000Z', updated_by: null },
    ])
    .execute();

  await db.schema
    .createTable('privacy_anonymisations')
    .addColumn('beneficiary_id', 'text', (c) => c.primaryKey().references('beneficiaries.id'))
    .addColumn('branch_id', 'text', (c) => c.notNull())
    .addColumn('rule_code', 'text', (c) => c.notNull())
    .addColumn('anonymised_at', 'text', (c) => c.notNull())
    .addColumn('files_removed', 'integer', (c) => c.notNull())
    .execute();

  // Gathering everything about one person (a data copy, an anonymisation) reaches these rows by the
  // person, interview or survey answer they belong to: without these, each look-up reads the table.
  await db.schema.createIndex('interviews_beneficiary_ix').on('interviews').column('beneficiary_id').execute();
  await db.schema.createIndex('referrals_beneficiary_ix').on('referrals').column('beneficiary_id').execute();
  await db.schema.createIndex('referrals_interview_ix').on('referrals').column('interview_id').execute();
  await db.schema.createIndex('survey_follow_ups_response_ix').on('survey_follow_ups').column('response_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const index of ['survey_follow_ups_response_ix', 'referrals_interview_ix', 'referrals_beneficiary_ix', 'interviews_beneficiary_ix']) {
    await db.schema.dropIndex(index).execute();
  }
  for (const table of ['privacy_anonymisations', 'retention_rules', 'privacy_consents', 'privacy_corrections', 'privacy_exports']) {
    await db.schema.dropTable(table).execute();
  }
}
