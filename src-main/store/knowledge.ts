import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { TextSection } from '../../src-shared/domain/knowledge-markdown';
import type { Database, KnowledgeDocumentsTable } from './schema';
import { indexText } from './knowledge-terms';

type Db = Kysely<Database> | Transaction<Database>;
export type KnowledgeDocumentRow = Selectable<KnowledgeDocumentsTable>;
export type KnowledgeDocumentWithCount = KnowledgeDocumentRow & { section_count: number };

function withSectionCount(db: Db) {
  return db
    .selectFrom('knowledge_documents')
    .selectAll('knowledge_documents')
    .select((eb) =>
      eb
        .selectFrom('knowledge_sections')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('knowledge_sections.document_id', '=', 'knowledge_documents.id')
        .as('section_count'),
    );
}

export async function findKnowledgeDocument(db: Db, id: string): Promise<KnowledgeDocumentWithCount | undefined> {
  const row = await withSectionCount(db).where('knowledge_documents.id', '=', id).executeTakeFirst();
  return row ? { ...row, section_count: Number(row.section_count ?? 0) } : undefined;
}

const TOOL_ORDER = sql<number>`CASE tool
  WHEN 'bylaws' THEN 1 WHEN 'research_services_guide' THEN 2 WHEN 'support_policy_guide' THEN 3
  WHEN 'support_request_form' THEN 4 WHEN 'policy' THEN 5 ELSE 6 END`;

/** Documents in the order of the policy's list of tools, then by title. */
export async function listKnowledgeDocuments(db: Db, includeRetired: boolean): Promise<KnowledgeDocumentWithCount[]> {
  let query = withSectionCount(db);
  if (!includeRetired) query = query.where('knowledge_documents.status', '!=', 'retired');
  const rows = await query.orderBy(TOOL_ORDER).orderBy('knowledge_documents.title').execute();
  return rows.map((row) => ({ ...row, section_count: Number(row.section_count ?? 0) }));
}

/**
 * Replaces a document's sections and their index entries (FTS5 rows are deleted by rowid, then
 * written again keyed by the new sections' rowids). Runs inside the caller's transaction.
 */
export async function replaceSections(db: Db, documentId: string, sections: readonly TextSection[]): Promise<void> {
  await sql`DELETE FROM knowledge_search WHERE rowid IN (SELECT rowid FROM knowledge_sections WHERE document_id = ${documentId})`.execute(db);
  await db.deleteFrom('knowledge_sections').where('document_id', '=', documentId).execute();
  for (const section of sections) {
    const id = uuidv7();
    await db
      .insertInto('knowledge_sections')
      .values({ id, document_id: documentId, position: section.position, heading: section.heading, body: section.body })
      .execute();
    await sql`INSERT INTO knowledge_search (rowid, heading, body)
      VALUES ((SELECT rowid FROM knowledge_sections WHERE id = ${id}), ${indexText(section.heading ?? '')}, ${indexText(section.body)})`.execute(db);
  }
}

export type KnowledgeSearchRow = {
  section_id: string;
  position: number;
  heading: string | null;
  body: string;
  document_id: string;
  title: string;
  tool: string;
};

/** Sections of active documents matching an FTS5 expression, best first (a heading hit weighs more). */
export async function searchKnowledgeSections(db: Db, match: string, limit: number): Promise<KnowledgeSearchRow[]> {
  const result = await sql<KnowledgeSearchRow>`
    SELECT s.id AS section_id, s.position, s.heading, s.body, d.id AS document_id, d.title, d.tool
    FROM knowledge_search
    JOIN knowledge_sections AS s ON s.rowid = knowledge_search.rowid
    JOIN knowledge_documents AS d ON d.id = s.document_id
    WHERE knowledge_search MATCH ${match} AND d.status = 'active'
    ORDER BY bm25(knowledge_search, 4.0, 1.0), s.position
    LIMIT ${limit}`.execute(db);
  return result.rows;
}
