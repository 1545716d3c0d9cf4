import type { Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Change, ColumnCatalog } from '../store/change-apply';
import type { Database } from '../store/schema';
import type { HeadOfficeWriter } from './head-office-writes';

/**
 * Beneficiaries of one branch made visible at another (pull-scope.ts lets a branch pull the shared
 * records). A share is written once per branch and person, with the record's logged history copied
 * to that branch so its desks merge the same changes and end with the same row.
 *
 * A visit: any travelling row of branch X that names a beneficiary owned by branch Y (a ticket, a
 * contact, a request, a household member, a complaint…) shares that beneficiary with X, so X's desks
 * can show the person their row is about. Read for a whole pushed batch in a few IN queries (only
 * records of another branch, or merged ones, come back), then one write per new share.
 */

type Tx = Transaction<Database>;
type Owner = { id: string; branch_id: string; merged_into: string | null };
export type ShareReason = 'duplicate_review' | 'merge' | 'visit';

const CHUNK = 500;

/** Tables whose `beneficiary_id` is not a visit: head office's own cross-branch records, and the record itself. */
const NOT_VISITS: ReadonlySet<string> = new Set(['beneficiaries', 'beneficiary_shares', 'duplicate_reviews', 'duplicate_resolutions', 'field_conflicts']);

/** Makes a beneficiary visible at another branch: a share record, and its history copied there. */
export async function share(tx: Tx, writer: HeadOfficeWriter, row: Owner, branch: string, reason: ShareReason): Promise<void> {
  if (row.branch_id === branch) return;
  const existing = await tx.selectFrom('beneficiary_shares').select('id').where('branch_id', '=', branch).where('beneficiary_id', '=', row.id).executeTakeFirst();
  if (!existing) await writeShare(tx, writer, row, branch, reason);
}

/**
 * The share record, then the person's file as logged so far, copied to the branch in order: the
 * record, the household members (whichever branch added them) and the history of both. Later
 * entries of the file reach the branch through the pull rule (pull-scope.ts).
 */
async function writeShare(tx: Tx, writer: HeadOfficeWriter, row: Owner, branch: string, reason: ShareReason): Promise<void> {
  await writer.insert('beneficiary_shares', { id: uuidv7(), branch_id: branch, beneficiary_id: row.id, owner_branch_id: row.branch_id, reason });
  await writer.copyHistory('beneficiaries', row.id, branch);
  const members = (await tx.selectFrom('household_members').select(['id', 'branch_id']).where('beneficiary_id', '=', row.id).orderBy('id').execute());
  for (const member of members) if (member.branch_id !== branch) await writer.copyHistory('household_members', member.id, branch);
  const history = await tx.selectFrom('field_history').select(['id', 'branch_id'])
    .where((eb) => eb.or([
      eb.and([eb('table_name', '=', 'beneficiaries'), eb('row_id', '=', row.id)]),
      ...(members.length > 0 ? [eb.and([eb('table_name', '=', 'household_members'), eb('row_id', 'in', members.map((m) => m.id))])] : []),
    ])).orderBy('id').execute();
  for (const entry of history) if (entry.branch_id !== branch) await writer.copyHistory('field_history', entry.id, branch);
}

/** The branches each beneficiary is named by in accepted rows of `logged` (every table with a beneficiary_id column). */
function namedBy(columns: ColumnCatalog, logged: readonly Change[]): Map<string, Set<string>> {
  const named = new Map<string, Set<string>>();
  for (const change of logged) {
    if (NOT_VISITS.has(change.table_name) || !columns.get(change.table_name)?.has('beneficiary_id')) continue;
    const id = change.fields.beneficiary_id;
    if (typeof id !== 'string' || id === '') continue;
    const branches = named.get(id);
    if (branches) branches.add(change.branch_id);
    else named.set(id, new Set([change.branch_id]));
  }
  return named;
}

/** Of `ids`, the records owned by a branch outside `branches`, or merged into another: the only ones a visit may share. */
async function foreignOrMerged(tx: Tx, ids: readonly string[], branches: readonly string[]): Promise<Owner[]> {
  const rows: Owner[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    rows.push(...await tx.selectFrom('beneficiaries').select(['id', 'branch_id', 'merged_into'])
      .where('id', 'in', ids.slice(i, i + CHUNK))
      .where((eb) => eb.or([eb('branch_id', 'not in', [...branches]), eb('merged_into', 'is not', null)]))
      .execute());
  }
  return rows;
}

/** The record a merged one stands for now (merges are kept one hop deep, but an older chain is followed). */
async function survivorOf(tx: Tx, row: Owner): Promise<Owner> {
  let current = row;
  for (let hop = 0; hop < 8 && current.merged_into; hop += 1) {
    const next = await tx.selectFrom('beneficiaries').select(['id', 'branch_id', 'merged_into']).where('id', '=', current.merged_into).executeTakeFirst();
    if (!next) break;
    current = next;
  }
  return current;
}

/**
 * Shares with the visiting branch every beneficiary of another branch that an accepted row names,
 * and the survivor of a merged record so the alias can be opened there. Idempotent: a share that
 * exists is not written again.
 */
export async function shareVisited(tx: Tx, writer: HeadOfficeWriter, columns: ColumnCatalog, logged: readonly Change[]): Promise<void> {
  const named = namedBy(columns, logged);
  if (named.size === 0) return;
  const branches = [...new Set([...named.values()].flatMap((b) => [...b]))];
  const owners = await foreignOrMerged(tx, [...named.keys()], branches);
  const wanted: Array<{ row: Owner; branch: string; named: string }> = [];
  for (const owner of owners) {
    const records = owner.merged_into ? [owner, await survivorOf(tx, owner)] : [owner];
    for (const branch of named.get(owner.id) ?? []) {
      for (const row of records) if (row.branch_id !== branch) wanted.push({ row, branch, named: owner.id });
    }
  }
  if (wanted.length === 0) return;
  const shared = new Set<string>();
  const ids = [...new Set(wanted.map((w) => w.row.id))];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await tx.selectFrom('beneficiary_shares').select(['branch_id', 'beneficiary_id']).where('beneficiary_id', 'in', ids.slice(i, i + CHUNK)).execute();
    for (const r of rows) shared.add(`${r.branch_id}\u0000${r.beneficiary_id}`);
  }
  const fresh = new Set<string>();
  for (const { row, branch, named: namedId } of wanted) {
    const key = `${branch}\u0000${row.id}`;
    if (shared.has(key)) continue;
    shared.add(key);
    fresh.add(namedId);
    await writeShare(tx, writer, row, branch, 'visit');
  }
  const first = logged.findIndex((c) => typeof c.fields.beneficiary_id === 'string' && fresh.has(c.fields.beneficiary_id) && !NOT_VISITS.has(c.table_name));
  if (first >= 0) await logAgainAfter(tx, logged.slice(first).map((c) => c.id));
}

/**
 * Moves the batch's log entries from the first visit row on to after the shares just written, in
 * their order: another desk of the visiting branch then merges the person before the rows that name
 * them (its store refuses a row naming a person it does not have). Same ids and content, later seq.
 */
async function logAgainAfter(tx: Tx, ids: readonly string[]): Promise<void> {
  const entries = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    entries.push(...await tx.selectFrom('sync_changes').selectAll().where('id', 'in', ids.slice(i, i + CHUNK)).where('audience_branch', 'is', null).execute());
    await tx.deleteFrom('sync_changes').where('id', 'in', ids.slice(i, i + CHUNK)).where('audience_branch', 'is', null).execute();
  }
  entries.sort((a, b) => Number(a.seq) - Number(b.seq));
  for (let i = 0; i < entries.length; i += CHUNK) {
    await tx.insertInto('sync_changes').values(entries.slice(i, i + CHUNK).map(({ seq: _seq, ...entry }) => entry)).execute();
  }
}
