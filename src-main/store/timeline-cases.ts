import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';
import type { TimelineRow } from './timeline-row';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The interview and its support requests (migration 0003): requests opened and every change of their
 * state (from field_history), each of the policy's steps completed, referrals to the researcher and
 * their answers, and signatures.
 */
export async function caseEvents(db: Db, beneficiaryId: string, before: string, limit: number): Promise<TimelineRow[]> {
  const events: TimelineRow[] = [];
  const requests = db.selectFrom('support_requests').select('id').where('beneficiary_id', '=', beneficiaryId);
  const interviews = db.selectFrom('interviews').select('id').where('beneficiary_id', '=', beneficiaryId);

  const opened = await db
    .selectFrom('support_requests')
    .innerJoin('request_types', 'request_types.code', 'support_requests.request_type_code')
    .leftJoin('users', 'users.id', 'support_requests.created_by')
    .select(['support_requests.id', 'support_requests.created_at', 'support_requests.request_type_code', 'request_types.name_ar', 'request_types.name_en', 'users.display_name'])
    .where('support_requests.beneficiary_id', '=', beneficiaryId)
    .where('support_requests.created_at', '<', before)
    .orderBy('support_requests.created_at', 'desc')
    .limit(limit)
    .execute();
  const typeNames = new Map<string, { ar: string; en: string }>();
  for (const r of opened) {
    typeNames.set(r.id, { ar: r.name_ar, en: r.name_en });
    events.push({ id: `request_created:${r.id}`, kind: 'request_created', at: r.created_at, actorName: r.display_name, summary: null, fields: [], attributes: { requestType: r.request_type_code, requestTypeAr: r.name_ar, requestTypeEn: r.name_en } });
  }

  const states = await db
    .selectFrom('field_history')
    .innerJoin('support_requests', 'support_requests.id', 'field_history.row_id')
    .innerJoin('request_types', 'request_types.code', 'support_requests.request_type_code')
    .leftJoin('users', 'users.id', 'field_history.changed_by')
    .select(['field_history.id', 'field_history.changed_at', 'field_history.new_value', 'support_requests.due_date', 'request_types.name_ar', 'request_types.name_en', 'support_requests.request_type_code', 'users.display_name'])
    .where('field_history.table_name', '=', 'support_requests')
    .where('field_history.field', '=', 'state')
    .where('support_requests.beneficiary_id', '=', beneficiaryId)
    .where('field_history.changed_at', '<', before)
    .orderBy('field_history.changed_at', 'desc')
    .limit(limit)
    .execute();
  for (const s of states) {
    const attributes: Record<string, string> = { state: s.new_value ?? '', requestType: s.request_type_code, requestTypeAr: s.name_ar, requestTypeEn: s.name_en };
    if (s.new_value === 'submitted' && s.due_date) attributes.dueDate = s.due_date;
    events.push({ id: `request_state:${s.id}`, kind: 'request_state', at: s.changed_at, actorName: s.display_name, summary: null, fields: [], attributes });
  }

  const steps = await db
    .selectFrom('interview_steps')
    .leftJoin('users', 'users.id', 'interview_steps.completed_by')
    .select(['interview_steps.id', 'interview_steps.step', 'interview_steps.completed_at', 'interview_steps.outcome', 'users.display_name'])
    .where('interview_steps.interview_id', 'in', interviews)
    .where('interview_steps.completed_at', '<', before)
    .orderBy('interview_steps.completed_at', 'desc')
    .limit(limit)
    .execute();
  for (const s of steps) {
    events.push({ id: `interview_step:${s.id}`, kind: 'interview_step', at: s.completed_at, actorName: s.display_name, summary: null, fields: [], attributes: { step: s.step } });
  }

  const referrals = await db
    .selectFrom('referrals')
    .leftJoin('users as referrer', 'referrer.id', 'referrals.referred_by')
    .leftJoin('users as researcher', 'researcher.id', 'referrals.researcher_id')
    .select(['referrals.id', 'referrals.reason', 'referrals.referred_at', 'referrals.answer', 'referrals.answered_at', 'referrer.display_name as referrer_name', 'researcher.display_name as researcher_name'])
    .where((eb) => eb.or([eb('referrals.beneficiary_id', '=', beneficiaryId), eb('referrals.interview_id', 'in', interviews)]))
    .where('referrals.referred_at', '<', before)
    .orderBy('referrals.referred_at', 'desc')
    .limit(limit)
    .execute();
  for (const r of referrals) {
    events.push({ id: `referral:${r.id}`, kind: 'referral', at: r.referred_at, actorName: r.referrer_name, summary: r.reason, fields: [], attributes: {} });
    if (r.answered_at && r.answered_at < before) {
      events.push({ id: `referral_answered:${r.id}`, kind: 'referral_answered', at: r.answered_at, actorName: r.researcher_name, summary: r.answer, fields: [], attributes: {} });
    }
  }

  const signatures = await db
    .selectFrom('signatures')
    .leftJoin('users', 'users.id', 'signatures.witnessed_by')
    .select(['signatures.id', 'signatures.signer_name', 'signatures.signed_at', 'signatures.request_id', 'users.display_name'])
    .where('signatures.request_id', 'in', requests)
    .where('signatures.signed_at', '<', before)
    .orderBy('signatures.signed_at', 'desc')
    .limit(limit)
    .execute();
  for (const s of signatures) {
    const type = typeNames.get(s.request_id);
    events.push({ id: `signature:${s.id}`, kind: 'signature', at: s.signed_at, actorName: s.display_name, summary: s.signer_name, fields: [], attributes: type ? { requestTypeAr: type.ar, requestTypeEn: type.en } : {} });
  }
  return events;
}
