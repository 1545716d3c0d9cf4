import { existsSync, unlinkSync } from 'node:fs';
import { sql, type Kysely, type Transaction } from 'kysely';
import { ANONYMISATION, anonymisedColumns } from '../../src-shared/domain/anonymisation';
import { contentFilePath, type ContentShelf } from './content-files';
import type { Database } from './schema';
import { updateTravelling, type WriteStamp } from './row-writer';
import { INSERT_ONLY_TABLES, isTravellingTable } from './sync-schema';

type Db = Kysely<Database> | Transaction<Database>;
type Value = string | number | null;
type Row = Record<string, Value> & { id: string; branch_id: string };

/** What the retention rules read about every beneficiary not yet anonymised. */
export type RetentionFactRow = { id: string; branch_id: string; requests: number; openRequests: number; lastActivityAt: string };

/** Moments that count as activity on a file, per table: (table, column holding the moment); each has a beneficiary_id index. */
const ACTIVITY: ReadonlyArray<readonly [table: keyof Database, at: string]> = [
  ['household_members', 'updated_at'],
  ['support_requests', 'updated_at'],
  ['interviews', 'updated_at'],
  ['contacts', 'occurred_at'],
  ['tickets', 'issued_at'],
  ['complaints', 'updated_at'],
  ['survey_responses', 'answered_at'],
  ['signed_forms', 'issued_at'],
  ['privacy_exports', 'requested_at'],
  ['privacy_corrections', 'received_at'],
  ['privacy_consents', 'recorded_at'],
];

/**
 * One statement: per beneficiary, an indexed MAX per area (and the deliveries of their requests) and
 * the request counts; the latest moment is taken here, which keeps the SQL the same on SQLite and
 * PostgreSQL (no GREATEST / multi-argument MAX). Measured against grouped reads merged in memory in
 * bench/privacy.bench.ts.
 */
export async function retentionFacts(db: Db, finalStates: readonly string[]): Promise<RetentionFactRow[]> {
  const finals = finalStates.length > 0 ? finalStates : [''];
  const areas = ACTIVITY.map(([table, at], i) => sql`(SELECT MAX(${sql.ref(`x.${at}`)}) FROM ${sql.table(table)} AS x WHERE x.beneficiary_id = b.id) AS ${sql.ref(`a${i}`)}`);
  const rows = await sql<Record<string, string | number | null> & { id: string; branch_id: string; updated_at: string; requests: number | string; open_requests: number | string | null }>`
    SELECT b.id, b.branch_id, b.updated_at, ${sql.join(areas)},
      (SELECT MAX(d.delivered_at) FROM support_requests AS r JOIN deliveries AS d ON d.request_id = r.id WHERE r.beneficiary_id = b.id) AS delivered,
      (SELECT COUNT(*) FROM support_requests AS r WHERE r.beneficiary_id = b.id) AS requests,
      (SELECT COUNT(*) FROM support_requests AS r WHERE r.beneficiary_id = b.id AND r.state NOT IN (${sql.join(finals)})) AS open_requests
    FROM beneficiaries AS b
    WHERE NOT EXISTS (SELECT 1 FROM privacy_anonymisations AS p WHERE p.beneficiary_id = b.id)`.execute(db);
  return rows.rows.map((row) => {
    let latest = row.updated_at;
    for (let i = 0; i < ACTIVITY.length; i++) {
      const at = row[`a${i}`];
      if (typeof at === 'string' && at > latest) latest = at;
    }
    if (typeof row.delivered === 'string' && row.delivered > latest) latest = row.delivered;
    return { id: row.id, branch_id: row.branch_id, requests: Number(row.requests), openRequests: Number(row.open_requests ?? 0), lastActivityAt: latest };
  });
}

/**
 * Overwrites the personal columns of one row. Rows that travel go through the row writer (no field
 * history: the old value must not survive), so head office and other desks receive the placeholders;
 * insert-only tables are refused by sync after their first write, so they are overwritten here only.
 */
export async function anonymiseRow(db: Db, table: keyof typeof ANONYMISATION, row: Row, stamp: WriteStamp): Promise<number> {
  const set = anonymisedColumns(table, row);
  if (Object.keys(set).length === 0) return 0;
  if (isTravellingTable(table) && !INSERT_ONLY_TABLES.has(table)) {
    await updateTravelling(db, table, row, set, stamp, { history: false });
  } else {
    await db.updateTable(table as 'contacts').set(set as never).where('id', '=', row.id).execute();
  }
  return 1;
}

/** Erases the old and new values of personal fields from the field history of the given rows. */
export async function eraseFieldHistory(db: Db, table: string, rowIds: string[]): Promise<void> {
  const fields = Object.keys(ANONYMISATION[table] ?? {});
  if (rowIds.length === 0 || fields.length === 0) return;
  await db
    .updateTable('field_history')
    .set({ old_value: null, new_value: null })
    .where('table_name', '=', table)
    .where('row_id', 'in', rowIds)
    .where('field', 'in', fields)
    .execute();
}

/**
 * Rewrites this install's copies of earlier changes to the rows (the change log keeps every value
 * shipped), so the old names and numbers are not left in the outbox history.
 */
export async function eraseChangeLog(db: Db, table: string, rowIds: string[]): Promise<void> {
  if (rowIds.length === 0 || !ANONYMISATION[table]) return;
  const entries = await db.selectFrom('change_log').select(['id', 'row_id', 'fields']).where('table_name', '=', table).where('row_id', 'in', rowIds).execute();
  for (const entry of entries) {
    const fields = JSON.parse(entry.fields) as Record<string, Value>;
    const set = anonymisedColumns(table, { ...fields, id: entry.row_id });
    if (Object.keys(set).length === 0) continue;
    await db.updateTable('change_log').set({ fields: JSON.stringify({ ...fields, ...set }) }).where('id', '=', entry.id).execute();
  }
}

/** Removes the person from the name/ID search index: the row is gone, not rewritten with placeholders. */
export async function removeFromSearch(db: Db, beneficiaryId: string): Promise<void> {
  await sql`DELETE FROM beneficiary_search WHERE rowid = (SELECT rowid FROM beneficiaries WHERE id = ${beneficiaryId})`.execute(db);
}

export async function recordAnonymisation(db: Db, row: { beneficiary_id: string; branch_id: string; rule_code: string; anonymised_at: string; files_removed: number }): Promise<void> {
  await db.insertInto('privacy_anonymisations').values(row).execute();
}

/** Whether any signed form of someone else still names the same stored file (then it stays on the shelf). */
export async function formFileSharedWithOthers(db: Db, sha256: string, beneficiaryId: string): Promise<boolean> {
  const other = await db
    .selectFrom('signed_forms')
    .select('id')
    .where('file_sha256', '=', sha256)
    .where((eb) => eb.or([eb('beneficiary_id', 'is', null), eb('beneficiary_id', '!=', beneficiaryId)]))
    .executeTakeFirst();
  return Boolean(other);
}

/** Whether a document, signature or delivery outside the person's own rows names an attachment with these bytes. */
export async function attachmentFileSharedWithOthers(db: Db, sha256: string, ownReferenceIds: string[]): Promise<boolean> {
  const sameBytes = (await db.selectFrom('attachments').select('id').where('sha256', '=', sha256).execute()).map((a) => a.id);
  if (sameBytes.length === 0) return false;
  const users = await db
    .selectFrom('request_documents')
    .select('id')
    .where('attachment_id', 'in', sameBytes)
    .union(db.selectFrom('signatures').select('id').where('attachment_id', 'in', sameBytes))
    .union(db.selectFrom('deliveries').select('id').where('signature_attachment_id', 'in', sameBytes))
    .execute();
  return users.some((u) => !ownReferenceIds.includes(u.id));
}

/** Takes a stored file off the shelf; returns whether there was one. */
export function removeShelfFile(storePath: string, shelf: ContentShelf, sha256: string, extension = ''): boolean {
  const path = contentFilePath(storePath, shelf, sha256, extension);
  if (!existsSync(path)) return false;
  unlinkSync(path);
  return true;
}

/**
 * Runs `work` inside a savepoint of the current transaction: all of it is kept, or none of it (the
 * error is rethrown after the rollback). SAVEPOINT is the same on SQLite and PostgreSQL.
 */
export async function withSavepoint<T>(db: Db, work: () => Promise<T>): Promise<T> {
  await sql`SAVEPOINT privacy_one`.execute(db);
  try {
    const result = await work();
    await sql`RELEASE SAVEPOINT privacy_one`.execute(db);
    return result;
  } catch (error) {
    await sql`ROLLBACK TO SAVEPOINT privacy_one`.execute(db);
    await sql`RELEASE SAVEPOINT privacy_one`.execute(db);
    throw error;
  }
}
