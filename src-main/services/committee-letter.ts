import type { ContactChannel } from '../../src-shared/domain/contact-channels';
import { ContactInput } from '../../src-shared/contract/contacts';
import { findRequestType, type SupportRequestRow } from '../store/requests';
import { getSetting } from '../store/settings';
import { findUserById } from '../store/users';
import { requireBeneficiaryInScope } from './beneficiary-access';
import { caseRows } from './committee-view';
import { contactHandlers } from './contacts';
import type { Actor, ServiceContext } from './context';
import { DomainError } from './domain-error';
import type { Sourced } from './forms-sources';
import { localPhone, printedLabel } from './forms-labels';
import { requireRequestInScope } from './requests';
import { fullName } from './requests-view';

/** The committee's name and its signatory's title as the letter prints them. */
const COMMITTEE_NAME = 'لجنة البحث الاجتماعي';
const SIGNATORY_TITLE = 'رئيس لجنة البحث الاجتماعي';

/**
 * The decision letter's content, built from the current decision row (never from what the screen
 * sends). Only accepted and rejected decisions have a letter; a deferral is followed up, not announced.
 */
export async function decisionLetterSource(ctx: ServiceContext, actor: Actor, requestId: string): Promise<Sourced> {
  const request = await requireRequestInScope(ctx, actor, requestId);
  const beneficiary = await requireBeneficiaryInScope(ctx, actor, request.beneficiary_id);
  const { currentDecision: decision } = await caseRows(ctx, request.id);
  if (!decision || decision.outcome === 'deferred' || !request.submitted_at) throw new DomainError('CONFLICT', 'error.letterNeedsDecision');
  const type = await findRequestType(ctx.db, request.request_type_code);
  const signatory = (await findUserById(ctx.db, decision.decided_by))?.display_name ?? actor.displayName;
  const accepted = decision.outcome === 'accepted';
  const acceptedNote = accepted
    ? [`المبلغ المعتمد: ${decision.amount ?? 0} ريال`, decision.installments && decision.installments > 1 ? `على ${decision.installments} دفعات` : null, decision.items].filter(Boolean).join(' — ')
    : null;
  return {
    content: {
      kind: 'committee_decision',
      data: {
        associationName: (await getSetting(ctx.db, 'association_name_ar')) ?? '',
        branchName: actor.branchName,
        issuedAt: ctx.now.toISOString(),
        beneficiary: {
          fullName: fullName(beneficiary),
          idLabel: printedLabel('idType', beneficiary.id_type) ?? 'هوية',
          idNumber: beneficiary.national_id,
          phone: localPhone(beneficiary.phone_primary),
        },
        request: { reference: request.id, typeName: type?.name_ar ?? request.request_type_code, submittedAt: request.submitted_at },
        decision: {
          outcome: accepted ? 'accepted' : 'rejected',
          reason: accepted ? acceptedNote : decision.reason,
          decidedAt: decision.decided_at,
          committeeName: COMMITTEE_NAME,
          signatoryName: signatory,
          signatoryTitle: SIGNATORY_TITLE,
        },
      },
    },
    subject: { beneficiaryId: beneficiary.id, requestId: request.id },
  };
}

/**
 * Tells the beneficiary of the current decision through the chosen channel and records it in the
 * contact log, through the contacts area's own use case (its checks and its row shape).
 */
export async function informBeneficiary(ctx: ServiceContext, actor: Actor, request: SupportRequestRow, channel: ContactChannel, details: string | null): Promise<void> {
  const { currentDecision: decision } = await caseRows(ctx, request.id);
  if (!decision) throw new DomainError('CONFLICT', 'error.letterNeedsDecision');
  const subject = { accepted: 'إبلاغ بقرار اللجنة: قبول الطلب', rejected: 'إبلاغ بقرار اللجنة: عدم قبول الطلب', deferred: 'إبلاغ بقرار اللجنة: تأجيل الطلب لاستكمال النواقص' }[decision.outcome as 'accepted' | 'rejected' | 'deferred'];
  const contact = ContactInput.parse({
    beneficiaryId: request.beneficiary_id,
    channel,
    direction: 'outbound',
    contactKind: 'answer',
    subject,
    details,
    outcome: 'informed',
  });
  await contactHandlers['contacts.record'](ctx, { contact });
  ctx.describe({ entity: 'committee_decision', entityId: decision.id, detail: { informed: true, channel } });
}
