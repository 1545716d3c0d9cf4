import type { Kysely, Selectable, Transaction } from 'kysely';
import type { ComplaintsTable, Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;
export type ComplaintRow = Selectable<ComplaintsTable>;

function viewQuery(db: Db) {
  return db
    .selectFrom('complaints as c')
    // The name of the record it was made under, or of the survivor that record was merged into.
    .leftJoin('beneficiaries as named', 'named.id', 'c.beneficiary_id')
    .leftJoin('beneficiaries as b', (join) => join.on((eb) => eb('b.id', '=', eb.fn.coalesce('named.merged_into', 'named.id'))))
    .leftJoin('users as u', 'u.id', 'c.assigned_to')
    .selectAll('c')
    .select((eb) => [
      eb.fn<string | null>('concat_ws', [eb.val(' '), 'b.first_name', 'b.father_name', 'b.grandfather_name', 'b.family_name']).as('beneficiary_name'),
      'u.display_name as assigned_to_name',
    ]);
}

export type ComplaintListRow = Awaited<ReturnType<ReturnType<typeof viewQuery>['execute']>>[number];

export function listComplaints(db: Db, filter: { branchId: string | null; status: 'open' | 'closed' | 'all' }): Promise<ComplaintListRow[]> {
  let query = viewQuery(db);
  if (filter.branchId) query = query.where('c.branch_id', '=', filter.branchId);
  if (filter.status === 'open') query = query.where('c.status', '!=', 'closed');
  if (filter.status === 'closed') query = query.where('c.status', '=', 'closed');
  return query.orderBy('c.response_due').orderBy('c.id').limit(500).execute();
}

export function findComplaintView(db: Db, id: string): Promise<ComplaintListRow | undefined> {
  return viewQuery(db).where('c.id', '=', id).executeTakeFirst();
}

export function findComplaint(db: Db, id: string): Promise<ComplaintRow | undefined> {
  return db.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every complaint of a branch (all when null): the counts are made from these few columns. */
export function complaintFacts(db: Db, branchId: string | null) {
  let query = db.selectFrom('complaints').select(['kind', 'status', 'channel', 'response_due', 'answered_at']);
  if (branchId) query = query.where('branch_id', '=', branchId);
  return query.execute();
}

/** Active staff of a branch, for assigning a case. */
export function listBranchStaff(db: Db, branchId: string) {
  return db.selectFrom('users').select(['id', 'display_name', 'role']).where('branch_id', '=', branchId).where('active', '=', 1).orderBy('display_name').execute();
}

export function findStaff(db: Db, id: string) {
  return db.selectFrom('users').select(['id', 'branch_id', 'active']).where('id', '=', id).executeTakeFirst();
}
