import type { Kysely, Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { assessDuplicate, DUPLICATE_THRESHOLD } from '../../src-shared/domain/duplicate-score';
import { MERGE_FIELDS, NAME_FIELDS, type MergeField } from '../../src-shared/domain/merge-fields';
import { personFromRow } from '../services/duplicates';
import { findCandidateRows, type BeneficiaryRow } from '../store/beneficiaries';
import { beneficiaryKeys } from '../store/beneficiary-keys';
import type { Change, ColumnCatalog } from '../store/change-apply';
import type { Database } from '../store/schema';
import type { Device } from './devices';
import { share, shareVisited } from './beneficiary-shares';
import { mayHaveTwin } from './duplicate-prefilter';
import type { Superseded } from './field-conflicts';
import { HeadOfficeWriter, nextStamp, observeStamp } from './head-office-writes';
import { followMovedUsers } from './user-moves';

/**
 * Cross-branch duplicates at head office. A beneficiary arriving from one branch with the national
 * ID of another branch's beneficiary, or scoring as a duplicate by the registry's own rule, becomes
 * a review item for both branches, and each record is shared with the other branch so a reviewer
 * there can see it. A reviewer's resolution (merge or distinct) arrives as a pushed record: head
 * office accepts the first one per review and writes the merge's effects, which every desk pulls.
 */

type Tx = Transaction<Database>;
type Wire = Change;

/** Fields whose change may make a record match another: a later edit is checked again. */
const MATCHING_FIELDS = new Set(['national_id', 'first_name', 'father_name', 'grandfather_name', 'family_name', 'phone_primary', 'phone_secondary']);

export type ResolutionRefusal = 'review_unknown' | 'already_resolved' | 'branch_not_allowed' | 'invalid_value';

function parseFields(text: unknown): string[] | null {
  try {
    const value: unknown = JSON.parse(String(text));
    return Array.isArray(value) && value.every((f) => (MERGE_FIELDS as readonly unknown[]).includes(f)) ? (value as string[]) : null;
  } catch {
    return null;
  }
}

/** Resolutions in a batch that head office refuses, by change id: unknown review, not this branch's, already resolved, malformed. */
export async function screenResolutions(tx: Tx, device: Device, changes: readonly Wire[]): Promise<Map<string, ResolutionRefusal>> {
  const refused = new Map<string, ResolutionRefusal>();
  const decided = new Set<string>();
  for (const change of changes) {
    if (change.table_name !== 'duplicate_resolutions') continue;
    const f = change.fields;
    const review = await tx.selectFrom('duplicate_reviews').selectAll().where('id', '=', String(f.review_id)).executeTakeFirst();
    let reason: ResolutionRefusal | null = null;
    if (!review) reason = 'review_unknown';
    else if (device.branchId !== review.branch_id && device.branchId !== review.other_branch_id) reason = 'branch_not_allowed';
    else if (decided.has(review.id) || (await tx.selectFrom('duplicate_resolutions').select('id').where('review_id', '=', review.id).where('id', '!=', change.row_id).executeTakeFirst())) reason = 'already_resolved';
    else if (f.decision === 'merge') {
      const pair = new Set([review.beneficiary_id, review.other_beneficiary_id]);
      const ok = f.survivor_id !== f.alias_id && pair.has(String(f.survivor_id)) && pair.has(String(f.alias_id)) && parseFields(f.alias_fields) !== null;
      if (!ok) reason = 'invalid_value';
    }
    if (reason) refused.set(change.id, reason);
    else if (review) decided.add(review.id);
  }
  return refused;
}

async function beneficiary(tx: Tx, id: string): Promise<BeneficiaryRow | undefined> {
  return tx.selectFrom('beneficiaries').selectAll().where('id', '=', id).executeTakeFirst();
}

async function reviewed(tx: Tx, a: string, b: string): Promise<boolean> {
  const found = await tx.selectFrom('duplicate_reviews').select('id')
    .where((eb) => eb.or([
      eb.and([eb('beneficiary_id', '=', a), eb('other_beneficiary_id', '=', b)]),
      eb.and([eb('beneficiary_id', '=', b), eb('other_beneficiary_id', '=', a)]),
    ])).executeTakeFirst();
  return found !== undefined;
}

/** Looks for another branch's record of the same person and opens a review item (once per pair). */
async function detect(tx: Tx, writer: HeadOfficeWriter, id: string): Promise<void> {
  const row = await beneficiary(tx, id);
  if (!row || row.merged_into) return;
  const person = personFromRow(row);
  const candidates = await findCandidateRows(tx, {
    nationalIds: person.nationalId ? [person.nationalId] : [], phones: person.phones,
    nameKey: row.name_key, phoneticKey: row.phonetic_key, lineageKey: row.lineage_key, excludeId: row.id, otherThanBranch: row.branch_id,
  });
  for (const other of candidates) {
    if (other.merged_into) continue;
    const sameId = person.nationalId !== null && personFromRow(other).nationalId === person.nationalId;
    const assessment = assessDuplicate(person, personFromRow(other));
    if (!sameId && (assessment.kind !== 'duplicate' || assessment.score < DUPLICATE_THRESHOLD)) continue;
    if (await reviewed(tx, row.id, other.id)) continue;
    // The record already on file comes first; the review reaches the newcomer's branch as a copy.
    await writer.insert('duplicate_reviews', {
      id: uuidv7(), branch_id: other.branch_id, beneficiary_id: other.id, other_beneficiary_id: row.id, other_branch_id: row.branch_id,
      reason: sameId ? 'same_national_id' : 'high_score', score: assessment.score,
    }, [row.branch_id]);
    await share(tx, writer, other, row.branch_id, 'duplicate_review');
    await share(tx, writer, row, other.branch_id, 'duplicate_review');
  }
  if (person.nationalId) await detectInBranch(tx, writer, row, person);
}

/**
 * Another record of the person's own branch with the same national ID: two desks of the branch
 * registered the citizen while neither had seen the other's record. A review item for the branch
 * (a desk refuses an ID it already holds, so only records made apart get here).
 */
async function detectInBranch(tx: Tx, writer: HeadOfficeWriter, row: BeneficiaryRow, person: ReturnType<typeof personFromRow>): Promise<void> {
  const twins = await tx.selectFrom('beneficiaries').selectAll()
    .where('branch_id', '=', row.branch_id).where('national_id', '=', person.nationalId).where('id', '!=', row.id).where('merged_into', 'is', null)
    .orderBy('id').execute();
  for (const twin of twins) {
    const other = personFromRow(twin);
    if (other.nationalId !== person.nationalId || (await reviewed(tx, row.id, twin.id))) continue;
    await writer.insert('duplicate_reviews', {
      id: uuidv7(), branch_id: row.branch_id, beneficiary_id: twin.id, other_beneficiary_id: row.id, other_branch_id: row.branch_id,
      reason: 'same_national_id', score: assessDuplicate(person, other).score,
    });
  }
}

function text(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/**
 * A merge: the survivor takes the chosen fields from the alias, the alias points at the survivor,
 * and every value that lost (either side) is kept as a superseded value of the survivor. The
 * writes carry the resolution's stamp, so a later edit of the same field still wins.
 */
async function merge(tx: Tx, writer: HeadOfficeWriter, resolution: Wire): Promise<void> {
  const survivor = await beneficiary(tx, String(resolution.fields.survivor_id));
  const alias = await beneficiary(tx, String(resolution.fields.alias_id));
  if (!survivor || !alias) return;
  const chosen = new Set(parseFields(resolution.fields.alias_fields) ?? []);
  const fields: Record<string, string | number | null> = {};
  const conflicts: Array<{ field: MergeField; losing: string | null; winning: string | null }> = [];
  for (const field of MERGE_FIELDS) {
    const mine = text(survivor[field]);
    const theirs = text(alias[field]);
    if (mine === theirs) continue;
    if (chosen.has(field)) {
      fields[field] = alias[field];
      conflicts.push({ field, losing: mine, winning: theirs });
    } else conflicts.push({ field, losing: theirs, winning: mine });
  }
  if ([...NAME_FIELDS].some((f) => f in fields)) {
    const merged = { ...survivor, ...fields } as BeneficiaryRow;
    Object.assign(fields, beneficiaryKeys({ firstName: merged.first_name, fatherName: merged.father_name, grandfatherName: merged.grandfather_name, familyName: merged.family_name }));
  }
  const hlc = resolution.hlc;
  // Every branch that could open the alias, or a record merged into it earlier, can open the survivor,
  // and has it before the merge that points there.
  const earlier = await tx.selectFrom('beneficiaries').select(['id', 'branch_id']).where('merged_into', '=', alias.id).execute();
  const sawAlias = await tx.selectFrom('beneficiary_shares').select('branch_id').where('beneficiary_id', 'in', [alias.id, ...earlier.map((e) => e.id)]).execute();
  for (const branch of new Set([alias.branch_id, ...earlier.map((e) => e.branch_id), ...sawAlias.map((s) => s.branch_id)])) await share(tx, writer, survivor, branch, 'merge');
  await share(tx, writer, alias, survivor.branch_id, 'merge');
  if (Object.keys(fields).length > 0) {
    await writer.write({ table_name: 'beneficiaries', row_id: survivor.id, op: 'update', fields: { ...fields, updated_at: resolution.fields.created_at ?? null }, hlc, branch_id: survivor.branch_id });
  }
  await writer.write({ table_name: 'beneficiaries', row_id: alias.id, op: 'update', fields: { merged_into: survivor.id }, hlc, branch_id: alias.branch_id });
  // Records merged into the alias earlier now point at the survivor: merges stay one hop deep. Stamped
  // by head office's clock (after every stamp it has seen), so the earlier merge cannot win over it.
  for (const e of earlier) await writer.write({ table_name: 'beneficiaries', row_id: e.id, op: 'update', fields: { merged_into: survivor.id }, hlc: nextStamp(), branch_id: e.branch_id });
  for (const c of conflicts) {
    await writer.insert('field_conflicts', {
      id: uuidv7(), branch_id: survivor.branch_id, table_name: 'beneficiaries', row_id: survivor.id, field: c.field,
      losing_value: c.losing, losing_hlc: hlc, winning_value: c.winning, winning_hlc: hlc,
    }, [alias.branch_id]);
  }
}

/**
 * After a batch was applied and logged: superseded values kept as records, new review items, the
 * effects of accepted resolutions, the beneficiaries of other branches the batch's rows name
 * shared with the branch that wrote them (a visit), and moved staff sent to their new branch.
 */
export async function afterAccepted(tx: Tx, columns: ColumnCatalog, logged: readonly Wire[], superseded: readonly Superseded[], at: string): Promise<void> {
  for (const change of logged) observeStamp(change.hlc);
  const writer = new HeadOfficeWriter(tx, columns, at);
  // First: the visit rows are then logged after the people they name, before head office's other writes.
  await shareVisited(tx, writer, columns, logged);
  await followMovedUsers(writer, logged);
  const accepted = new Set(logged.map((c) => c.id));
  for (const s of superseded) {
    if (!accepted.has(s.changeId)) continue;
    await writer.insert('field_conflicts', {
      id: uuidv7(), branch_id: s.branchId, table_name: s.table, row_id: s.rowId, field: s.field,
      losing_value: text(s.losing), losing_hlc: s.losingHlc, winning_value: text(s.winning), winning_hlc: s.winningHlc,
    });
  }
  const checked = new Set<string>();
  const matching = logged.filter((c) => c.table_name === 'beneficiaries' && Object.keys(c.fields).some((f) => MATCHING_FIELDS.has(f)));
  // Only rows that share a blocking key with another branch's row, or their ID with their own branch's, can open a review (one batched look first).
  const worth = await mayHaveTwin(tx, [...new Set(matching.map((c) => c.row_id))]);
  for (const change of logged) {
    if (change.table_name === 'beneficiaries' && !checked.has(change.row_id) && worth.has(change.row_id) && Object.keys(change.fields).some((f) => MATCHING_FIELDS.has(f))) {
      checked.add(change.row_id);
      await detect(tx, writer, change.row_id);
    }
    if (change.table_name === 'duplicate_resolutions') {
      const review = await tx.selectFrom('duplicate_reviews').selectAll().where('id', '=', String(change.fields.review_id)).executeTakeFirst();
      if (!review) continue;
      // The resolution reaches the review's other branch as a copy.
      const otherBranch = change.branch_id === review.branch_id ? review.other_branch_id : review.branch_id;
      await writer.copyHistory('duplicate_resolutions', change.row_id, otherBranch);
      if (change.fields.decision === 'merge') await merge(tx, writer, change);
    }
  }
}

/** A reviewer at head office decides (admin page): the same record a branch would push, written here. */
export async function resolveAtHeadOffice(
  tx: Tx,
  columns: ColumnCatalog,
  input: { reviewId: string; decision: 'merge' | 'distinct'; survivorId: string | null; aliasFields: readonly string[] },
  at: string,
): Promise<ResolutionRefusal | null> {
  const review = await tx.selectFrom('duplicate_reviews').selectAll().where('id', '=', input.reviewId).executeTakeFirst();
  if (!review) return 'review_unknown';
  if (await tx.selectFrom('duplicate_resolutions').select('id').where('review_id', '=', review.id).executeTakeFirst()) return 'already_resolved';
  const pair = [review.beneficiary_id, review.other_beneficiary_id];
  const survivor = input.decision === 'merge' ? input.survivorId : null;
  if (input.decision === 'merge' && (!survivor || !pair.includes(survivor))) return 'invalid_value';
  const writer = new HeadOfficeWriter(tx, columns, at);
  const id = uuidv7();
  const fields = {
    id, branch_id: review.branch_id, review_id: review.id, decision: input.decision, survivor_id: survivor,
    alias_id: survivor ? (pair.find((p) => p !== survivor) ?? null) : null,
    alias_fields: JSON.stringify(input.decision === 'merge' ? [...new Set(input.aliasFields)] : []), resolved_by: null,
  };
  const hlc = await writer.insert('duplicate_resolutions', fields, [review.other_branch_id]);
  if (input.decision === 'merge') {
    await merge(tx, writer, { id, table_name: 'duplicate_resolutions', row_id: id, op: 'insert', fields: { ...fields, created_at: at }, hlc, branch_id: review.branch_id });
  }
  return null;
}

/** Review items as head office sees them (the admin page): names and branches, no ID numbers or phones. */
export async function listReviewsAtHeadOffice(tx: Tx | Kysely<Database>, limit: number) {
  const reviews = await tx.selectFrom('duplicate_reviews').selectAll().orderBy('created_at', 'desc').limit(limit).execute();
  const out = [];
  for (const r of reviews) {
    const people = await tx.selectFrom('beneficiaries').innerJoin('branches', 'branches.id', 'beneficiaries.branch_id')
      .select(['beneficiaries.id', 'beneficiaries.first_name', 'beneficiaries.father_name', 'beneficiaries.family_name', 'branches.name_ar as branch_name'])
      .where('beneficiaries.id', 'in', [r.beneficiary_id, r.other_beneficiary_id]).execute();
    const resolution = await tx.selectFrom('duplicate_resolutions').select(['decision', 'survivor_id', 'created_at']).where('review_id', '=', r.id).orderBy('hlc').executeTakeFirst();
    const person = (id: string) => {
      const p = people.find((x) => x.id === id);
      return { id, name: p ? `${p.first_name} ${p.father_name} ${p.family_name}` : null, branchName: p?.branch_name ?? null };
    };
    out.push({
      id: r.id, reason: r.reason, score: r.score, createdAt: r.created_at, records: [person(r.beneficiary_id), person(r.other_beneficiary_id)],
      state: resolution ? (resolution.decision === 'merge' ? 'merged' : 'distinct') : 'open', survivorId: resolution?.survivor_id ?? null,
    });
  }
  return out;
}
