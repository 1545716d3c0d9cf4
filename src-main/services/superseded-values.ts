import type { Kysely, Transaction } from 'kysely';
import { parseHlc } from '../../src-shared/domain/hlc';
import { conflictsOfRows } from '../store/duplicate-reviews';
import type { Database } from '../store/schema';

/** Values of a beneficiary that lost to a concurrent edit or a merge, as history entries. */
export async function supersededValues(db: Kysely<Database> | Transaction<Database>, ids: readonly string[]) {
  const rows = await conflictsOfRows(db, 'beneficiaries', ids);
  return rows.map((c) => ({
    field: c.field,
    oldValue: c.losing_value,
    newValue: c.winning_value,
    changedAt: c.created_at,
    changedByName: null,
    superseded: true,
    supersededDesk: parseHlc(c.losing_hlc).node,
    // A merge writes both sides with the decision's stamp; a concurrent edit has two stamps.
    supersededInMerge: c.losing_hlc === c.winning_hlc,
  }));
}
