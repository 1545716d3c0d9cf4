import type { SignedData } from '../../src-shared/contract/interviews';
import { canonicalJson, dataVersionHash } from '../../src-shared/domain/canonical-json';
import type { ServiceContext } from './context';
import { DomainError } from './domain-error';
import { caseDataOf, documentChecklist, fullName } from './requests-view';
import { findAttachment } from '../store/attachments';
import { findBeneficiary, listHousehold } from '../store/beneficiaries';
import type { InterviewRow } from '../store/interviews';
import { findRequest, findRequestType } from '../store/requests';
import { latestReferralOfInterview } from '../store/referrals';

/** The applicant's declaration (policy step 4): they answer for the correctness of what they gave. */
export const DECLARATION_AR =
  'أقر أنا الموقّع أدناه بأن جميع البيانات والمستندات المقدمة في هذا الطلب صحيحة وكاملة، وأتحمل المسؤولية المباشرة عن صحتها، وأعلم أن الطلب يُحال إلى لجنة البحث لدراسته والرد عليه بالقبول أو الرفض.';

/**
 * Exactly what the applicant signs: the beneficiary, household, prisoner, income and housing, the
 * documents (with the SHA-256 of each attached scan) and the referral. Built from stored rows only,
 * so the hash computed when the summary is shown and when the signature arrives agree unless the
 * data changed in between.
 */
export async function buildSignedData(ctx: ServiceContext, interview: InterviewRow): Promise<SignedData> {
  if (!interview.beneficiary_id) throw new DomainError('CONFLICT', 'error.beneficiaryRequired');
  if (!interview.request_id) throw new DomainError('CONFLICT', 'error.caseDataRequired');
  const beneficiary = await findBeneficiary(ctx.db, interview.beneficiary_id);
  const request = await findRequest(ctx.db, interview.request_id);
  if (!beneficiary || !request) throw new DomainError('NOT_FOUND', 'error.notFound');
  const type = await findRequestType(ctx.db, request.request_type_code);
  const household = await listHousehold(ctx.db, beneficiary.id);
  const documents = await documentChecklist(ctx, request);
  const referral = await latestReferralOfInterview(ctx.db, interview.id);
  const caseData = caseDataOf(request);
  const hashes = new Map<string, string>();
  for (const doc of documents) {
    if (!doc.attachmentId) continue;
    const attachment = await findAttachment(ctx.db, doc.attachmentId);
    if (attachment) hashes.set(doc.code, attachment.sha256);
  }
  return {
    formVersion: 1,
    interviewId: interview.id,
    requestId: request.id,
    requestType: { code: request.request_type_code, nameAr: type?.name_ar ?? request.request_type_code },
    beneficiary: {
      id: beneficiary.id,
      fullName: fullName(beneficiary),
      idType: beneficiary.id_type,
      nationalId: beneficiary.national_id,
      phone: beneficiary.phone_primary,
    },
    household: household.map((m) => ({ fullName: m.full_name, relation: m.relation, nationalId: m.national_id })),
    prisoner: {
      name: caseData.prisonerName,
      relation: caseData.prisonerRelation,
      prison: caseData.prisonName,
      caseStatus: caseData.caseStatus,
      expectedReleaseDate: caseData.expectedReleaseDate,
    },
    income: {
      monthlyIncome: caseData.monthlyIncome,
      sources: caseData.incomeSources,
      housingType: caseData.housingType,
      monthlyRent: caseData.monthlyRent,
      householdSize: caseData.householdSize,
    },
    summary: caseData.summary,
    documents: documents.map((d) => ({ code: d.code, nameAr: d.nameAr, verified: d.verified, attachmentSha256: hashes.get(d.code) ?? null })),
    referral: referral ? { reason: referral.reason, answer: referral.answer } : null,
    declaration: DECLARATION_AR,
  };
}

export async function attestationOf(ctx: ServiceContext, interview: InterviewRow) {
  const data = await buildSignedData(ctx, interview);
  return { data, canonical: canonicalJson(data), dataHash: await dataVersionHash(data) };
}
