import { z } from 'zod';
import {
  BeneficiaryInput,
  HouseholdMemberInput,
  type BeneficiaryProfile,
} from '../../../src-shared/contract/beneficiaries';
import { formatSaudiMobile } from '../../../src-shared/domain/phone';

/** What the form holds: everything as typed (strings), parsed by the contract on submit. */
export type BeneficiaryValues = {
  firstName: string;
  fatherName: string;
  grandfatherName: string;
  familyName: string;
  latinName: string;
  idType: string;
  nationalId: string;
  nationality: string;
  gender: string;
  birthDate: string;
  phonePrimary: string;
  phoneSecondary: string;
  preferredChannel: string;
  governorate: string;
  city: string;
  address: string;
  notes: string;
};

export type MemberValues = {
  fullName: string;
  relation: string;
  idType: string;
  nationalId: string;
  gender: string;
  birthDate: string;
  isPrisoner: boolean;
  notes: string;
};

/** Mirrors the contract's paths (`beneficiary.x`, `household.0.y`) so server errors land on fields. */
export type BeneficiaryFormValues = { beneficiary: BeneficiaryValues; household: MemberValues[] };

export const beneficiaryFormSchema = z.object({
  beneficiary: BeneficiaryInput,
  household: z.array(HouseholdMemberInput).max(40),
});
export type ParsedBeneficiaryForm = z.output<typeof beneficiaryFormSchema>;

export const EMPTY_BENEFICIARY: BeneficiaryValues = {
  firstName: '',
  fatherName: '',
  grandfatherName: '',
  familyName: '',
  latinName: '',
  idType: 'national_id',
  nationalId: '',
  nationality: 'SA',
  gender: 'male',
  birthDate: '',
  phonePrimary: '',
  phoneSecondary: '',
  preferredChannel: '',
  governorate: '',
  city: '',
  address: '',
  notes: '',
};

export const EMPTY_MEMBER: MemberValues = {
  fullName: '',
  relation: '',
  idType: 'none',
  nationalId: '',
  gender: 'male',
  birthDate: '',
  isPrisoner: false,
  notes: '',
};

/** The edit form starts from the profile, phones in their spoken form. */
export function valuesFromProfile(profile: BeneficiaryProfile): BeneficiaryValues {
  return {
    firstName: profile.firstName,
    fatherName: profile.fatherName,
    grandfatherName: profile.grandfatherName,
    familyName: profile.familyName,
    latinName: profile.latinName ?? '',
    idType: profile.idType,
    nationalId: profile.nationalId ?? '',
    nationality: profile.nationality,
    gender: profile.gender,
    birthDate: profile.birthDate ?? '',
    phonePrimary: profile.phonePrimary ? formatSaudiMobile(profile.phonePrimary) : '',
    phoneSecondary: profile.phoneSecondary ? formatSaudiMobile(profile.phoneSecondary) : '',
    preferredChannel: profile.preferredChannel ?? '',
    governorate: profile.governorate ?? '',
    city: profile.city ?? '',
    address: profile.address ?? '',
    notes: profile.notes ?? '',
  };
}

export function memberValues(member: {
  fullName: string;
  relation: string;
  idType: string;
  nationalId: string | null;
  gender: string;
  birthDate: string | null;
  isPrisoner: boolean;
  notes: string | null;
}): MemberValues {
  return {
    fullName: member.fullName,
    relation: member.relation,
    idType: member.idType,
    nationalId: member.nationalId ?? '',
    gender: member.gender,
    birthDate: member.birthDate ?? '',
    isPrisoner: member.isPrisoner,
    notes: member.notes ?? '',
  };
}
