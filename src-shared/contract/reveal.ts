import { z } from 'zod';
import { REGISTRY_WRITERS } from '../domain/roles';
import { REVEAL_ROLES, SENSITIVE_FIELDS } from '../domain/sensitive-fields';
import { defineMethod } from './define';
import { Id } from './common';
import { BeneficiaryProfile } from './beneficiaries';

export const RevealInput = z
  .object({
    id: Id,
    field: z.enum(SENSITIVE_FIELDS, { error: 'validation.invalidChoice' }),
    /** The household member whose ID is asked for; only with `householdNationalId`. */
    memberId: Id.nullish(),
  })
  .strict()
  .refine((v) => (v.field === 'householdNationalId') === Boolean(v.memberId), { path: ['memberId'], error: 'validation.required' });

export const revealMethods = {
  /** The clear value of one sensitive field of one beneficiary; audited (field and subject, never the value). */
  'beneficiaries.reveal': defineMethod({
    input: RevealInput,
    output: z.object({ value: z.string().nullable() }),
    access: REVEAL_ROLES,
    writes: true,
  }),
  /** The record in clear for its edit form: a reveal of every field the role's profile masks, audited. */
  'beneficiaries.getForEdit': defineMethod({
    input: z.object({ id: Id }).strict(),
    output: BeneficiaryProfile,
    access: REGISTRY_WRITERS,
    writes: true,
  }),
};
