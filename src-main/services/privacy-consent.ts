import { uuidv7 } from 'uuidv7';
import { insertConsent, listConsents } from '../store/privacy';
import { findSignedForm } from '../store/signed-forms';
import type { Handlers } from './handler-types';
import { requireBeneficiaryInScope } from './beneficiary-access';
import { requireActor } from './context';
import { DomainError } from './domain-error';
import { requireNotAnonymised } from './privacy-export';
import { rightsView } from './privacy-views';

/**
 * Consent to processing personal data: given against the signed consent form (the `data_consent`
 * kind of the signed-forms engine), withdrawn on the beneficiary's word through any channel. Rows are
 * never changed; the latest one is the standing status, and the profile and the export show it.
 */
export const privacyConsentHandlers = {
  'privacy.rights': async (ctx, input) => {
    const actor = requireActor(ctx);
    await requireBeneficiaryInScope(ctx, actor, input.beneficiaryId);
    return rightsView(ctx, input.beneficiaryId);
  },

  'privacy.recordConsent': async (ctx, input) => {
    const actor = requireActor(ctx);
    const beneficiary = await requireBeneficiaryInScope(ctx, actor, input.beneficiaryId);
    await requireNotAnonymised(ctx, beneficiary.id);
    if (input.status === 'given') {
      const form = input.formId ? await findSignedForm(ctx.db, input.formId) : undefined;
      if (!form || form.kind !== 'data_consent' || form.beneficiary_id !== beneficiary.id || form.superseded_by_id) {
        throw new DomainError('VALIDATION', 'error.consentFormRequired', { fields: { formId: 'error.consentFormRequired' } });
      }
    } else {
      const [standing] = await listConsents(ctx.db, beneficiary.id);
      if (standing?.status !== 'given') throw new DomainError('CONFLICT', 'error.consentNotGiven');
    }
    const id = uuidv7();
    await insertConsent(ctx.db, {
      id,
      branch_id: beneficiary.branch_id,
      beneficiary_id: beneficiary.id,
      status: input.status,
      form_id: input.status === 'given' ? input.formId : null,
      channel: input.channel,
      recorded_at: ctx.now.toISOString(),
      recorded_by: actor.id,
    });
    ctx.describe({ entity: 'beneficiary', entityId: beneficiary.id, detail: { consentId: id, status: input.status, formId: input.formId } });
    return rightsView(ctx, beneficiary.id);
  },
} satisfies Partial<Handlers>;
