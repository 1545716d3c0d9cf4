import type { Kysely, SelectQueryBuilder, Transaction } from 'kysely';
import type { Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

export type AuditSearch = {
  /** null: every branch (an admin); else only rows of this branch. */
  branchId: string | null;
  userId: string | null;
  action: string | null;
  /** A beneficiary: rows whose subject is that record. */
  beneficiaryId: string | null;
  /** Inclusive start and exclusive end, ISO instants. */
  fromAt: string | null;
  toAt: string | null;
  /** Rows up to this sequence only: pages of one reading stay put while new entries arrive. */
  upToSeq: number | null;
};

export type AuditListRow = {
  seq: number;
  id: string;
  at: string;
  action: string;
  entity: string | null;
  entity_id: string | null;
  detail: string | null;
  user_id: string | null;
  user_name: string | null;
  branch_id: string | null;
  branch_name: string | null;
  first_name: string | null;
  father_name: string | null;
  grandfather_name: string | null;
  family_name: string | null;
};

function filtered<O>(query: SelectQueryBuilder<Database, 'audit_log', O>, search: AuditSearch) {
  let q = query;
  if (search.branchId) q = q.where('audit_log.branch_id', '=', search.branchId);
  if (search.userId) q = q.where('audit_log.user_id', '=', search.userId);
  if (search.action) q = q.where('audit_log.action', '=', search.action);
  if (search.beneficiaryId) q = q.where('audit_log.entity', '=', 'beneficiary').where('audit_log.entity_id', '=', search.beneficiaryId);
  if (search.fromAt) q = q.where('audit_log.at', '>=', search.fromAt);
  if (search.toAt) q = q.where('audit_log.at', '<', search.toAt);
  if (search.upToSeq !== null) q = q.where('audit_log.seq', '<=', search.upToSeq);
  return q;
}

async function countWhere(db: Db, search: AuditSearch, afterSeq: number | null): Promise<number> {
  let q = filtered(db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')), { ...search, upToSeq: null });
  if (afterSeq !== null) q = q.where('audit_log.seq', '>', afterSeq);
  return Number((await q.executeTakeFirst())?.n ?? 0);
}

/**
 * How many entries match, up to `upToSeq`: all matches less those written since. Counting without
 * the bound lets SQLite count over the filter's own index (or its fast whole-table count), and the
 * entries since the first page are few; a bound in the same count would walk the table by rowid.
 */
export async function countAudit(db: Db, search: AuditSearch): Promise<number> {
  const all = await countWhere(db, search, null);
  return search.upToSeq === null ? all : all - (await countWhere(db, search, search.upToSeq));
}

/**
 * One page, newest first; names of the user, the branch and (for a beneficiary subject) the person,
 * the latter only for people of `namesOfBranch` when the reader's scope is one branch.
 */
export function listAudit(
  db: Db,
  search: AuditSearch,
  page: { limit: number; offset: number },
  namesOfBranch: string | null,
): Promise<AuditListRow[]> {
  return filtered(
    db
      .selectFrom('audit_log')
      .leftJoin('users', 'users.id', 'audit_log.user_id')
      .leftJoin('branches', 'branches.id', 'audit_log.branch_id')
      .leftJoin('beneficiaries', (join) => {
        const about = join.onRef('beneficiaries.id', '=', 'audit_log.entity_id').on('audit_log.entity', '=', 'beneficiary');
        return namesOfBranch ? about.on('beneficiaries.branch_id', '=', namesOfBranch) : about;
      })
      .select([
        'audit_log.seq',
        'audit_log.id',
        'audit_log.at',
        'audit_log.action',
        'audit_log.entity',
        'audit_log.entity_id',
        'audit_log.detail',
        'audit_log.user_id',
        'users.display_name as user_name',
        'audit_log.branch_id',
        'branches.name_ar as branch_name',
        'beneficiaries.first_name',
        'beneficiaries.father_name',
        'beneficiaries.grandfather_name',
        'beneficiaries.family_name',
      ]),
    search,
  )
    .orderBy('audit_log.seq', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

/** The newest entry's sequence: where a reading of the log starts. */
export async function lastAuditSeq(db: Db): Promise<number> {
  const row = await db.selectFrom('audit_log').select((eb) => eb.fn.max<number>('seq').as('seq')).executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/** The actions present in the log (within a branch), for the viewer's filter. */
export async function listAuditActions(db: Db, branchId: string | null): Promise<string[]> {
  let q = db.selectFrom('audit_log').select('action').distinct();
  if (branchId) q = q.where('branch_id', '=', branchId);
  return (await q.orderBy('action').execute()).map((r) => r.action);
}

/** Users who appear in the log (within a branch), for the viewer's filter. */
export async function listAuditUsers(db: Db, branchId: string | null): Promise<{ id: string; displayName: string }[]> {
  let q = db.selectFrom('users').select(['users.id', 'users.display_name']);
  if (branchId) q = q.where('users.branch_id', '=', branchId);
  const rows = await q.orderBy('users.display_name').execute();
  return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
}
