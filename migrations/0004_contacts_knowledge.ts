import { type Kysely, sql } from 'kysely';
import { isSqlite } from './dialect';

/*
 * Contact log over the policy's eight channels, and the knowledge base of the four staff tools.
 *
 * contacts: travelling and insert-only. A correction or a retraction is a new row whose
 * `corrects_id` names the row it replaces; the old row stays for the record and drops out of lists.
 *
 * knowledge_documents: travelling; administrators edit them (configuration, not a legal record).
 * knowledge_sections: derived on each install from a document's text (one row per heading), so it
 * never travels and carries no HLC; rebuilt whenever its document changes.
 * knowledge_search (SQLite only): contentless FTS5 over the sections, keyed by the section's rowid,
 * fed with text normalised in code (see src-main/store/knowledge-terms.ts). PostgreSQL (head office)
 * does not search the knowledge base.
 */

// Migrations receive an untyped Kysely: they describe the schema that the typed code relies on.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const CHANNELS = "'in_person_interview', 'phone', 'social_media', 'letters', 'help_request_services', 'volunteering', 'website', 'branch_representative'";

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('beneficiary_id', 'text', (c) => c.references('beneficiaries.id'))
    .addColumn('caller_name', 'text')
    .addColumn('caller_phone', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('contact_kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('details', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('next_step', 'text')
    .addColumn('follow_up_on', 'text')
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('corrects_id', 'text', (c) => c.references('contacts.id'))
    .addColumn('retracted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('retraction_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('hlc', 'text', (c) => c.notNull())
    .addCheckConstraint('contacts_channel_check', sql.raw(`channel in (${CHANNELS})`))
    .addCheckConstraint('contacts_direction_check', sql`direction in ('inbound', 'outbound')`)
    .addCheckConstraint('contacts_subject_check', sql`length(trim(subject)) > 0`)
    .execute();
  await db.schema.createIndex('contacts_beneficiary_ix').on('contacts').columns(['beneficiary_id', 'occurred_at']).execute();
  await db.schema.createIndex('contacts_occurred_ix').on('contacts').columns(['occurred_at']).execute();
  await db.schema.createIndex('contacts_follow_up_ix').on('contacts').columns(['follow_up_on']).execute();
  await db.schema.createIndex('contacts_corrects_ix').on('contacts').column('corrects_id').execute();

  await db.schema
    .createTable('knowledge_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('tool', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('format', 'text')
    .addColumn('markdown', 'text')
    .addColumn('pdf_sha256', 'text')
    .addColumn('pdf_file_name', 'text')
    .addColumn('pdf_size', 'integer')
    .addColumn('pdf_text', 'text')
    .addColumn('source_note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('hlc', 'text', (c) => c.notNull())
    .addCheckConstraint('knowledge_documents_status_check', sql`status in ('missing', 'active', 'retired')`)
    .addCheckConstraint('knowledge_documents_format_check', sql`format is null or format in ('markdown', 'pdf')`)
    .execute();

  await db.schema
    .createTable('knowledge_sections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('knowledge_documents.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('heading', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('knowledge_sections_document_ix').on('knowledge_sections').columns(['document_id', 'position']).execute();

  if (isSqlite(db)) {
    // Per-dialect branch, as for beneficiary_search: FTS5 exists only in SQLite. Contentless; snippets
    // are cut from knowledge_sections.body in code so they keep the text's own harakat and spelling.
    await sql`CREATE VIRTUAL TABLE knowledge_search USING fts5(
      heading,
      body,
      content = '',
      contentless_delete = 1,
      tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co Mn'",
      prefix = '2 3'
    )`.execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  if (isSqlite(db)) await sql`DROP TABLE IF EXISTS knowledge_search`.execute(db);
  for (const table of ['knowledge_sections', 'knowledge_documents', 'contacts']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
