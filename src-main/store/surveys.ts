import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

export type ScoreRowWithKeys = { csat: number; nps: number | null; service: string; channel: string; branch_id: string; branch_name: string; month: string; staff_id: string; answered_at: string };

/** The answers of a period (ISO days, inclusive; Riyadh days taken as UTC+3), optionally of one branch or one member of staff. */
export function listScores(db: Db, filter: { from: string | null; to: string | null; branchId: string | null; staffId?: string | null }): Promise<ScoreRowWithKeys[]> {
  let query = db
    .selectFrom('survey_responses')
    .innerJoin('branches', 'branches.id', 'survey_responses.branch_id')
    .select([
      'survey_responses.csat',
      'survey_responses.nps',
      'survey_responses.service',
      'survey_responses.channel',
      'survey_responses.branch_id',
      'survey_responses.staff_id',
      'survey_responses.answered_at',
      'branches.name_ar as branch_name',
      sql<string>`substr(survey_responses.answered_at, 1, 7)`.as('month'),
    ]);
  if (filter.from) query = query.where('survey_responses.answered_at', '>=', `${filter.from}T00:00:00.000Z`);
  if (filter.to) query = query.where('survey_responses.answered_at', '<=', `${filter.to}T23:59:59.999Z`);
  if (filter.branchId) query = query.where('survey_responses.branch_id', '=', filter.branchId);
  if (filter.staffId) query = query.where('survey_responses.staff_id', '=', filter.staffId);
  return query.orderBy('survey_responses.answered_at').execute();
}

function followUpQuery(db: Db) {
  return db
    .selectFrom('survey_follow_ups as f')
    .innerJoin('survey_responses as r', 'r.id', 'f.response_id')
    // The name of the record it was made under, or of the survivor that record was merged into.
    .leftJoin('beneficiaries as named', 'named.id', 'r.beneficiary_id')
    .leftJoin('beneficiaries as b', (join) => join.on((eb) => eb('b.id', '=', eb.fn.coalesce('named.merged_into', 'named.id'))))
    .select((eb) => [
      'f.id',
      'f.response_id',
      'f.status',
      'f.due_on',
      'f.resolution',
      'f.closed_at',
      'f.branch_id',
      'r.csat',
      'r.nps',
      'r.comment',
      'r.service',
      'r.channel',
      'r.beneficiary_id',
      'r.answered_at',
      eb.fn<string | null>('concat_ws', [eb.val(' '), 'b.first_name', 'b.father_name', 'b.grandfather_name', 'b.family_name']).as('beneficiary_name'),
    ]);
}

export function listFollowUps(db: Db, filter: { branchId: string | null; status: 'open' | 'closed' | 'all' }) {
  let query = followUpQuery(db);
  if (filter.branchId) query = query.where('f.branch_id', '=', filter.branchId);
  if (filter.status !== 'all') query = query.where('f.status', '=', filter.status);
  return query.orderBy('f.due_on').orderBy('f.id').limit(500).execute();
}

export type FollowUpRow = Awaited<ReturnType<typeof listFollowUps>>[number];

export function findFollowUpView(db: Db, id: string): Promise<FollowUpRow | undefined> {
  return followUpQuery(db).where('f.id', '=', id).executeTakeFirst();
}

export function findFollowUp(db: Db, id: string) {
  return db.selectFrom('survey_follow_ups').selectAll().where('id', '=', id).executeTakeFirst();
}
