import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { AuditLogTable, Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

export const GENESIS_HASH = '0'.repeat(64);

export type AuditEntry = {
  branchId: string | null;
  userId: string | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  /** Small structured facts (ids, counts, decisions); never names, ID numbers or phones. */
  detail: Record<string, unknown> | null;
  at: string;
  hlc: string;
};

type HashedFields = Omit<AuditLogTable, 'seq' | 'hash'>;

/** SHA-256 over the previous hash and this row's content, in a fixed field order. */
export function auditRowHash(row: HashedFields): string {
  const content = JSON.stringify([
    row.id, row.branch_id, row.user_id, row.action, row.entity, row.entity_id, row.detail, row.at, row.hlc,
  ]);
  return createHash('sha256').update(row.prev_hash).update('\n').update(content).digest('hex');
}

/** Appends one entry to the chain; call inside the transaction of the write it records. */
export async function appendAudit(db: Db, entry: AuditEntry): Promise<void> {
  const last = await db.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const row: HashedFields = {
    id: uuidv7(),
    branch_id: entry.branchId,
    user_id: entry.userId,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    detail: entry.detail ? JSON.stringify(entry.detail) : null,
    at: entry.at,
    hlc: entry.hlc,
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  await db.insertInto('audit_log').values({ ...row, hash: auditRowHash(row) }).execute();
}

/** `brokenAt*` name the first row whose link or hash does not match: the tampered (or removed-before) row. */
export type AuditChainCheck = { ok: boolean; entries: number; brokenAtSeq: number | null; brokenAtId: string | null };

/** Walks the whole chain in order; the first row whose link or hash does not match breaks it. */
export async function verifyAuditChain(db: Db): Promise<AuditChainCheck> {
  let previous = GENESIS_HASH;
  let entries = 0;
  let afterSeq = 0;
  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(5000)
      .execute();
    if (page.length === 0) break;
    for (const row of page) {
      if (row.prev_hash !== previous || auditRowHash(row) !== row.hash) {
        return { ok: false, entries, brokenAtSeq: row.seq, brokenAtId: row.id };
      }
      previous = row.hash;
      entries += 1;
      afterSeq = row.seq;
    }
  }
  return { ok: true, entries, brokenAtSeq: null, brokenAtId: null };
}
