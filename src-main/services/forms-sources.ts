import type { FormData, FormContent } from '../../src-shared/contract/forms';
import { DATA_CONSENT_CLAUSES } from '../../src-shared/domain/data-consent';
import { findAttachment, readContent } from '../store/attachments';
import type { BeneficiaryWithBranch } from '../store/beneficiaries';
import { findReferral } from '../store/referrals';
import { findRequest, findRequestType, latestSignatureOfRequest, type SupportRequestRow } from '../store/requests';
import { getSetting } from '../store/settings';
import { findTicketDetail } from '../store/tickets';
import { requireBeneficiaryInScope } from './beneficiary-access';
import { scopedBranch, type Actor, type ServiceContext } from './context';
import { DomainError } from './domain-error';
import type { FormSubject } from './forms-issue';
import { localPhone, printedLabel } from './forms-labels';
import { documentChecklist, fullName } from './requests-view';

/**
 * Assembles each form's content from the store's own records (never from what a client sends):
 * the registry's beneficiary, the interview's request, signature and referral, the queue's ticket.
 */

export type Sourced = { content: FormContent; subject: FormSubject };

async function frame(ctx: ServiceContext, actor: Actor) {
  const associationName = (await getSetting(ctx.db, 'association_name_ar')) ?? '';
  return { associationName, branchName: actor.branchName, issuedAt: ctx.now.toISOString() };
}

function person(row: BeneficiaryWithBranch): FormData<'data_consent'>['person'] {
  return {
    fullName: fullName(row),
    idLabel: printedLabel('idType', row.id_type) ?? 'هوية',
    idNumber: row.national_id,
    phone: localPhone(row.phone_primary),
  };
}

export async function consentSource(ctx: ServiceContext, actor: Actor, beneficiaryId: string): Promise<Sourced> {
  const beneficiary = await requireBeneficiaryInScope(ctx, actor, beneficiaryId);
  return {
    content: {
      kind: 'data_consent',
      data: { ...(await frame(ctx, actor)), person: person(beneficiary), clauses: [...DATA_CONSENT_CLAUSES], receptionistName: actor.displayName },
    },
    subject: { beneficiaryId },
  };
}

async function requestInScope(ctx: ServiceContext, actor: Actor, requestId: string): Promise<{ request: SupportRequestRow; beneficiary: BeneficiaryWithBranch; typeName: string }> {
  const request = await findRequest(ctx.db, requestId);
  if (!request) throw new DomainError('NOT_FOUND', 'error.notFound');
  const beneficiary = await requireBeneficiaryInScope(ctx, actor, request.beneficiary_id);
  const type = await findRequestType(ctx.db, request.request_type_code);
  return { request, beneficiary, typeName: type?.name_ar ?? request.request_type_code };
}

async function documentLines(ctx: ServiceContext, request: SupportRequestRow) {
  const checklist = await documentChecklist(ctx, request);
  return checklist.map((d) => ({ name: d.nameAr, status: d.verified ? ('verified' as const) : d.seen ? ('seen' as const) : ('missing' as const) }));
}

/** (a) Needs the applicant's signature (interview step 4): refused until there is one. */
export async function supportRequestSource(ctx: ServiceContext, actor: Actor, requestId: string): Promise<Sourced> {
  const { request, beneficiary, typeName } = await requestInScope(ctx, actor, requestId);
  const signature = await latestSignatureOfRequest(ctx.db, requestId);
  if (!signature) throw new DomainError('CONFLICT', 'error.formNeedsSignature');
  const attachment = await findAttachment(ctx.db, signature.attachment_id);
  if (!attachment) throw new DomainError('NOT_FOUND', 'error.notFound');
  const signed = JSON.parse(signature.signed_data) as { declaration?: string };
  const witness = signature.witnessed_by === actor.id ? actor.displayName : null;
  return {
    content: {
      kind: 'support_request',
      data: {
        ...(await frame(ctx, actor)),
        applicant: person(beneficiary),
        request: {
          reference: request.id,
          typeName,
          summary: request.summary,
          prisonerName: request.prisoner_name,
          prisonerRelation: printedLabel('relation', request.prisoner_relation),
          prisonName: request.prison_name,
          caseStatus: printedLabel('caseStatus', request.case_status),
          monthlyIncome: request.monthly_income,
          householdSize: request.household_size,
          housingType: printedLabel('housing', request.housing_type),
          monthlyRent: request.monthly_rent,
        },
        documents: await documentLines(ctx, request),
        attestation: signed.declaration ?? '',
        signature: {
          imagePng: readContent(ctx.store, attachment.sha256).toString('base64'),
          signerName: signature.signer_name,
          signedAt: signature.signed_at,
          signedDataHash: signature.data_hash,
        },
        receptionistName: witness ?? actor.displayName,
      },
    },
    subject: { beneficiaryId: beneficiary.id, requestId },
  };
}

/** (d) Only once the request went to the committee (step 5): the receipt prints its due date. */
export async function receiptSource(ctx: ServiceContext, actor: Actor, requestId: string): Promise<Sourced> {
  const { request, beneficiary, typeName } = await requestInScope(ctx, actor, requestId);
  if (!request.submitted_at || !request.due_date) throw new DomainError('CONFLICT', 'error.formNeedsSubmission');
  return {
    content: {
      kind: 'submission_receipt',
      data: {
        ...(await frame(ctx, actor)),
        applicant: person(beneficiary),
        request: { reference: request.id, typeName, submittedAt: request.submitted_at, dueDate: request.due_date.slice(0, 10), committeeDays: request.clock_days ?? 14 },
        documents: await documentLines(ctx, request),
        receptionistName: actor.displayName,
      },
    },
    subject: { beneficiaryId: beneficiary.id, requestId },
  };
}

/** (c) The slip the visitor carries to the social researcher (step 3). */
export async function referralSource(ctx: ServiceContext, actor: Actor, referralId: string): Promise<Sourced> {
  const referral = await findReferral(ctx.db, referralId);
  if (!referral?.beneficiary_id) throw new DomainError('NOT_FOUND', 'error.notFound');
  const beneficiary = await requireBeneficiaryInScope(ctx, actor, referral.beneficiary_id);
  return {
    content: {
      kind: 'researcher_referral',
      data: {
        ...(await frame(ctx, actor)),
        beneficiary: person(beneficiary),
        referral: {
          reference: referral.id,
          reason: referral.reason,
          referredAt: referral.referred_at,
          referredByName: referral.referred_by_name ?? actor.displayName,
          requestReference: referral.request_id,
        },
      },
    },
    subject: { beneficiaryId: beneficiary.id, requestId: referral.request_id, referralId },
  };
}

/** (e) The 80 mm ticket; printed when it is issued, it names no one. */
export async function ticketSource(ctx: ServiceContext, actor: Actor, ticketId: string): Promise<Sourced> {
  const ticket = await findTicketDetail(ctx.db, ticketId);
  if (!ticket) throw new DomainError('NOT_FOUND', 'error.notFound');
  const branch = scopedBranch(actor);
  if (branch && ticket.branch_id !== branch) throw new DomainError('OUT_OF_SCOPE', 'error.outOfScope');
  const priority = printedLabel('priority', ticket.priority_code);
  return {
    content: {
      kind: 'queue_ticket',
      data: {
        associationName: (await getSetting(ctx.db, 'association_name_ar')) ?? '',
        branchName: ticket.branch_name,
        issuedAt: ticket.issued_at,
        ticket: { number: ticket.number, serviceName: printedLabel('service', ticket.service_code) ?? ticket.service_code, priorityName: priority || null, waitingAhead: null },
      },
    },
    subject: { beneficiaryId: ticket.beneficiary_id, ticketId },
  };
}
