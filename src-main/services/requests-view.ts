import type { RequestView } from '../../src-shared/contract/requests';
import type { ClockMode } from '../../src-shared/domain/committee-clock';
import { manualNextStates, type RequestState } from '../../src-shared/domain/request-state';
import type { Actor, ServiceContext } from './context';
import type { AttachmentType } from './attachments-content';
import { findBeneficiary } from '../store/beneficiaries';
import { findRequestType, latestSignatureOfRequest, listRequestDocuments, listStateHistory, listTypeDocuments, type SupportRequestRow } from '../store/requests';
import { findInterviewByRequest } from '../store/interviews';
import { latestReferralOfInterview, type ReferralWithNames } from '../store/referrals';
import { findUserById } from '../store/users';
import { findAttachment } from '../store/attachments';

export function fullName(row: { first_name: string; father_name: string; grandfather_name: string; family_name: string }): string {
  return [row.first_name, row.father_name, row.grandfather_name, row.family_name].join(' ');
}

export function referralView(row: ReferralWithNames): NonNullable<RequestView['referral']> {
  return {
    id: row.id,
    interviewId: row.interview_id,
    requestId: row.request_id,
    beneficiaryId: row.beneficiary_id,
    beneficiaryName: row.beneficiary_name,
    reason: row.reason,
    status: row.status as 'open' | 'answered',
    referredAt: row.referred_at,
    referredByName: row.referred_by_name,
    researcherName: row.researcher_name,
    researcherNotes: row.researcher_notes,
    answer: row.answer,
    answeredAt: row.answered_at,
  };
}

export function caseDataOf(row: SupportRequestRow): RequestView['caseData'] {
  return {
    requestTypeCode: row.request_type_code,
    summary: row.summary,
    prisonerName: row.prisoner_name,
    prisonerRelation: row.prisoner_relation as RequestView['caseData']['prisonerRelation'],
    prisonName: row.prison_name,
    caseStatus: row.case_status as RequestView['caseData']['caseStatus'],
    expectedReleaseDate: row.expected_release_date,
    monthlyIncome: row.monthly_income,
    incomeSources: (row.income_sources ?? '').split(',').filter(Boolean) as RequestView['caseData']['incomeSources'],
    housingType: row.housing_type as RequestView['caseData']['housingType'],
    monthlyRent: row.monthly_rent,
    householdSize: row.household_size,
  };
}

/** The checklist of the request's type, each document with what the desk recorded for it. */
export async function documentChecklist(ctx: ServiceContext, row: SupportRequestRow): Promise<RequestView['documents']> {
  const [required, recorded] = await Promise.all([listTypeDocuments(ctx.db, row.request_type_code), listRequestDocuments(ctx.db, row.id)]);
  const byCode = new Map(recorded.map((r) => [r.document_type_code, r]));
  const out: RequestView['documents'] = [];
  for (const doc of required) {
    const status = byCode.get(doc.code);
    const attachment = status?.attachment_id ? await findAttachment(ctx.db, status.attachment_id) : undefined;
    out.push({
      code: doc.code,
      nameAr: doc.name_ar,
      nameEn: doc.name_en,
      required: doc.required === 1,
      seen: status?.seen === 1,
      verified: status?.verified === 1,
      attachmentId: status?.attachment_id ?? null,
      attachmentType: (attachment?.mime_type as AttachmentType | undefined) ?? null,
      checkedAt: status?.checked_at ?? null,
    });
  }
  return out;
}

export async function requestView(ctx: ServiceContext, actor: Actor, row: SupportRequestRow): Promise<RequestView> {
  const beneficiary = await findBeneficiary(ctx.db, row.beneficiary_id);
  const type = await findRequestType(ctx.db, row.request_type_code);
  const interview = await findInterviewByRequest(ctx.db, row.id);
  const referral = interview ? await latestReferralOfInterview(ctx.db, interview.id) : undefined;
  const signature = await latestSignatureOfRequest(ctx.db, row.id);
  const witness = signature ? await findUserById(ctx.db, signature.witnessed_by) : undefined;
  const history = await listStateHistory(ctx.db, row.id);
  const creator = row.created_by ? await findUserById(ctx.db, row.created_by) : undefined;
  const state = row.state as RequestState;
  return {
    id: row.id,
    branchId: row.branch_id,
    beneficiaryId: row.beneficiary_id,
    beneficiaryName: beneficiary ? fullName(beneficiary) : '',
    beneficiaryNationalId: beneficiary?.national_id ?? null,
    interviewId: interview?.id ?? null,
    state,
    caseData: caseDataOf(row),
    requestTypeNameAr: type?.name_ar ?? row.request_type_code,
    requestTypeNameEn: type?.name_en ?? row.request_type_code,
    submittedAt: row.submitted_at,
    dueDate: row.due_date,
    clockDays: row.clock_days,
    clockMode: row.clock_mode as ClockMode | null,
    createdAt: row.created_at,
    stateChangedAt: row.state_changed_at,
    documents: await documentChecklist(ctx, row),
    referral: referral ? referralView(referral) : null,
    signature: signature
      ? {
          id: signature.id,
          signerName: signature.signer_name,
          attachmentId: signature.attachment_id,
          dataHash: signature.data_hash,
          signedAt: signature.signed_at,
          witnessedByName: witness?.display_name ?? null,
        }
      : null,
    history: [
      { from: null, to: 'draft', at: row.created_at, byName: creator?.display_name ?? null },
      ...history.map((h) => ({
        from: h.old_value as RequestState,
        to: h.new_value as RequestState,
        at: h.changed_at,
        byName: h.changed_by_name,
      })),
    ],
    nextStates: manualNextStates(state, actor.role),
  };
}
