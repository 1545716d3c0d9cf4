import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, ReferralsTable } from './schema';

type Db = Kysely<Database> | Transaction<Database>;
export type ReferralRow = Selectable<ReferralsTable>;
export type ReferralWithNames = ReferralRow & {
  beneficiary_name: string | null;
  referred_by_name: string | null;
  researcher_name: string | null;
};

function withNames(db: Db) {
  return db
    .selectFrom('referrals')
    // The name of the record it was made under, or of the survivor that record was merged into.
    .leftJoin('beneficiaries as named', 'named.id', 'referrals.beneficiary_id')
    .leftJoin('beneficiaries', (join) => join.on((eb) => eb('beneficiaries.id', '=', eb.fn.coalesce('named.merged_into', 'named.id'))))
    .leftJoin('users as referrer', 'referrer.id', 'referrals.referred_by')
    .leftJoin('users as researcher', 'researcher.id', 'referrals.researcher_id')
    .selectAll('referrals')
    .select((eb) => [
      eb.fn<string | null>('concat_ws', [eb.val(' '), 'beneficiaries.first_name', 'beneficiaries.father_name', 'beneficiaries.grandfather_name', 'beneficiaries.family_name']).as('beneficiary_name'),
      'referrer.display_name as referred_by_name',
      'researcher.display_name as researcher_name',
    ]);
}

export function findReferral(db: Db, id: string): Promise<ReferralWithNames | undefined> {
  return withNames(db).where('referrals.id', '=', id).executeTakeFirst();
}

/** The latest referral of an interview (an interview may be referred again after an answer). */
export function latestReferralOfInterview(db: Db, interviewId: string): Promise<ReferralWithNames | undefined> {
  return withNames(db).where('referrals.interview_id', '=', interviewId).orderBy('referrals.referred_at', 'desc').orderBy('referrals.id', 'desc').executeTakeFirst();
}

/** The researcher's queue: oldest open referral first. */
export function listReferrals(db: Db, filter: { status: 'open' | 'answered'; branchId: string | null; limit: number }): Promise<ReferralWithNames[]> {
  let query = withNames(db).where('referrals.status', '=', filter.status);
  if (filter.branchId) query = query.where('referrals.branch_id', '=', filter.branchId);
  const order = filter.status === 'open' ? 'asc' : 'desc';
  return query.orderBy('referrals.referred_at', order).limit(filter.limit).execute();
}
