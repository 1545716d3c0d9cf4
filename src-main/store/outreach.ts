import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, OutreachRulesTable, OutreachTasksTable } from './schema';

type Db = Kysely<Database> | Transaction<Database>;
export type OutreachRuleRow = Selectable<OutreachRulesTable>;
export type OutreachTaskRow = Selectable<OutreachTasksTable>;

/** A fact a rule may turn into a task: whom it concerns, the request if any, and its anchor day. */
export type OutreachFact = { beneficiary_id: string; branch_id: string; request_id: string | null; anchor_day: string };

export function listRules(db: Db): Promise<OutreachRuleRow[]> {
  return db.selectFrom('outreach_rules').selectAll().orderBy('code').execute();
}

export function findRule(db: Db, code: string): Promise<OutreachRuleRow | undefined> {
  return db.selectFrom('outreach_rules').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function upsertRule(db: Db, row: OutreachRuleRow): Promise<void> {
  const { kind, days, channel, script, active, updated_at } = row;
  await db.insertInto('outreach_rules').values(row).onConflict((oc) => oc.column('code').doUpdateSet({ kind, days, channel, script, active, updated_at })).execute();
}

/** Deliveries whose day falls in the window (through the delivered_at index). */
export function deliveredFacts(db: Db, from: string, to: string): Promise<OutreachFact[]> {
  return db
    .selectFrom('deliveries')
    .innerJoin('support_requests', 'support_requests.id', 'deliveries.request_id')
    .select(['support_requests.beneficiary_id', 'support_requests.branch_id', 'deliveries.request_id', sql<string>`substr(deliveries.delivered_at, 1, 10)`.as('anchor_day')])
    .where('deliveries.delivered_at', '>=', `${from}T00:00:00.000Z`)
    .where('deliveries.delivered_at', '<=', `${to}T23:59:59.999Z`)
    .execute();
}

/** Requests whose prisoner is expected out within the window (through the release-date index). */
export function releaseFacts(db: Db, from: string, to: string): Promise<OutreachFact[]> {
  return db
    .selectFrom('support_requests')
    .select(['beneficiary_id', 'branch_id', 'id as request_id', sql<string>`expected_release_date`.as('anchor_day')])
    .where('expected_release_date', '>=', from)
    .where('expected_release_date', '<=', to)
    .where('state', '!=', 'closed')
    .execute();
}

/** Pending requests (draft, submitted, under study) created in the window with a required document not verified. */
export function missingDocumentFacts(db: Db, from: string, to: string): Promise<OutreachFact[]> {
  return db
    .selectFrom('support_requests as r')
    .select(['r.beneficiary_id', 'r.branch_id', 'r.id as request_id', sql<string>`substr(r.created_at, 1, 10)`.as('anchor_day')])
    .where('r.state', 'in', ['draft', 'submitted', 'under_study'])
    .where('r.created_at', '>=', `${from}T00:00:00.000Z`)
    .where('r.created_at', '<=', `${to}T23:59:59.999Z`)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('request_type_documents as t')
          .select('t.document_type_code')
          .whereRef('t.request_type_code', '=', 'r.request_type_code')
          .where('t.required', '=', 1)
          .where((inner) =>
            inner.not(
              inner.exists(
                inner
                  .selectFrom('request_documents as d')
                  .select('d.id')
                  .whereRef('d.request_id', '=', 'r.id')
                  .whereRef('d.document_type_code', '=', 't.document_type_code')
                  .where('d.verified', '=', 1),
              ),
            ),
          ),
      ),
    )
    .execute();
}

/** A new task's state: open, nobody has called yet. */
export const UNDONE_TASK = { status: 'open', outcome: null, contact_id: null, done_by: null, done_at: null } as const;

/**
 * Beneficiaries with a request still open whose last contact (or, without any, their registration)
 * falls in the window: the anchor is that day. A person is counted once, as the survivor of any
 * records merged into theirs: a request open or a contact logged under a merged-away record is theirs.
 */
export async function noContactFacts(db: Db, from: string, to: string): Promise<OutreachFact[]> {
  const lastContact = sql<string | null>`(select max(c.occurred_at) from contacts c where c.beneficiary_id = b.id)`;
  const people = (ids: readonly string[] | null) => {
    let query = db
      .selectFrom('beneficiaries as b')
      // A record of another branch shared with this desk's is followed up by this branch (its share names it).
      .leftJoin('beneficiary_shares as s', 's.beneficiary_id', 'b.id')
      .select((eb) => ['b.id as beneficiary_id', 'b.merged_into', 'b.created_at', eb.fn.coalesce('s.branch_id', 'b.branch_id').as('branch_id'), lastContact.as('last_contact')]);
    if (ids) query = query.where('b.id', 'in', ids);
    else query = query.where((eb) => eb.exists(eb.selectFrom('support_requests as r').select('r.id').whereRef('r.beneficiary_id', '=', 'b.id').where('r.state', '!=', 'closed')));
    return query.execute();
  };
  const rows = await people(null);
  // Records merged into another (few): their open requests and contacts are the survivor's.
  const aliases = await db.selectFrom('beneficiaries as b').select(['b.id', 'b.merged_into', lastContact.as('last_contact')])
    .where('b.merged_into', 'is not', null).execute();
  const survivorOf = new Map(aliases.map((a) => [a.id, a.merged_into as string]));
  const aliasContact = new Map<string, string>();
  for (const alias of aliases) {
    const seen = aliasContact.get(alias.merged_into as string);
    if (alias.last_contact && (!seen || alias.last_contact > seen)) aliasContact.set(alias.merged_into as string, alias.last_contact);
  }
  const listed = new Set(rows.map((r) => r.beneficiary_id));
  const survivorsOnlyAliasAsks = [...new Set(rows.flatMap((r) => (r.merged_into ? [survivorOf.get(r.beneficiary_id) ?? r.merged_into] : [])))].filter((id) => !listed.has(id));
  const all = survivorsOnlyAliasAsks.length > 0 ? [...rows, ...(await people(survivorsOnlyAliasAsks))] : rows;
  const facts: OutreachFact[] = [];
  for (const row of all) {
    if (row.merged_into) continue;
    const fromAlias = aliasContact.get(row.beneficiary_id);
    const last = row.last_contact && (!fromAlias || row.last_contact > fromAlias) ? row.last_contact : (fromAlias ?? row.last_contact);
    const anchorDay = (last ?? row.created_at).slice(0, 10);
    if (anchorDay >= from && anchorDay <= to) facts.push({ beneficiary_id: row.beneficiary_id, branch_id: row.branch_id, request_id: null, anchor_day: anchorDay });
  }
  return facts;
}

/** The households that already have a seasonal programme's task for one occurrence. */
export async function seasonTaskHouseholds(db: Db, ruleCode: string, anchorDay: string): Promise<Set<string>> {
  const rows = await db.selectFrom('outreach_tasks').select('beneficiary_id').where('rule_code', '=', ruleCode).where('anchor_day', '=', anchorDay).execute();
  return new Set(rows.map((r) => r.beneficiary_id));
}

/** Beneficiaries who named a channel to be reached by (one read per pass, not one per task). */
export async function preferredChannels(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('beneficiaries').select(['id', 'preferred_channel']).where('preferred_channel', 'is not', null).execute();
  return new Map(rows.map((r) => [r.id, r.preferred_channel as string]));
}

/** The keys of a rule's tasks anchored in a window: a pass skips the facts already turned into tasks. */
export async function taskKeysInWindow(db: Db, ruleCode: string, from: string, to: string): Promise<Set<string>> {
  const rows = await db.selectFrom('outreach_tasks').select('task_key').where('rule_code', '=', ruleCode).where('anchor_day', '>=', from).where('anchor_day', '<=', to).execute();
  return new Set(rows.map((r) => r.task_key));
}

function taskQuery(db: Db) {
  return db
    .selectFrom('outreach_tasks as t')
    // The family it was made for, or the survivor that record was merged into.
    .innerJoin('beneficiaries as named', 'named.id', 't.beneficiary_id')
    .innerJoin('beneficiaries as b', (join) => join.on((eb) => eb('b.id', '=', eb.fn.coalesce('named.merged_into', 'named.id'))))
    .leftJoin('users as u', 'u.id', 't.done_by')
    .selectAll('t')
    .select((eb) => [
      eb.fn<string>('concat_ws', [eb.val(' '), 'b.first_name', 'b.father_name', 'b.grandfather_name', 'b.family_name']).as('beneficiary_name'),
      'b.phone_primary',
      'u.display_name as done_by_name',
    ]);
}

export function listTasks(db: Db, filter: { branchId: string | null; status: 'open' | 'done'; limit: number }) {
  let query = taskQuery(db).where('t.status', '=', filter.status);
  if (filter.branchId) query = query.where('t.branch_id', '=', filter.branchId);
  return query.orderBy('t.due_on', filter.status === 'open' ? 'asc' : 'desc').orderBy('t.id').limit(filter.limit).execute();
}

export type TaskListRow = Awaited<ReturnType<typeof listTasks>>[number];

export function findTaskView(db: Db, id: string): Promise<TaskListRow | undefined> {
  return taskQuery(db).where('t.id', '=', id).executeTakeFirst();
}

export function findTask(db: Db, id: string): Promise<OutreachTaskRow | undefined> {
  return db.selectFrom('outreach_tasks').selectAll().where('id', '=', id).executeTakeFirst();
}
