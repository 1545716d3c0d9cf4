import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema';

/**
 * The managers' report, read straight from the records: one Kysely query per figure, the same text
 * on SQLite (desk) and PostgreSQL (head office). Counts come back as numbers or numeric strings
 * depending on the driver, so every count passes through `Number`. Percentiles are taken in the
 * service over the period's rows (a dialect-neutral percentile function does not exist).
 */
type Db = Kysely<Database> | Transaction<Database>;

/** Riyadh days (inclusive, for day columns) and UTC instants (start inclusive, end exclusive, for timestamps). */
export type ReportScope = { fromDay: string; toDay: string; start: string; end: string; branchId: string | null; service: string | null };

const n = (value: unknown): number => Number(value ?? 0);

export async function ticketsPerDay(db: Db, s: ReportScope) {
  let q = db
    .selectFrom('tickets')
    .select((eb) => [
      'service_day',
      eb.fn.countAll().as('tickets'),
      eb.fn.sum<number>(eb.case().when('state', '=', 'done').then(1).else(0).end()).as('served'),
      eb.fn.count('beneficiary_id').distinct().as('visitors'),
    ])
    .where('service_day', '>=', s.fromDay)
    .where('service_day', '<=', s.toDay)
    // A transferred ticket continues as a new one: counting both would count one visit twice.
    .where('transferred_from_id', 'is', null);
  if (s.branchId) q = q.where('branch_id', '=', s.branchId);
  if (s.service) q = q.where('service_code', '=', s.service);
  const rows = await q.groupBy('service_day').orderBy('service_day').execute();
  return rows.map((r) => ({ day: r.service_day, tickets: n(r.tickets), served: n(r.served), visitors: n(r.visitors) }));
}

/** Distinct visitors known by name over the whole period (a visitor on two days counts once). */
export async function distinctVisitors(db: Db, s: ReportScope): Promise<number> {
  let q = db
    .selectFrom('tickets')
    .select((eb) => eb.fn.count('beneficiary_id').distinct().as('visitors'))
    .where('service_day', '>=', s.fromDay)
    .where('service_day', '<=', s.toDay);
  if (s.branchId) q = q.where('branch_id', '=', s.branchId);
  if (s.service) q = q.where('service_code', '=', s.service);
  return n((await q.executeTakeFirst())?.visitors);
}

/** Wait and service seconds of the tickets served in the period. */
export async function ticketTimes(db: Db, s: ReportScope) {
  let q = db
    .selectFrom('tickets')
    .select(['service_code', 'wait_seconds', 'service_seconds'])
    .where('service_day', '>=', s.fromDay)
    .where('service_day', '<=', s.toDay)
    .where('state', '=', 'done');
  if (s.branchId) q = q.where('branch_id', '=', s.branchId);
  if (s.service) q = q.where('service_code', '=', s.service);
  return q.execute();
}

export async function newBeneficiaries(db: Db, s: ReportScope): Promise<number> {
  let q = db.selectFrom('beneficiaries').select((eb) => eb.fn.countAll().as('c')).where('created_at', '>=', s.start).where('created_at', '<', s.end);
  if (s.branchId) q = q.where('branch_id', '=', s.branchId);
  return n((await q.executeTakeFirst())?.c);
}

/** Requests opened in the period, by type and by the state they are in now. */
export async function requestsByTypeAndState(db: Db, s: ReportScope) {
  let q = db
    .selectFrom('support_requests as r')
    .leftJoin('request_types as t', 't.code', 'r.request_type_code')
    .select((eb) => ['r.request_type_code', 't.name_ar', 't.name_en', 'r.state', eb.fn.countAll().as('c')])
    .where('r.created_at', '>=', s.start)
    .where('r.created_at', '<', s.end);
  if (s.branchId) q = q.where('r.branch_id', '=', s.branchId);
  const rows = await q.groupBy(['r.request_type_code', 't.name_ar', 't.name_en', 'r.state']).orderBy('r.request_type_code').orderBy('r.state').execute();
  return rows.map((r) => ({
    typeCode: r.request_type_code,
    typeName: { ar: r.name_ar ?? r.request_type_code, en: r.name_en ?? r.request_type_code },
    state: r.state,
    count: n(r.c),
  }));
}

/**
 * The decisions in force taken in the period, per outcome: how many, how many by the request's due
 * day (the 14-day clock) and their amounts. A decision a correction superseded is left out; the
 * superseded ids come from a partial index (corrections are rare), read once, not per row.
 */
export async function decisionsByOutcome(db: Db, s: ReportScope) {
  let q = db
    .selectFrom('committee_decisions as d')
    .innerJoin('support_requests as r', 'r.id', 'd.request_id')
    .select((eb) => [
      'd.outcome',
      eb.fn.countAll().as('count'),
      eb.fn.sum<number>(eb.case().when(sql<string>`substr(d.decided_at, 1, 10)`, '<=', eb.ref('r.due_date')).then(1).else(0).end()).as('within'),
      eb.fn.sum<number>('d.amount').as('amount'),
    ])
    .where('d.decided_at', '>=', s.start)
    .where('d.decided_at', '<', s.end)
    .where('d.id', 'not in', (eb) => eb.selectFrom('committee_decisions as later').select('later.supersedes_id').where('later.supersedes_id', 'is not', null));
  if (s.branchId) q = q.where('d.branch_id', '=', s.branchId);
  const rows = await q.groupBy('d.outcome').orderBy('d.outcome').execute();
  return rows.map((r) => ({ outcome: r.outcome, count: n(r.count), within: n(r.within), amount: n(r.amount) }));
}

/** Requests with the committee past their due day as of `asOfDay` (no names: the report travels). */
export async function overdueRequests(db: Db, s: ReportScope, asOfDay: string) {
  let q = db
    .selectFrom('support_requests as r')
    .innerJoin('branches as b', 'b.id', 'r.branch_id')
    .leftJoin('request_types as t', 't.code', 'r.request_type_code')
    .select(['r.id', 'r.request_type_code', 't.name_ar as type_name', 't.name_en as type_name_en', 'r.state', 'r.submitted_at', 'r.due_date', 'b.name_ar as branch_name', 'b.name_en as branch_name_en'])
    .where('r.state', 'in', ['submitted', 'under_study'])
    .where('r.due_date', '<', asOfDay);
  if (s.branchId) q = q.where('r.branch_id', '=', s.branchId);
  return q.orderBy('r.due_date').orderBy('r.id').limit(500).execute();
}

export async function deliveries(db: Db, s: ReportScope): Promise<{ count: number; amount: number }> {
  let q = db
    .selectFrom('deliveries')
    .select((eb) => [eb.fn.countAll().as('c'), eb.fn.sum<number>('amount').as('total')])
    .where('delivered_at', '>=', s.start)
    .where('delivered_at', '<', s.end);
  if (s.branchId) q = q.where('branch_id', '=', s.branchId);
  const row = await q.executeTakeFirst();
  return { count: n(row?.c), amount: n(row?.total) };
}

export async function surveyAnswers(db: Db, s: ReportScope) {
  let q = db
    .selectFrom('survey_responses as r')
    .innerJoin('branches as b', 'b.id', 'r.branch_id')
    .select(['r.csat', 'r.nps', 'r.service', 'r.channel', 'r.branch_id', 'b.name_ar as branch_name', 'b.name_en as branch_name_en'])
    .where('r.answered_at', '>=', s.start)
    .where('r.answered_at', '<', s.end);
  if (s.branchId) q = q.where('r.branch_id', '=', s.branchId);
  return q.execute();
}

/** Contacts in force (not retracted, not replaced by a correction), per channel. */
export async function contactsPerChannel(db: Db, s: ReportScope) {
  let q = db
    .selectFrom('contacts as c')
    .select((eb) => ['c.channel', eb.fn.countAll().as('count')])
    .where('c.occurred_at', '>=', s.start)
    .where('c.occurred_at', '<', s.end)
    .where('c.retracted', '=', 0)
    // Uncorrelated: the few corrected ids are read once through a partial index, not probed per row.
    .where('c.id', 'not in', (eb) => eb.selectFrom('contacts as fix').select('fix.corrects_id').where('fix.corrects_id', 'is not', null));
  if (s.branchId) q = q.where('c.branch_id', '=', s.branchId);
  const rows = await q.groupBy('c.channel').execute();
  return rows.map((r) => ({ channel: r.channel, count: n(r.count) }));
}

/** Outreach tasks due in the period and how many of them were done. */
export async function outreach(db: Db, s: ReportScope): Promise<{ due: number; done: number }> {
  let q = db
    .selectFrom('outreach_tasks')
    .select((eb) => [eb.fn.countAll().as('due'), eb.fn.sum<number>(eb.case().when('status', '=', 'done').then(1).else(0).end()).as('done')])
    .where('due_on', '>=', s.fromDay)
    .where('due_on', '<=', s.toDay);
  if (s.branchId) q = q.where('branch_id', '=', s.branchId);
  const row = await q.executeTakeFirst();
  return { due: n(row?.due), done: n(row?.done) };
}

export async function complaints(db: Db, s: ReportScope): Promise<{ opened: number; closed: number }> {
  const count = async (column: 'received_at' | 'closed_at') => {
    let q = db.selectFrom('complaints').select((eb) => eb.fn.countAll().as('c')).where(column, '>=', s.start).where(column, '<', s.end);
    if (s.branchId) q = q.where('branch_id', '=', s.branchId);
    return n((await q.executeTakeFirst())?.c);
  };
  return { opened: await count('received_at'), closed: await count('closed_at') };
}

export async function branchName(db: Db, id: string): Promise<{ ar: string; en: string } | null> {
  const row = await db.selectFrom('branches').select(['name_ar', 'name_en']).where('id', '=', id).executeTakeFirst();
  return row ? { ar: row.name_ar, en: row.name_en ?? row.name_ar } : null;
}

export async function associationName(db: Db): Promise<string> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'association_name_ar').executeTakeFirst();
  return row?.value ?? '';
}
