import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { CommitteeDecisionsTable, CommitteeSessionsTable, Database, ResearchReportsTable } from './schema';

type Db = Kysely<Database> | Transaction<Database>;
export type ReportRow = Selectable<ResearchReportsTable> & { researcher_name: string | null };
export type DecisionRow = Selectable<CommitteeDecisionsTable> & { decided_by_name: string | null };
export type SessionRow = Selectable<CommitteeSessionsTable>;

/** Every report of a request, oldest first; the current one is the one nothing supersedes. */
export function listReports(db: Db, requestId: string): Promise<ReportRow[]> {
  return db
    .selectFrom('research_reports')
    .leftJoin('users', 'users.id', 'research_reports.researcher_id')
    .selectAll('research_reports')
    .select('users.display_name as researcher_name')
    .where('research_reports.request_id', '=', requestId)
    .orderBy('research_reports.written_at')
    .orderBy('research_reports.id')
    .execute();
}

export function listDecisions(db: Db, requestId: string): Promise<DecisionRow[]> {
  return db
    .selectFrom('committee_decisions')
    .leftJoin('users', 'users.id', 'committee_decisions.decided_by')
    .selectAll('committee_decisions')
    .select('users.display_name as decided_by_name')
    .where('committee_decisions.request_id', '=', requestId)
    .orderBy('committee_decisions.decided_at')
    .orderBy('committee_decisions.id')
    .execute();
}

/** The last link of a chain of corrections: the row no other row supersedes. */
export function currentOf<T extends { id: string; supersedes_id: string | null }>(rows: readonly T[]): T | null {
  const superseded = new Set(rows.map((r) => r.supersedes_id).filter((id): id is string => id !== null));
  return rows.filter((r) => !superseded.has(r.id)).at(-1) ?? null;
}

export function findSession(db: Db, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom('committee_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export type AgendaRow = { session_id: string; request_id: string; beneficiary_name: string };

function agendaQuery(db: Db) {
  return db
    .selectFrom('committee_agenda_items')
    .innerJoin('support_requests', 'support_requests.id', 'committee_agenda_items.request_id')
    // The name of the record it was made under, or of the survivor that record was merged into.
    .leftJoin('beneficiaries as named', 'named.id', 'support_requests.beneficiary_id')
    .innerJoin('beneficiaries', (join) => join.on((eb) => eb('beneficiaries.id', '=', eb.fn.coalesce('named.merged_into', 'named.id'))))
    .select((eb) => [
      'committee_agenda_items.session_id',
      'committee_agenda_items.request_id',
      eb.fn<string>('concat_ws', [eb.val(' '), 'beneficiaries.first_name', 'beneficiaries.father_name', 'beneficiaries.grandfather_name', 'beneficiaries.family_name']).as('beneficiary_name'),
    ])
    .orderBy('committee_agenda_items.position');
}

export function listAgenda(db: Db, sessionIds: readonly string[]): Promise<AgendaRow[]> {
  if (sessionIds.length === 0) return Promise.resolve([]);
  return agendaQuery(db).where('committee_agenda_items.session_id', 'in', sessionIds).execute();
}

/** Sessions of a branch (all branches when null), newest first. */
export function listSessions(db: Db, branchId: string | null, limit: number): Promise<SessionRow[]> {
  let query = db.selectFrom('committee_sessions').selectAll();
  if (branchId) query = query.where('branch_id', '=', branchId);
  return query.orderBy('held_on', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export function listSessionsOfRequest(db: Db, requestId: string): Promise<SessionRow[]> {
  return db
    .selectFrom('committee_sessions')
    .selectAll('committee_sessions')
    .where('id', 'in', db.selectFrom('committee_agenda_items').select('session_id').where('request_id', '=', requestId))
    .orderBy('held_on')
    .execute();
}

export type BoardRow = {
  id: string;
  beneficiary_id: string;
  beneficiary_name: string;
  type_name_ar: string;
  type_name_en: string;
  state: string;
  submitted_at: string;
  due_date: string;
  clock_days: number | null;
  clock_mode: string | null;
  has_report: number;
};

/**
 * Requests on the committee's clock, earliest deadline first, through the (state, due_date) index.
 * Only requests that went through submission have a clock; the board shows nothing without one.
 */
export function listBoard(db: Db, filter: { states: string[]; branchId: string | null; limit: number }): Promise<BoardRow[]> {
  let query = db
    .selectFrom('support_requests')
    // The name of the record it was made under, or of the survivor that record was merged into.
    .leftJoin('beneficiaries as named', 'named.id', 'support_requests.beneficiary_id')
    .innerJoin('beneficiaries', (join) => join.on((eb) => eb('beneficiaries.id', '=', eb.fn.coalesce('named.merged_into', 'named.id'))))
    .innerJoin('request_types', 'request_types.code', 'support_requests.request_type_code')
    .select((eb) => [
      'support_requests.id',
      'support_requests.beneficiary_id',
      'support_requests.state',
      'support_requests.clock_days',
      'support_requests.clock_mode',
      sql<string>`support_requests.submitted_at`.as('submitted_at'),
      sql<string>`support_requests.due_date`.as('due_date'),
      eb.fn<string>('concat_ws', [eb.val(' '), 'beneficiaries.first_name', 'beneficiaries.father_name', 'beneficiaries.grandfather_name', 'beneficiaries.family_name']).as('beneficiary_name'),
      'request_types.name_ar as type_name_ar',
      'request_types.name_en as type_name_en',
      eb.exists(eb.selectFrom('research_reports').select('research_reports.id').whereRef('research_reports.request_id', '=', 'support_requests.id')).$castTo<number>().as('has_report'),
    ])
    .where('support_requests.state', 'in', filter.states)
    .where('support_requests.due_date', 'is not', null)
    .where('support_requests.submitted_at', 'is not', null);
  if (filter.branchId) query = query.where('support_requests.branch_id', '=', filter.branchId);
  return query.orderBy('support_requests.due_date').orderBy('support_requests.id').limit(filter.limit).execute();
}

/** Whether the contact log has an outbound "informed" entry for the beneficiary since `since`. */
export async function wasInformedSince(db: Db, beneficiaryId: string, since: string): Promise<boolean> {
  const row = await db
    .selectFrom('contacts')
    .select('id')
    .where('beneficiary_id', '=', beneficiaryId)
    .where('direction', '=', 'outbound')
    .where('outcome', '=', 'informed')
    .where('retracted', '=', 0)
    .where('occurred_at', '>=', since)
    .executeTakeFirst();
  return row !== undefined;
}
