import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Requests still waiting for the committee whose deadline falls on or before `dueBy` (ISO day) and
 * that still lack a notification they may have reached: no escalation yet, and — while the due day
 * is still ahead (after `today`) — no warning yet. Already-notified requests are left out here, so
 * a repeated check reads almost nothing.
 */
export function listClockCandidates(db: Db, dueBy: string, today: string) {
  return db
    .selectFrom('support_requests as r')
    .select(['r.id', 'r.branch_id', 'r.submitted_at', 'r.due_date', 'r.clock_days', 'r.clock_mode'])
    .where('r.state', 'in', ['submitted', 'under_study'])
    .where('r.due_date', '<=', dueBy)
    .where('r.submitted_at', 'is not', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('committee_notifications as n')
            .select('n.id')
            .whereRef('n.request_id', '=', 'r.id')
            .whereRef('n.due_date', '=', 'r.due_date')
            .where((inner) => inner.or([inner('n.moment', '=', 'escalation'), inner.and([inner('n.moment', '=', 'warning'), inner('r.due_date', '>', today)])])),
        ),
      ),
    )
    .execute();
}

/**
 * Writes a notification unless the same request, moment and due date already has one: the unique
 * index makes "exactly once" hold even when two checks run at the same time. Returns whether it was new.
 */
export async function insertNotificationOnce(
  db: Db,
  row: { id: string; branch_id: string; request_id: string; moment: string; due_date: string; recipient_role: string; created_at: string },
): Promise<boolean> {
  const result = await db
    .insertInto('committee_notifications')
    .values({ ...row, read_at: null, read_by: null })
    .onConflict((oc) => oc.columns(['request_id', 'moment', 'due_date']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export function listNotifications(db: Db, filter: { branchId: string | null; unreadOnly: boolean; limit: number }) {
  let query = db
    .selectFrom('committee_notifications as n')
    .innerJoin('support_requests', 'support_requests.id', 'n.request_id')
    // The name of the record it was made under, or of the survivor that record was merged into.
    .leftJoin('beneficiaries as named', 'named.id', 'support_requests.beneficiary_id')
    .innerJoin('beneficiaries', (join) => join.on((eb) => eb('beneficiaries.id', '=', eb.fn.coalesce('named.merged_into', 'named.id'))))
    .innerJoin('request_types', 'request_types.code', 'support_requests.request_type_code')
    .select((eb) => [
      'n.id',
      'n.request_id',
      'n.moment',
      'n.due_date',
      'n.created_at',
      'n.read_at',
      eb.fn<string>('concat_ws', [eb.val(' '), 'beneficiaries.first_name', 'beneficiaries.father_name', 'beneficiaries.grandfather_name', 'beneficiaries.family_name']).as('beneficiary_name'),
      'request_types.name_ar as type_name_ar',
      'request_types.name_en as type_name_en',
    ]);
  if (filter.branchId) query = query.where('n.branch_id', '=', filter.branchId);
  if (filter.unreadOnly) query = query.where('n.read_at', 'is', null);
  return query.orderBy('n.created_at', 'desc').orderBy('n.id', 'desc').limit(filter.limit).execute();
}

export async function countUnread(db: Db, branchId: string | null): Promise<number> {
  let query = db.selectFrom('committee_notifications').select(sql<number>`count(*)`.as('n')).where('read_at', 'is', null);
  if (branchId) query = query.where('branch_id', '=', branchId);
  const row = await query.executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function findNotification(db: Db, id: string) {
  return db.selectFrom('committee_notifications').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markNotificationRead(db: Db, id: string, userId: string, at: string): Promise<void> {
  await db.updateTable('committee_notifications').set({ read_at: at, read_by: userId }).where('id', '=', id).where('read_at', 'is', null).execute();
}
