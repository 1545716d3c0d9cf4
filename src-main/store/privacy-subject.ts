import type { Kysely, Transaction } from 'kysely';
import { personIds } from './duplicate-reviews';
import type { Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;
type Row = Record<string, unknown>;

/**
 * Every row the store holds about one beneficiary, table by table, found through the links the
 * areas keep (beneficiary, request, interview, survey answer, attachment). Read by the data export
 * and by anonymisation alike, so both see the same person.
 */
export type SubjectRecords = {
  beneficiary: Row;
  /** The person's other records: merged into this one after a cross-branch review (or this one's survivor). */
  merged_records: Row[];
  household_members: Row[];
  support_requests: Row[];
  request_documents: Row[];
  interviews: Row[];
  interview_steps: Row[];
  referrals: Row[];
  signatures: Row[];
  research_reports: Row[];
  committee_decisions: Row[];
  deliveries: Row[];
  contacts: Row[];
  survey_responses: Row[];
  survey_follow_ups: Row[];
  outreach_tasks: Row[];
  complaints: Row[];
  tickets: Row[];
  signed_forms: Row[];
  attachments: Row[];
  field_history: Row[];
  privacy_consents: Row[];
  privacy_corrections: Row[];
  privacy_exports: Row[];
};

const ids = (rows: Row[]) => rows.map((r) => String(r.id));

export async function collectSubjectRecords(db: Db, beneficiaryId: string): Promise<SubjectRecords | null> {
  const beneficiary = await db.selectFrom('beneficiaries').selectAll().where('id', '=', beneficiaryId).executeTakeFirst();
  if (!beneficiary) return null;
  // One person, every record: rows made under a record merged into this one are theirs too.
  const person = await personIds(db, beneficiaryId);
  const merged = await db.selectFrom('beneficiaries').selectAll().where('id', 'in', person).where('id', '!=', beneficiaryId).orderBy('id').execute();
  // Each of these tables carries beneficiary_id (and the next ones request_id): the cast names one of
  // them so Kysely accepts the column; the rows are returned untyped anyway.
  const own = (table: keyof Database): Promise<Row[]> =>
    db.selectFrom(table as 'contacts').selectAll().where('beneficiary_id', 'in', person).orderBy('id').execute();
  const [household, requests, interviews, contacts, surveys, outreach, complaints, tickets, forms, consents, corrections, exports] = await Promise.all([
    own('household_members'), own('support_requests'), own('interviews'), own('contacts'), own('survey_responses'), own('outreach_tasks'),
    own('complaints'), own('tickets'), own('signed_forms'), own('privacy_consents'), own('privacy_corrections'), own('privacy_exports'),
  ]);
  const requestIds = ids(requests);
  const interviewIds = ids(interviews);
  const responseIds = ids(surveys);
  const byRequest = async (table: keyof Database): Promise<Row[]> =>
    requestIds.length === 0 ? [] : db.selectFrom(table as 'deliveries').selectAll().where('request_id', 'in', requestIds).orderBy('id').execute();
  const [documents, reports, decisions, deliveries, signatures] = await Promise.all([
    byRequest('request_documents'), byRequest('research_reports'), byRequest('committee_decisions'), byRequest('deliveries'), byRequest('signatures'),
  ]);
  const steps = interviewIds.length === 0 ? [] : await db.selectFrom('interview_steps').selectAll().where('interview_id', 'in', interviewIds).orderBy('id').execute();
  let referralQuery = db.selectFrom('referrals').selectAll().where('beneficiary_id', 'in', person);
  if (interviewIds.length > 0) referralQuery = db.selectFrom('referrals').selectAll().where((eb) => eb.or([eb('beneficiary_id', 'in', person), eb('interview_id', 'in', interviewIds)]));
  const referrals = await referralQuery.orderBy('id').execute();
  const followUps = responseIds.length === 0 ? [] : await db.selectFrom('survey_follow_ups').selectAll().where('response_id', 'in', responseIds).orderBy('id').execute();
  const attachmentIds = [
    ...documents.map((d) => d.attachment_id),
    ...signatures.map((s) => s.attachment_id),
    ...deliveries.map((d) => d.signature_attachment_id),
  ].filter((v): v is string => typeof v === 'string');
  const attachments = attachmentIds.length === 0 ? [] : await db.selectFrom('attachments').selectAll().where('id', 'in', [...new Set(attachmentIds)]).orderBy('id').execute();
  // By table and row, so the (table_name, row_id) index answers each part.
  const historyRows: Array<[string, string[]]> = [
    ['beneficiaries', person],
    ['household_members', ids(household)],
    ['support_requests', requestIds],
    ['contacts', ids(contacts)],
    ['complaints', ids(complaints)],
    ['referrals', ids(referrals)],
  ];
  const fieldHistory = await db
    .selectFrom('field_history')
    .leftJoin('users', 'users.id', 'field_history.changed_by')
    .select(['field_history.id', 'field_history.table_name', 'field_history.row_id', 'field_history.field', 'field_history.old_value', 'field_history.new_value', 'field_history.changed_at', 'users.display_name as changed_by_name'])
    .where((eb) => eb.or(historyRows.filter(([, rows]) => rows.length > 0).map(([table, rows]) => eb.and([eb('field_history.table_name', '=', table), eb('field_history.row_id', 'in', rows)]))))
    .orderBy('field_history.changed_at')
    .orderBy('field_history.hlc')
    .execute();
  return {
    beneficiary,
    merged_records: merged,
    household_members: household,
    support_requests: requests,
    request_documents: documents,
    interviews,
    interview_steps: steps,
    referrals,
    signatures,
    research_reports: reports,
    committee_decisions: decisions,
    deliveries,
    contacts,
    survey_responses: surveys,
    survey_follow_ups: followUps,
    outreach_tasks: outreach,
    complaints,
    tickets,
    signed_forms: forms,
    attachments,
    field_history: fieldHistory,
    privacy_consents: consents,
    privacy_corrections: corrections,
    privacy_exports: exports,
  };
}

export type FileViewer = { action: string; at: string; userName: string | null; role: string | null };

/** Who opened or changed the file, from the audit log (entries name the beneficiary as their subject). */
export function listFileAccess(db: Db, beneficiaryId: string): Promise<FileViewer[]> {
  return db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.user_id')
    .select(['audit_log.action', 'audit_log.at', 'users.display_name as userName', 'users.role'])
    .where('audit_log.entity', '=', 'beneficiary')
    .where('audit_log.entity_id', '=', beneficiaryId)
    .orderBy('audit_log.seq')
    .execute();
}
