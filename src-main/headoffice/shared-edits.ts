import type { Transaction } from 'kysely';
import type { Change } from '../store/change-apply';
import type { Database } from '../store/schema';
import { PERSON_FILE_TABLES } from '../store/sync-schema';
import type { Device } from './devices';

/**
 * Edits of a person's file (their record, household, and the history of both) that a branch other
 * than the rows' own sends: accepted only when the person is that branch's own or shared with it (a
 * visit, a review, a merge). A family that moved to another branch's town gives its new phone there,
 * and the change reaches the owning branch like any edit, merged field by field.
 */

type Tx = Transaction<Database>;

const CHUNK = 500;

/** The person a change of the person's file is about, or null when it is about anything else. */
async function personOf(tx: Tx, change: Change): Promise<string | null> {
  if (change.table_name === 'beneficiaries') return change.row_id;
  if (change.table_name === 'household_members') return memberOwner(tx, change.row_id, change.fields.beneficiary_id);
  if (change.table_name === 'field_history') {
    const about = String(change.fields.row_id ?? '');
    if (change.fields.table_name === 'beneficiaries') return about;
    if (change.fields.table_name === 'household_members') return memberOwner(tx, about, undefined);
  }
  return null;
}

async function memberOwner(tx: Tx, memberId: string, named: unknown): Promise<string | null> {
  if (typeof named === 'string' && named !== '') return named;
  const member = await tx.selectFrom('household_members').select('beneficiary_id').where('id', '=', memberId).executeTakeFirst();
  return member?.beneficiary_id ?? null;
}

/** The people among `ids` the branch owns or has been shared. */
async function openTo(tx: Tx, branchId: string, ids: readonly string[]): Promise<Set<string>> {
  const open = new Set<string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const own = await tx.selectFrom('beneficiaries').select('id').where('id', 'in', chunk).where('branch_id', '=', branchId).execute();
    const shared = await tx.selectFrom('beneficiary_shares').select('beneficiary_id as id').where('beneficiary_id', 'in', chunk).where('branch_id', '=', branchId).execute();
    for (const row of [...own, ...shared]) open.add(row.id);
  }
  return open;
}

/** Changes of a batch to another branch's rows that head office refuses, by change id. */
export async function screenSharedEdits(tx: Tx, device: Device, changes: readonly Change[]): Promise<Set<string>> {
  const foreign = changes.filter((c) => c.branch_id !== device.branchId);
  const refused = new Set<string>();
  if (foreign.length === 0) return refused;
  const about = new Map<string, string | null>();
  for (const change of foreign) {
    // A person is never created for another branch: only their file's existing rows are edited.
    const person = PERSON_FILE_TABLES.has(change.table_name) && !(change.table_name === 'beneficiaries' && change.op === 'insert') ? await personOf(tx, change) : null;
    about.set(change.id, person);
  }
  const people = [...new Set([...about.values()].filter((p): p is string => p !== null))];
  const open = await openTo(tx, device.branchId, people);
  for (const change of foreign) {
    const person = about.get(change.id);
    if (!person || !open.has(person)) refused.add(change.id);
  }
  return refused;
}
