import type { Handlers } from './handler-types';
import { DomainError } from './domain-error';
import { requireActor } from './context';
import { requireBeneficiaryInScope } from './beneficiary-access';
import { loadProfile } from './beneficiaries';
import { findHouseholdMember } from '../store/beneficiaries';
import { profileVisibility, type SensitiveField } from '../../src-shared/domain/sensitive-fields';

const PROFILE_MASKED_FIELDS: readonly SensitiveField[] = ['nationalId', 'phonePrimary', 'phoneSecondary', 'householdNationalId'];

/**
 * Reveals are written to the audit log as `beneficiaries.reveal` with the field and (for a member's
 * ID) the member id: who saw what of whom, never the value itself.
 */
export const revealHandlers = {
  'beneficiaries.reveal': async (ctx, input) => {
    const actor = requireActor(ctx);
    const row = await requireBeneficiaryInScope(ctx, actor, input.id);
    let value: string | null;
    if (input.field === 'householdNationalId') {
      const member = input.memberId ? await findHouseholdMember(ctx.db, input.memberId) : undefined;
      if (!member || member.removed_at || member.beneficiary_id !== row.id) throw new DomainError('NOT_FOUND', 'error.notFound');
      value = member.national_id;
    } else {
      value = { nationalId: row.national_id, phonePrimary: row.phone_primary, phoneSecondary: row.phone_secondary }[input.field];
    }
    ctx.describe({
      entity: 'beneficiary',
      entityId: row.id,
      detail: input.memberId ? { field: input.field, memberId: input.memberId } : { field: input.field },
    });
    return { value };
  },

  'beneficiaries.getForEdit': async (ctx, input) => {
    const actor = requireActor(ctx);
    const row = await requireBeneficiaryInScope(ctx, actor, input.id);
    const revealed = profileVisibility(actor.role) === 'masked' ? PROFILE_MASKED_FIELDS : [];
    ctx.describe({ entity: 'beneficiary', entityId: row.id, detail: { fields: [...revealed] } });
    return loadProfile(ctx, row);
  },
} satisfies Partial<Handlers>;
