import { type Kysely, sql } from 'kysely';

/*
 * Signed forms: each generated PDF is stored once, content-addressed (forms/ab/cdef….pdf beside the
 * store), and described by one insert-only row: its kind, whom it concerns, the SHA-256 of the file,
 * the canonical JSON (and its hash) of exactly the data it prints, a short verification code, and
 * the form it corrects (`supersedes_id`). Prints and saved copies are recorded in form_prints.
 * Both tables travel (UUIDv7 id, owning branch, timestamps, HLC).
 */

// Migrations receive an untyped Kysely: they describe the schema that the typed code relies on.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('signed_forms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('beneficiary_id', 'text', (c) => c.references('beneficiaries.id'))
    .addColumn('request_id', 'text')
    .addColumn('ticket_id', 'text')
    .addColumn('referral_id', 'text')
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('file_sha256', 'text', (c) => c.notNull().unique())
    .addColumn('file_size', 'integer', (c) => c.notNull())
    .addColumn('data_json', 'text', (c) => c.notNull())
    .addColumn('data_hash', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text')
    .addColumn('supersedes_id', 'text', (c) => c.references('signed_forms.id').unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('hlc', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'signed_forms_kind_check',
      sql`kind in ('support_request', 'data_consent', 'researcher_referral', 'submission_receipt', 'queue_ticket', 'committee_decision', 'delivery_acknowledgement')`,
    )
    .execute();
  await db.schema.createIndex('signed_forms_beneficiary_ix').on('signed_forms').columns(['beneficiary_id', 'issued_at']).execute();
  await db.schema.createIndex('signed_forms_request_ix').on('signed_forms').column('request_id').execute();

  await db.schema
    .createTable('form_prints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('form_id', 'text', (c) => c.notNull().references('signed_forms.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('copy_number', 'integer', (c) => c.notNull())
    .addColumn('by_user', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('hlc', 'text', (c) => c.notNull())
    .addCheckConstraint('form_prints_action_check', sql`action in ('print', 'save')`)
    .execute();
  await db.schema.createIndex('form_prints_form_ix').on('form_prints').column('form_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('form_prints').ifExists().execute();
  await db.schema.dropTable('signed_forms').ifExists().execute();
}
