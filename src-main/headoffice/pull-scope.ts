import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../store/schema';

/**
 * What a branch's desks may pull from head office's log: their branch's rows, association-wide
 * reference data, the beneficiaries of other branches shared with theirs (a visit, a review item),
 * and the entries head office addressed to their branch alone.
 */
export function visibleTo(eb: ExpressionBuilder<Database, 'sync_changes'>, branchId: string, associationWide: ReadonlySet<string>) {
  const shared = eb.selectFrom('beneficiary_shares').select('beneficiary_shares.beneficiary_id').where('beneficiary_shares.branch_id', '=', branchId);
  return eb.or([
    eb('audience_branch', '=', branchId),
    eb.and([
      eb('audience_branch', 'is', null),
      eb.or([
        eb('branch_id', '=', branchId),
        eb('table_name', 'in', [...associationWide]),
        eb.and([eb('table_name', '=', 'beneficiaries'), eb('row_id', 'in', shared)]),
      ]),
    ]),
  ]);
}
