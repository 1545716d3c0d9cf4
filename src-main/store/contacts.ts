import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { ContactsTable, Database } from './schema';
import { personIds } from './duplicate-reviews';

type Db = Kysely<Database> | Transaction<Database>;
export type ContactRow = Selectable<ContactsTable>;
/** A contact with the names a list shows beside it. */
export type ContactListRow = ContactRow & {
  branch_name: string;
  recorded_by_name: string | null;
  /** The beneficiary the entry's record stands for now: itself, or the survivor it was merged into. */
  person_id: string | null;
  first_name: string | null;
  father_name: string | null;
  grandfather_name: string | null;
  family_name: string | null;
};

function listing(db: Db) {
  return db
    .selectFrom('contacts')
    .innerJoin('branches', 'branches.id', 'contacts.branch_id')
    .leftJoin('users', 'users.id', 'contacts.recorded_by')
    // An entry logged under a record since merged into another shows the survivor (merges are one hop deep).
    .leftJoin('beneficiaries as named', 'named.id', 'contacts.beneficiary_id')
    .leftJoin('beneficiaries', (join) => join.on((eb) => eb('beneficiaries.id', '=', eb.fn.coalesce('named.merged_into', 'named.id'))))
    .selectAll('contacts')
    .select([
      'beneficiaries.id as person_id',
      'branches.name_ar as branch_name',
      'users.display_name as recorded_by_name',
      'beneficiaries.first_name',
      'beneficiaries.father_name',
      'beneficiaries.grandfather_name',
      'beneficiaries.family_name',
    ]);
}

/**
 * Only the current version of each entry: not replaced by a correction and not retracted. A
 * retraction is itself a row (retracted = 1) replacing the entry, so both drop out of lists.
 */
function current<Q extends ReturnType<typeof listing>>(query: Q): Q {
  return query
    .where('contacts.retracted', '=', 0)
    .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM contacts AS later WHERE later.corrects_id = contacts.id)`) as Q;
}

export function findContact(db: Db, id: string): Promise<ContactListRow | undefined> {
  return listing(db).where('contacts.id', '=', id).executeTakeFirst();
}

/** Whether a later row (a correction or a retraction) already replaces this one. */
export async function isSuperseded(db: Db, id: string): Promise<boolean> {
  const later = await db.selectFrom('contacts').select('id').where('corrects_id', '=', id).executeTakeFirst();
  return later !== undefined;
}

/** A person's entries, those logged under a record merged into theirs included (either id lists them all). */
export async function listContactsOfBeneficiary(db: Db, beneficiaryId: string): Promise<ContactListRow[]> {
  return current(listing(db))
    .where('contacts.beneficiary_id', 'in', await personIds(db, beneficiaryId))
    .orderBy('contacts.occurred_at', 'desc')
    .orderBy('contacts.id', 'desc')
    .execute();
}

export type DailyFilter = {
  /** UTC ISO bounds of the desk's day in Riyadh. */
  from: string;
  to: string;
  /** Follow-ups due: entries awaiting follow-up whose date is on or before `dueBy`, whenever logged. */
  followUpsDueBy: string | null;
  channel: string | null;
  branchId: string | null;
};

function daily(db: Db, filter: Omit<DailyFilter, 'channel'>) {
  let query = current(listing(db));
  if (filter.followUpsDueBy) {
    query = query
      .where('contacts.outcome', '=', 'follow_up_needed')
      .where('contacts.follow_up_on', 'is not', null)
      .where('contacts.follow_up_on', '<=', filter.followUpsDueBy);
  } else {
    query = query.where('contacts.occurred_at', '>=', filter.from).where('contacts.occurred_at', '<', filter.to);
  }
  if (filter.branchId) query = query.where('contacts.branch_id', '=', filter.branchId);
  return query;
}

export function listDailyContacts(db: Db, filter: DailyFilter): Promise<ContactListRow[]> {
  let query = daily(db, filter);
  if (filter.channel) query = query.where('contacts.channel', '=', filter.channel);
  return query.orderBy('contacts.occurred_at', 'desc').orderBy('contacts.id', 'desc').limit(500).execute();
}

/** Entries per channel for the same day (or follow-up list), before any channel filter. */
export async function countDailyContactsByChannel(db: Db, filter: Omit<DailyFilter, 'channel'>): Promise<Map<string, number>> {
  let query = db
    .selectFrom('contacts')
    .select(['contacts.channel', (eb) => eb.fn.countAll<number>().as('n')])
    .where('contacts.retracted', '=', 0)
    .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM contacts AS later WHERE later.corrects_id = contacts.id)`);
  if (filter.followUpsDueBy) {
    query = query
      .where('contacts.outcome', '=', 'follow_up_needed')
      .where('contacts.follow_up_on', '<=', filter.followUpsDueBy);
  } else {
    query = query.where('contacts.occurred_at', '>=', filter.from).where('contacts.occurred_at', '<', filter.to);
  }
  if (filter.branchId) query = query.where('contacts.branch_id', '=', filter.branchId);
  const rows = await query.groupBy('contacts.channel').execute();
  return new Map(rows.map((r) => [r.channel, Number(r.n)]));
}
