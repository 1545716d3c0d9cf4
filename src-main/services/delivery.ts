import { uuidv7 } from 'uuidv7';
import { getSetting } from '../store/settings';
import { findRequestType } from '../store/requests';
import { insertTravelling } from '../store/row-writer';
import type { Handlers } from './handler-types';
import { decodeBase64, storeAttachment } from './attachments';
import { signatureInkPixels } from './attachments-content';
import { requireBeneficiaryInScope } from './beneficiary-access';
import { caseRows, committeeCase, entitlementOf } from './committee-view';
import { requireActor } from './context';
import { DomainError } from './domain-error';
import { issueForm } from './forms-issue';
import { localPhone, printedLabel } from './forms-labels';
import { moveRequest, requireRequestInScope } from './requests';
import { fullName } from './requests-view';

/** As at the interview's signature: fewer inked pixels than this is an empty pad, not a signature. */
const MIN_INK_PIXELS = 40;

export const deliveryHandlers = {
  /**
   * Hands over part or all of an accepted decision's entitlement: never more than what remains of the
   * approved amount, never more instalments than approved. The beneficiary signs the acknowledgement
   * (issued by the signed-forms engine) and the delivery row is written once, pointing at it.
   */
  'delivery.record': async (ctx, input) => {
    const actor = requireActor(ctx);
    const request = await requireRequestInScope(ctx, actor, input.requestId);
    if (request.state !== 'decided_accepted' && request.state !== 'delivered') throw new DomainError('CONFLICT', 'error.deliveryNeedsAcceptance');
    const rows = await caseRows(ctx, request.id);
    const entitlement = entitlementOf(rows.currentDecision, rows.deliveries);
    if (!entitlement || !rows.currentDecision) throw new DomainError('CONFLICT', 'error.deliveryNeedsAcceptance');
    if (input.amount > entitlement.remaining) {
      throw new DomainError('VALIDATION', 'error.deliveryAboveApproved', { values: { remaining: entitlement.remaining }, fields: { amount: 'error.deliveryAboveApproved' } });
    }
    if (entitlement.deliveriesMade >= entitlement.installments) throw new DomainError('CONFLICT', 'error.deliveryInstallmentsUsed', { values: { installments: entitlement.installments } });
    const png = decodeBase64(input.signaturePngBase64);
    const ink = signatureInkPixels(png);
    if (ink === null || ink < MIN_INK_PIXELS) throw new DomainError('VALIDATION', 'error.signatureEmpty', { fields: { signaturePngBase64: 'error.signatureEmpty' } });
    const stored = await storeAttachment(ctx, actor, png, 'signature', 'signaturePngBase64');

    const beneficiary = await requireBeneficiaryInScope(ctx, actor, request.beneficiary_id);
    const type = await findRequestType(ctx.db, request.request_type_code);
    const deliveredAt = ctx.now.toISOString();
    const items = input.items.map((i) => ({ description: i.description, quantity: i.quantity ?? null }));
    const id = uuidv7();
    const form = await issueForm(
      ctx,
      actor,
      {
        kind: 'delivery_acknowledgement',
        data: {
          associationName: (await getSetting(ctx.db, 'association_name_ar')) ?? '',
          branchName: actor.branchName,
          issuedAt: deliveredAt,
          beneficiary: { fullName: fullName(beneficiary), idLabel: printedLabel('idType', beneficiary.id_type) ?? 'هوية', idNumber: beneficiary.national_id, phone: localPhone(beneficiary.phone_primary) },
          request: { reference: request.id, typeName: type?.name_ar ?? request.request_type_code },
          items: [...items, { description: `المبلغ المسلَّم: ${input.amount} ريال`, quantity: null }],
          deliveredAt,
          deliveredByName: actor.displayName,
          signature: { imagePng: input.signaturePngBase64, signerName: input.signerName, signedAt: deliveredAt },
        },
      },
      // Each instalment's acknowledgement is its own form: keyed by the delivery, never superseding the last one.
      { beneficiaryId: beneficiary.id, requestId: request.id, deliveryId: id },
    );
    await insertTravelling(
      ctx.db,
      'deliveries',
      {
        id,
        branch_id: request.branch_id,
        request_id: request.id,
        decision_id: rows.currentDecision.id,
        amount: input.amount,
        items: items.map((i) => (i.quantity ? `${i.description} — ${i.quantity}` : i.description)).join('\n'),
        place: input.place,
        delivered_by: actor.id,
        delivered_at: deliveredAt,
        signer_name: input.signerName,
        signature_attachment_id: stored.id,
        form_id: form.id,
      },
      ctx.stamp(),
    );
    if (request.state === 'decided_accepted') await moveRequest(ctx, actor, request, 'delivered');
    ctx.describe({ entity: 'delivery', entityId: id, detail: { requestId: request.id, amount: input.amount, formId: form.id } });
    const after = await requireRequestInScope(ctx, actor, request.id);
    return committeeCase(ctx, actor, after);
  },
} satisfies Partial<Handlers>;
