import { type Kysely, sql } from 'kysely';
import { isSqlite, localSequenceType } from './dialect';

/*
 * Foundation: branches, users, sessions, beneficiaries, household members, field history,
 * the hash-chained audit log, the change log (outbox) and, on SQLite, the FTS5 search index.
 *
 * Every travelling row has a UUIDv7 text id made on the device, the branch that owns it,
 * created_at/updated_at (UTC ISO text) and an HLC stamp. Flags are integers (0/1) so the
 * same values work on SQLite and PostgreSQL.
 */

// Migrations receive an untyped Kysely: they describe the schema that the typed code relies on.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('branches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_ar', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('city', 'text')
    .addColumn('is_headquarters', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('hlc', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('branch_scope', 'text', (c) => c.notNull().defaultTo('own'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('last_login_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('hlc', 'text', (c) => c.notNull())
    .addCheckConstraint('users_role_check', sql`role in ('reception', 'researcher', 'committee', 'manager', 'admin')`)
    .addCheckConstraint('users_scope_check', sql`branch_scope in ('own', 'all')`)
    .execute();

  // Sessions stay on the device that made them: they never travel and carry no HLC.
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('beneficiaries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('father_name', 'text', (c) => c.notNull())
    .addColumn('grandfather_name', 'text', (c) => c.notNull())
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addColumn('latin_name', 'text')
    .addColumn('id_type', 'text', (c) => c.notNull())
    .addColumn('national_id', 'text')
    .addColumn('nationality', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text')
    .addColumn('phone_primary', 'text')
    .addColumn('phone_secondary', 'text')
    .addColumn('governorate', 'text')
    .addColumn('city', 'text')
    .addColumn('address', 'text')
    .addColumn('notes', 'text')
    // Matching keys, derived from the name by src-shared/domain/arabic-text on every write.
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('phonetic_key', 'text', (c) => c.notNull())
    .addColumn('lineage_key', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('hlc', 'text', (c) => c.notNull())
    .addCheckConstraint('beneficiaries_id_type_check', sql`id_type in ('national_id', 'iqama', 'passport', 'none')`)
    .addCheckConstraint('beneficiaries_gender_check', sql`gender in ('male', 'female')`)
    .execute();
  await db.schema.createIndex('beneficiaries_national_id_uq').on('beneficiaries').column('national_id').unique().execute();
  // Partial: most records have no second phone, and statistics over all those NULLs would make the
  // planner scan the table instead of using the index (both SQLite and PostgreSQL support this form).
  for (const column of ['phone_primary', 'phone_secondary']) {
    await db.schema
      .createIndex(`beneficiaries_${column}_ix`)
      .on('beneficiaries')
      .column(column)
      .where(sql.ref(column), 'is not', null)
      .execute();
  }
  await db.schema.createIndex('beneficiaries_name_key_ix').on('beneficiaries').column('name_key').execute();
  await db.schema.createIndex('beneficiaries_phonetic_key_ix').on('beneficiaries').column('phonetic_key').execute();
  await db.schema.createIndex('beneficiaries_lineage_key_ix').on('beneficiaries').column('lineage_key').execute();
  await db.schema.createIndex('beneficiaries_branch_ix').on('beneficiaries').column('branch_id').execute();

  await db.schema
    .createTable('household_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('beneficiary_id', 'text', (c) => c.notNull().references('beneficiaries.id'))
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('id_type', 'text', (c) => c.notNull())
    .addColumn('national_id', 'text')
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text')
    .addColumn('is_prisoner', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('notes', 'text')
    .addColumn('removed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('hlc', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('household_members_beneficiary_ix').on('household_members').column('beneficiary_id').execute();

  await db.schema
    .createTable('field_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull())
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('row_id', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('old_value', 'text')
    .addColumn('new_value', 'text')
    .addColumn('changed_by', 'text')
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('hlc', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('field_history_row_ix').on('field_history').columns(['table_name', 'row_id']).execute();

  // Append-only: each row stores SHA-256(prev_hash + its own canonical content).
  await db.schema
    .createTable('audit_log')
    .addColumn('seq', localSequenceType(db), (c) => (isSqlite(db) ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('branch_id', 'text')
    .addColumn('user_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('detail', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('hlc', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_entity_ix').on('audit_log').columns(['entity', 'entity_id']).execute();

  // The outbox: one row per write, in the same transaction, shipped by the sync client.
  await db.schema
    .createTable('change_log')
    .addColumn('seq', localSequenceType(db), (c) => (isSqlite(db) ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('row_id', 'text', (c) => c.notNull())
    .addColumn('op', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('hlc', 'text', (c) => c.notNull())
    .addColumn('branch_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('pushed_at', 'text')
    .addCheckConstraint('change_log_op_check', sql`op in ('insert', 'update', 'delete')`)
    .execute();
  await db.schema.createIndex('change_log_pending_ix').on('change_log').columns(['pushed_at', 'seq']).execute();

  if (isSqlite(db)) {
    // Per-dialect branch: FTS5 exists only in SQLite. Contentless (the text lives in beneficiaries),
    // keyed by the beneficiary's rowid. Text is normalised in code before indexing (harakat, tatweel,
    // hamza forms), and 'Mn' keeps any combining mark inside its token.
    // PostgreSQL (head office) searches the normalised key columns instead.
    await sql`CREATE VIRTUAL TABLE beneficiary_search USING fts5(
      names,
      numbers,
      content = '',
      contentless_delete = 1,
      tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co Mn'",
      prefix = '2 3'
    )`.execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  if (isSqlite(db)) await sql`DROP TABLE IF EXISTS beneficiary_search`.execute(db);
  for (const table of ['change_log', 'audit_log', 'field_history', 'household_members', 'beneficiaries', 'sessions', 'users', 'branches', 'settings']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
