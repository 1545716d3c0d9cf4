import { sql, type Transaction } from 'kysely';
import { markdownSections, plainTextSections } from '../../src-shared/domain/knowledge-markdown';
import { searchDocument } from './beneficiary-keys';
import { replaceSections } from './knowledge';
import type { Database } from './schema';

/**
 * A desk's derived indexes follow the rows a pull merged: the beneficiaries' search index and the
 * knowledge base's sections (both are built on each install, never travel). Beneficiaries are
 * reindexed in bulk — a branch's first sync brings tens of thousands of them — with one read and
 * two statements per chunk instead of three statements per row.
 */

type Tx = Transaction<Database>;
const CHUNK = 500;

/** The fields a beneficiary's search document is made of (searchDocument): a change to none of them keeps it. */
const SEARCH_FIELDS = ['first_name', 'father_name', 'grandfather_name', 'family_name', 'latin_name', 'national_id', 'phone_primary', 'phone_secondary'];

/** `fresh`: rows this pull inserted, which have no search entry yet to remove (beneficiaries are never deleted). */
async function reindexBeneficiaries(tx: Tx, ids: readonly string[], fresh: ReadonlySet<string>): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    const rows = await tx.selectFrom('beneficiaries')
      .select([sql<number>`rowid`.as('rowid'), 'id', 'first_name', 'father_name', 'grandfather_name', 'family_name', 'latin_name', 'national_id', 'phone_primary', 'phone_secondary'])
      .where('id', 'in', part).execute();
    if (rows.length === 0) continue;
    const rowids = rows.filter((r) => !fresh.has(r.id)).map((r) => r.rowid);
    if (rowids.length > 0) await sql`DELETE FROM beneficiary_search WHERE rowid IN (${sql.join(rowids)})`.execute(tx);
    const values = rows.map((row) => {
      const document = searchDocument(row);
      return sql`(${row.rowid}, ${document.names}, ${document.numbers})`;
    });
    await sql`INSERT INTO beneficiary_search (rowid, names, numbers) VALUES ${sql.join(values)}`.execute(tx);
  }
}

/** The sections a knowledge document is searched by, as the knowledge service writes them. */
async function rebuildKnowledgeSections(tx: Tx, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    const doc = await tx.selectFrom('knowledge_documents').select(['format', 'markdown', 'pdf_text']).where('id', '=', id).executeTakeFirst();
    if (!doc) continue;
    const sections = doc.format === 'markdown' && doc.markdown ? markdownSections(doc.markdown)
      : doc.format === 'pdf' && doc.pdf_text ? plainTextSections(doc.pdf_text) : [];
    await replaceSections(tx, id, sections);
  }
}

/** Fields of a knowledge document its sections are made from: a pull that changes none of them keeps the sections. */
const KNOWLEDGE_TEXT_FIELDS = ['format', 'markdown', 'pdf_text'];

export type PulledChange = { table_name: string; row_id: string; fields: Record<string, unknown> };

/**
 * Collects which rows' derived indexes a set of merged changes touches (call with each change whose
 * fields won; `inserted` when it created the row).
 */
export class ReindexSet {
  private readonly beneficiaries = new Set<string>();
  private readonly fresh = new Set<string>();
  private readonly knowledge = new Set<string>();

  note(change: PulledChange, inserted: boolean): void {
    if (change.table_name === 'beneficiaries') {
      if (inserted) this.fresh.add(change.row_id);
      if (inserted || SEARCH_FIELDS.some((f) => f in change.fields)) this.beneficiaries.add(change.row_id);
    }
    else if (change.table_name === 'knowledge_documents' && KNOWLEDGE_TEXT_FIELDS.some((f) => f in change.fields)) this.knowledge.add(change.row_id);
  }

  async apply(tx: Tx): Promise<void> {
    await reindexBeneficiaries(tx, [...this.beneficiaries], this.fresh);
    await rebuildKnowledgeSections(tx, [...this.knowledge]);
  }
}
