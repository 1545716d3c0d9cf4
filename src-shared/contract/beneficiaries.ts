import { z } from 'zod';
import { CONTACT_CHANNEL_CODES } from '../domain/contact-channels';
import { checkNationalId } from '../domain/national-id';
import { REGISTRY_READERS, REGISTRY_WRITERS } from '../domain/roles';
import { defineMethod } from './define';
import {
  ArabicNamePart,
  Id,
  IsoDateTime,
  Ok,
  OptionalPastDate,
  OptionalSaudiMobile,
  optionalText,
  requiredText,
} from './common';

export const ID_TYPES = ['national_id', 'iqama', 'passport', 'none'] as const;
export const GENDERS = ['male', 'female'] as const;
export const RELATIONS = [
  'spouse', 'son', 'daughter', 'father', 'mother', 'brother', 'sister', 'grandparent', 'grandchild', 'other',
] as const;
export const DUPLICATE_REASONS = [
  'same_national_id', 'national_id_transposition', 'same_phone', 'same_name', 'phonetic_name',
  'same_birth_date', 'relative_same_lineage',
] as const;

/** Checks the ID number against its declared type; Arabic-Indic digits are stored as Latin. */
function checkIdentity<T extends { idType: (typeof ID_TYPES)[number]; nationalId?: string | null | undefined }>(
  value: T,
  ctx: z.RefinementCtx,
): T & { nationalId: string | null } {
  const raw = (value.nationalId ?? '').trim();
  if (value.idType === 'none') return { ...value, nationalId: null };
  if (value.idType === 'passport') {
    const passport = raw.toUpperCase();
    if (!/^[A-Z0-9]{5,15}$/.test(passport)) {
      ctx.addIssue({ code: 'custom', path: ['nationalId'], message: 'validation.passport' });
    }
    return { ...value, nationalId: passport };
  }
  if (raw === '') {
    ctx.addIssue({ code: 'custom', path: ['nationalId'], message: 'validation.required' });
    return { ...value, nationalId: null };
  }
  const check = checkNationalId(raw);
  if (!check.ok) {
    ctx.addIssue({ code: 'custom', path: ['nationalId'], message: `validation.nationalId.${check.reason}` });
    return { ...value, nationalId: raw };
  }
  const expected = value.idType === 'national_id' ? 'citizen' : 'resident';
  if (check.type !== expected) {
    ctx.addIssue({ code: 'custom', path: ['nationalId'], message: 'validation.nationalId.typeMismatch' });
  }
  return { ...value, nationalId: check.value };
}

const BeneficiaryFields = z.object({
  firstName: ArabicNamePart,
  fatherName: ArabicNamePart,
  grandfatherName: ArabicNamePart,
  familyName: ArabicNamePart,
  latinName: optionalText(120),
  idType: z.enum(ID_TYPES, { error: 'validation.invalidChoice' }),
  nationalId: z.string().nullish(),
  nationality: z.string().regex(/^[A-Z]{2}$/, { error: 'validation.invalidChoice' }),
  gender: z.enum(GENDERS, { error: 'validation.invalidChoice' }),
  birthDate: OptionalPastDate,
  phonePrimary: OptionalSaudiMobile,
  phoneSecondary: OptionalSaudiMobile,
  // An emptied choice arrives as '': no preference.
  preferredChannel: z.union([z.literal(''), z.enum(CONTACT_CHANNEL_CODES)], { error: 'validation.invalidChoice' }).nullish().transform((v) => v || null),
  governorate: optionalText(60),
  city: optionalText(60),
  address: optionalText(200),
  notes: optionalText(2000),
});

export const BeneficiaryInput = BeneficiaryFields.transform(checkIdentity);
export type BeneficiaryInputRaw = z.input<typeof BeneficiaryInput>;
export type BeneficiaryData = z.output<typeof BeneficiaryInput>;

const HouseholdMemberFields = z.object({
  fullName: requiredText(120),
  relation: z.enum(RELATIONS, { error: 'validation.invalidChoice' }),
  idType: z.enum(ID_TYPES, { error: 'validation.invalidChoice' }).default('none'),
  nationalId: z.string().nullish(),
  gender: z.enum(GENDERS, { error: 'validation.invalidChoice' }),
  birthDate: OptionalPastDate,
  isPrisoner: z.boolean().default(false),
  notes: optionalText(1000),
});
export const HouseholdMemberInput = HouseholdMemberFields.transform(checkIdentity);
export type HouseholdMemberInputRaw = z.input<typeof HouseholdMemberInput>;
export type HouseholdMemberData = z.output<typeof HouseholdMemberInput>;

export const HouseholdMember = z.object({
  id: Id,
  fullName: z.string(),
  relation: z.enum(RELATIONS),
  idType: z.enum(ID_TYPES),
  nationalId: z.string().nullable(),
  gender: z.enum(GENDERS),
  birthDate: z.string().nullable(),
  isPrisoner: z.boolean(),
  notes: z.string().nullable(),
  version: z.string(),
});

export const BeneficiarySummary = z.object({
  id: Id,
  fullName: z.string(),
  idType: z.enum(ID_TYPES),
  nationalId: z.string().nullable(),
  phonePrimary: z.string().nullable(),
  birthDate: z.string().nullable(),
  gender: z.enum(GENDERS),
  branchId: Id,
  branchName: z.string(),
  city: z.string().nullable(),
});
export type BeneficiarySummary = z.infer<typeof BeneficiarySummary>;

export const BeneficiaryProfile = z.object({
  id: Id,
  branchId: Id,
  branchName: z.string(),
  firstName: z.string(),
  fatherName: z.string(),
  grandfatherName: z.string(),
  familyName: z.string(),
  fullName: z.string(),
  latinName: z.string().nullable(),
  idType: z.enum(ID_TYPES),
  /** Masked (`1•••••••89`) unless the role's profile policy shows it clear or it was revealed. */
  nationalId: z.string().nullable(),
  /** The check-digit verdict, made on the clear value: null for passports and no ID. */
  nationalIdValid: z.boolean().nullable(),
  nationality: z.string(),
  gender: z.enum(GENDERS),
  birthDate: z.string().nullable(),
  phonePrimary: z.string().nullable(),
  phoneSecondary: z.string().nullable(),
  /** How the beneficiary asked to be reached; committee contacts and outreach calls default to it. */
  preferredChannel: z.enum(CONTACT_CHANNEL_CODES).nullable(),
  governorate: z.string().nullable(),
  city: z.string().nullable(),
  address: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  createdByName: z.string().nullable(),
  /** HLC stamp of the last write; sent back on edit to detect a concurrent change. */
  version: z.string(),
  household: z.array(HouseholdMember),
});
export type BeneficiaryProfile = z.infer<typeof BeneficiaryProfile>;

export const DuplicateCandidate = z.object({
  id: Id,
  fullName: z.string(),
  /** Null when the candidate belongs to a branch outside the user's scope. */
  nationalId: z.string().nullable(),
  phonePrimary: z.string().nullable(),
  birthDate: z.string().nullable(),
  branchName: z.string(),
  inScope: z.boolean(),
  score: z.number(),
  kind: z.enum(['duplicate', 'relative', 'none']),
  reasons: z.array(z.enum(DUPLICATE_REASONS)),
});
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;

export const FieldChange = z.object({
  field: z.string(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  changedAt: IsoDateTime,
  changedByName: z.string().nullable(),
  /** A value that lost to a concurrent edit of the same field (sync) or to a merge: old = the lost value, new = the kept one. */
  superseded: z.boolean().optional(),
  /** For a superseded value: the install that wrote it. */
  supersededDesk: z.string().optional(),
  /** For a superseded value: it lost in a merge of two records of one person (not to an edit). */
  supersededInMerge: z.boolean().optional(),
});

export const beneficiaryMethods = {
  'beneficiaries.search': defineMethod({
    input: z.object({
      query: z.string().max(100, { error: 'validation.tooLong' }),
      limit: z.number().int().min(1).max(50).default(20),
    }),
    output: z.object({ items: z.array(BeneficiarySummary) }),
    access: REGISTRY_READERS,
    writes: false,
  }),
  'beneficiaries.get': defineMethod({
    input: z.object({ id: Id }),
    output: BeneficiaryProfile,
    access: REGISTRY_READERS,
    writes: true, // every view is audited
  }),
  'beneficiaries.checkDuplicates': defineMethod({
    input: z.object({ beneficiary: BeneficiaryInput, excludeId: Id.nullish() }),
    output: z.object({ candidates: z.array(DuplicateCandidate) }),
    access: REGISTRY_WRITERS,
    writes: false,
  }),
  'beneficiaries.register': defineMethod({
    input: z.object({
      beneficiary: BeneficiaryInput,
      household: z.array(HouseholdMemberInput).max(40).default([]),
      /** Candidates the receptionist reviewed and declared to be different people. */
      confirmedDistinctFrom: z.array(Id).max(50).default([]),
    }),
    output: z.object({ id: Id }),
    access: REGISTRY_WRITERS,
    writes: true,
  }),
  'beneficiaries.update': defineMethod({
    input: z.object({
      id: Id,
      expectedVersion: z.string().min(1),
      beneficiary: BeneficiaryInput,
      confirmedDistinctFrom: z.array(Id).max(50).default([]),
    }),
    output: BeneficiaryProfile,
    access: REGISTRY_WRITERS,
    writes: true,
  }),
  'beneficiaries.history': defineMethod({
    input: z.object({ id: Id }),
    output: z.object({ changes: z.array(FieldChange) }),
    access: REGISTRY_READERS,
    writes: false,
  }),
  'beneficiaries.resolveDuplicate': defineMethod({
    input: z.object({ candidateId: Id, decision: z.literal('same_person') }),
    output: Ok,
    access: REGISTRY_WRITERS,
    writes: true,
  }),
  'household.add': defineMethod({
    input: z.object({ beneficiaryId: Id, member: HouseholdMemberInput }),
    output: HouseholdMember,
    access: REGISTRY_WRITERS,
    writes: true,
  }),
  'household.update': defineMethod({
    input: z.object({ id: Id, expectedVersion: z.string().min(1), member: HouseholdMemberInput }),
    output: HouseholdMember,
    access: REGISTRY_WRITERS,
    writes: true,
  }),
  'household.remove': defineMethod({
    input: z.object({ id: Id }),
    output: Ok,
    access: REGISTRY_WRITERS,
    writes: true,
  }),
};
