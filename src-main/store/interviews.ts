import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, InterviewStepsTable, InterviewsTable } from './schema';

type Db = Kysely<Database> | Transaction<Database>;
export type InterviewRow = Selectable<InterviewsTable>;
export type InterviewStepRow = Selectable<InterviewStepsTable> & { completed_by_name: string | null };

export function findInterview(db: Db, id: string): Promise<InterviewRow | undefined> {
  return db.selectFrom('interviews').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listInterviewSteps(db: Db, interviewId: string): Promise<InterviewStepRow[]> {
  return db
    .selectFrom('interview_steps')
    .leftJoin('users', 'users.id', 'interview_steps.completed_by')
    .selectAll('interview_steps')
    .select('users.display_name as completed_by_name')
    .where('interview_steps.interview_id', '=', interviewId)
    .orderBy('interview_steps.completed_at')
    .execute();
}

export type OpenInterviewRow = InterviewRow & { desk_user_name: string | null; beneficiary_name: string | null };

/** Interviews not yet finished (open or waiting for the researcher), newest activity first. */
export function listOpenInterviews(db: Db, branchId: string | null): Promise<OpenInterviewRow[]> {
  let query = db
    .selectFrom('interviews')
    .leftJoin('users', 'users.id', 'interviews.desk_user_id')
    // The name of the record it was made under, or of the survivor that record was merged into.
    .leftJoin('beneficiaries as named', 'named.id', 'interviews.beneficiary_id')
    .leftJoin('beneficiaries', (join) => join.on((eb) => eb('beneficiaries.id', '=', eb.fn.coalesce('named.merged_into', 'named.id'))))
    .selectAll('interviews')
    .select((eb) => [
      'users.display_name as desk_user_name',
      eb.fn<string | null>('concat_ws', [eb.val(' '), 'beneficiaries.first_name', 'beneficiaries.father_name', 'beneficiaries.grandfather_name', 'beneficiaries.family_name']).as('beneficiary_name'),
    ])
    .where('interviews.status', 'in', ['open', 'referred']);
  if (branchId) query = query.where('interviews.branch_id', '=', branchId);
  return query.orderBy('interviews.updated_at', 'desc').limit(200).execute();
}

export function findInterviewByRequest(db: Db, requestId: string): Promise<InterviewRow | undefined> {
  return db.selectFrom('interviews').selectAll().where('request_id', '=', requestId).executeTakeFirst();
}
