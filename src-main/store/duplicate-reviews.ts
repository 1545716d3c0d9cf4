import type { Kysely, Transaction } from 'kysely';
import { parseHlc } from '../../src-shared/domain/hlc';
import { MERGE_FIELDS } from '../../src-shared/domain/merge-fields';
import type { Database } from './schema';

/** A desk's view of the cross-branch review items, their resolutions, shares and superseded values. */

type Db = Kysely<Database> | Transaction<Database>;

export type ReviewState = 'open' | 'pending' | 'merged' | 'distinct' | 'refused';

/** Resolutions head office refused (another reviewer was first) stay here, parked: they do not count. */
function refusedResolutions(db: Db) {
  return db.selectFrom('sync_rejections').select('row_id').where('table_name', '=', 'duplicate_resolutions');
}

export async function reviewState(db: Db, reviewId: string): Promise<{ state: ReviewState; survivorId: string | null }> {
  const rows = await db.selectFrom('duplicate_resolutions').select(['id', 'decision', 'survivor_id'])
    .where('review_id', '=', reviewId).where('id', 'not in', refusedResolutions(db)).orderBy('hlc').execute();
  const decided = rows[0];
  if (decided) {
    // Decided here and not yet sent (or not yet answered) by head office.
    const waiting = await db.selectFrom('change_log').select('id').where('table_name', '=', 'duplicate_resolutions').where('row_id', '=', decided.id).where('pushed_at', 'is', null).executeTakeFirst();
    if (waiting) return { state: 'pending', survivorId: decided.survivor_id };
    return { state: decided.decision === 'merge' ? 'merged' : 'distinct', survivorId: decided.survivor_id };
  }
  const refused = await db.selectFrom('duplicate_resolutions').select('id').where('review_id', '=', reviewId).where('id', 'in', refusedResolutions(db)).executeTakeFirst();
  return { state: refused ? 'refused' : 'open', survivorId: null };
}

/** The records a review item already pairs with this one: a reviewer decides those, not the next save. */
export async function reviewPartners(db: Db, beneficiaryId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('duplicate_reviews').select(['beneficiary_id', 'other_beneficiary_id'])
    .where((eb) => eb.or([eb('beneficiary_id', '=', beneficiaryId), eb('other_beneficiary_id', '=', beneficiaryId)])).execute();
  return new Set(rows.map((r) => (r.beneficiary_id === beneficiaryId ? r.other_beneficiary_id : r.beneficiary_id)));
}

export function findReview(db: Db, id: string) {
  return db.selectFrom('duplicate_reviews').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listReviewsOf(db: Db, branchId: string, limit: number) {
  return db.selectFrom('duplicate_reviews').selectAll()
    .where((eb) => eb.or([eb('branch_id', '=', branchId), eb('other_branch_id', '=', branchId)]))
    .orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
}

/** One record of a review with the branch it belongs to and the values a reviewer chooses between. */
export async function reviewRecord(db: Db, id: string) {
  const row = await db.selectFrom('beneficiaries').leftJoin('branches', 'branches.id', 'beneficiaries.branch_id')
    .select([...MERGE_FIELDS.map((f) => `beneficiaries.${f}` as const), 'beneficiaries.id', 'branches.name_ar as branch_name'])
    .where('beneficiaries.id', '=', id).executeTakeFirst();
  if (!row) return null;
  const values = Object.fromEntries(MERGE_FIELDS.map((f) => [f, row[f] === null ? null : String(row[f])]));
  return { id: row.id, branchName: row.branch_name ?? '', values };
}

/** Is this beneficiary (of another branch) shared with `branchId`? */
export async function isSharedWith(db: Db, beneficiaryId: string, branchId: string): Promise<boolean> {
  const row = await db.selectFrom('beneficiary_shares').select('id').where('branch_id', '=', branchId).where('beneficiary_id', '=', beneficiaryId).executeTakeFirst();
  return row !== undefined;
}

/** The record an id stands for: itself, or the survivor it was merged into (following a chain of merges). */
export async function survivingId(db: Db, id: string): Promise<string> {
  let current = id;
  for (let hop = 0; hop < 8; hop += 1) {
    const row = await db.selectFrom('beneficiaries').select('merged_into').where('id', '=', current).executeTakeFirst();
    if (!row?.merged_into) return current;
    current = row.merged_into;
  }
  return current;
}

/** Every id that resolves to this survivor: itself and the records merged into it. */
export async function idsOfPerson(db: Db, survivorId: string): Promise<string[]> {
  const ids = [survivorId];
  for (let i = 0; i < ids.length && i < 32; i += 1) {
    const aliases = await db.selectFrom('beneficiaries').select('id').where('merged_into', '=', ids[i] as string).execute();
    for (const a of aliases) if (!ids.includes(a.id)) ids.push(a.id);
  }
  return ids;
}

/** Every id of the person an id stands for (alias or survivor): the survivor and the records merged into it. */
export async function personIds(db: Db, id: string): Promise<string[]> {
  return idsOfPerson(db, await survivingId(db, id));
}

/** Superseded values, newest first, with the value the field holds now. */
export async function listConflicts(db: Db, limit: number) {
  const rows = await db.selectFrom('field_conflicts').selectAll().orderBy('hlc', 'desc').limit(limit).execute();
  const out = [];
  for (const r of rows) {
    const current = r.table_name === 'beneficiaries'
      ? await db.selectFrom('beneficiaries').selectAll().where('id', '=', r.row_id).executeTakeFirst()
      : undefined;
    const value = current ? (current as Record<string, unknown>)[r.field] : undefined;
    // Who typed the losing value: its history entry names the user (known here when of this branch).
    const author = await db.selectFrom('field_history').innerJoin('users', 'users.id', 'field_history.changed_by').select('users.display_name')
      .where('field_history.table_name', '=', r.table_name).where('field_history.row_id', '=', r.row_id)
      .where('field_history.field', '=', r.field).where('field_history.hlc', '=', r.losing_hlc).executeTakeFirst()
      // A value a merge replaced: the reviewer who decided the merge.
      ?? await db.selectFrom('duplicate_resolutions').innerJoin('users', 'users.id', 'duplicate_resolutions.resolved_by').select('users.display_name')
        .where('duplicate_resolutions.hlc', '=', r.losing_hlc).executeTakeFirst();
    out.push({
      id: r.id, table: r.table_name, rowId: r.row_id, field: r.field, losingValue: r.losing_value, winningValue: r.winning_value,
      losingDesk: parseHlc(r.losing_hlc).node, losingBy: author?.display_name ?? null, losingAt: new Date(parseHlc(r.losing_hlc).wallMs).toISOString(),
      currentValue: value === undefined || value === null ? null : String(value),
    });
  }
  return out;
}

export function findConflict(db: Db, id: string) {
  return db.selectFrom('field_conflicts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Superseded values of some rows, for their history. */
export function conflictsOfRows(db: Db, table: string, rowIds: readonly string[]) {
  return db.selectFrom('field_conflicts').selectAll().where('table_name', '=', table).where('row_id', 'in', [...rowIds]).orderBy('hlc', 'desc').execute();
}
