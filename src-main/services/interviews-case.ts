import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import type { CaseDataInput } from '../../src-shared/contract/interviews';
import type { ParsedInput } from '../../src-shared/contract';
import { DomainError } from './domain-error';
import type { Actor, ServiceContext } from './context';
import { attestationOf } from './interviews-attestation';
import { decodeBase64, storeAttachment } from './attachments';
import { signatureInkPixels } from './attachments-content';
import { requireEditableRequest } from './requests';
import type { InterviewRow } from '../store/interviews';
import { findRequest, findRequestType, type SupportRequestRow } from '../store/requests';
import { insertTravelling, updateTravelling } from '../store/row-writer';

/** Fewer inked pixels than this is a stray tap, not a signature. */
const MIN_INK_PIXELS = 40;

type CaseData = z.output<typeof CaseDataInput>;

/** Step 2's data as the request's columns (income sources as a comma list of fixed codes). */
export function caseColumns(data: CaseData) {
  return {
    request_type_code: data.requestTypeCode,
    summary: data.summary,
    prisoner_name: data.prisonerName,
    prisoner_relation: data.prisonerRelation,
    prison_name: data.prisonName,
    case_status: data.caseStatus,
    expected_release_date: data.expectedReleaseDate,
    monthly_income: data.monthlyIncome,
    income_sources: [...new Set(data.incomeSources)].join(','),
    housing_type: data.housingType,
    monthly_rent: data.housingType === 'rented' ? data.monthlyRent : data.monthlyRent ?? null,
    household_size: data.householdSize,
  };
}

export async function requireRequestOf(ctx: ServiceContext, interview: InterviewRow): Promise<SupportRequestRow> {
  const request = interview.request_id ? await findRequest(ctx.db, interview.request_id) : undefined;
  if (!request) throw new DomainError('CONFLICT', 'error.caseDataRequired');
  return request;
}

/** Creates the interview's draft request on first save, updates it afterwards (while unsigned). */
export async function saveCaseData(
  ctx: ServiceContext,
  actor: Actor,
  interview: InterviewRow,
  columns: ReturnType<typeof caseColumns>,
  typeCode: string,
): Promise<string> {
  if (!interview.beneficiary_id) throw new DomainError('CONFLICT', 'error.beneficiaryRequired');
  if (!(await findRequestType(ctx.db, typeCode))) {
    throw new DomainError('VALIDATION', 'error.unknownRequestType', { fields: { 'caseData.requestTypeCode': 'error.unknownRequestType' } });
  }
  const stamp = ctx.stamp();
  if (interview.request_id) {
    const request = await requireRequestOf(ctx, interview);
    await requireEditableRequest(ctx, request);
    await updateTravelling(ctx.db, 'support_requests', request, columns, stamp, { history: true });
    return request.id;
  }
  const id = uuidv7();
  await insertTravelling(
    ctx.db,
    'support_requests',
    {
      id,
      branch_id: interview.branch_id,
      beneficiary_id: interview.beneficiary_id,
      state: 'draft',
      ...columns,
      submitted_at: null,
      submitted_by: null,
      due_date: null,
      clock_days: null,
      clock_mode: null,
      state_changed_at: stamp.now,
      state_changed_by: actor.id,
      created_by: actor.id,
    },
    stamp,
  );
  await updateTravelling(ctx.db, 'interviews', interview, { request_id: id }, stamp, { history: false });
  return id;
}

/**
 * Step 4: the signature must hold ink, and the data it signs must be what the summary showed
 * (same hash); the PNG is kept as an attachment, the canonical JSON and its hash beside it.
 */
export async function signInterview(
  ctx: ServiceContext,
  actor: Actor,
  interview: InterviewRow,
  input: ParsedInput<'interviews.sign'>,
): Promise<string> {
  const png = decodeBase64(input.signaturePngBase64);
  const ink = signatureInkPixels(png);
  if (ink === null) throw new DomainError('VALIDATION', 'error.attachmentType', { fields: { signaturePngBase64: 'error.attachmentType' } });
  if (ink < MIN_INK_PIXELS) throw new DomainError('VALIDATION', 'error.signatureEmpty', { fields: { signaturePngBase64: 'error.signatureEmpty' } });
  const attestation = await attestationOf(ctx, interview);
  if (attestation.dataHash !== input.dataHash) throw new DomainError('STALE_VERSION', 'error.signedDataChanged');
  const request = await findRequest(ctx.db, attestation.data.requestId);
  if (!request) throw new DomainError('NOT_FOUND', 'error.notFound');
  await requireEditableRequest(ctx, request);
  const stored = await storeAttachment(ctx, actor, png, 'signature', 'signaturePngBase64');
  const stamp = ctx.stamp();
  const id = uuidv7();
  await insertTravelling(
    ctx.db,
    'signatures',
    {
      id,
      branch_id: interview.branch_id,
      request_id: request.id,
      interview_id: interview.id,
      signer_name: input.signerName,
      attachment_id: stored.id,
      data_hash: attestation.dataHash,
      signed_data: attestation.canonical,
      witnessed_by: actor.id,
      signed_at: stamp.now,
    },
    stamp,
  );
  return id;
}
