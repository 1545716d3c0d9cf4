import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../store/schema';

/**
 * What a branch's desks may pull from head office's log: their branch's rows, association-wide
 * reference data, the beneficiaries of other branches shared with theirs (a visit, a review item),
 * the file of every person the branch owns or shares whoever wrote it (household members and the
 * history of the record and household), and the entries head office addressed to their branch alone.
 * A share's earlier entries reach the branch as copies (beneficiary-shares.ts); the rule here lets
 * the later ones through.
 */
export function visibleTo(eb: ExpressionBuilder<Database, 'sync_changes'>, branchId: string, associationWide: ReadonlySet<string>) {
  const shared = () => eb.selectFrom('beneficiary_shares').select('beneficiary_shares.beneficiary_id').where('beneficiary_shares.branch_id', '=', branchId);
  /** A household member whose person the branch owns or shares. */
  const memberOfOpenPerson = (member: 'sync_changes.row_id' | 'fh.row_id') => eb.exists(
    eb.selectFrom('household_members as hm').innerJoin('beneficiaries as hb', 'hb.id', 'hm.beneficiary_id').select(sql`1`.as('one'))
      .where('hm.id', '=', sql.ref<string>(member))
      .where((w) => w.or([w('hb.branch_id', '=', branchId), w('hb.id', 'in', shared())])),
  );
  const historyOfOpenPerson = eb.exists(
    eb.selectFrom('field_history as fh').select(sql`1`.as('one'))
      .whereRef('fh.id', '=', 'sync_changes.row_id')
      .where((w) => w.or([
        w.and([w('fh.table_name', '=', 'beneficiaries'), w('fh.row_id', 'in', shared())]),
        w.and([w('fh.table_name', '=', 'household_members'), memberOfOpenPerson('fh.row_id')]),
      ])),
  );
  return eb.or([
    eb('audience_branch', '=', branchId),
    eb.and([
      eb('audience_branch', 'is', null),
      eb.or([
        eb('branch_id', '=', branchId),
        eb('table_name', 'in', [...associationWide]),
        eb.and([eb('table_name', '=', 'beneficiaries'), eb('row_id', 'in', shared())]),
        eb.and([eb('table_name', '=', 'household_members'), memberOfOpenPerson('sync_changes.row_id')]),
        eb.and([eb('table_name', '=', 'field_history'), historyOfOpenPerson]),
      ]),
    ]),
  ]);
}
