import type { BeneficiaryProfile, BeneficiarySummary, DuplicateCandidate } from '../../src-shared/contract/beneficiaries';
import { maskNationalId, maskNullable, maskPhone } from '../../src-shared/domain/masking';
import { profileVisibility } from '../../src-shared/domain/sensitive-fields';
import type { Role } from '../../src-shared/domain/roles';

/** Lists and search results: masked for every role, whatever the profile policy says. */
export function maskSummary(summary: BeneficiarySummary): BeneficiarySummary {
  return {
    ...summary,
    nationalId: maskNullable(summary.nationalId, maskNationalId),
    phonePrimary: maskNullable(summary.phonePrimary, maskPhone),
  };
}

/** The duplicate warning compares in the service on clear values; what it shows is masked. */
export function maskCandidate(candidate: DuplicateCandidate): DuplicateCandidate {
  return {
    ...candidate,
    nationalId: maskNullable(candidate.nationalId, maskNationalId),
    phonePrimary: maskNullable(candidate.phonePrimary, maskPhone),
  };
}

type Member = BeneficiaryProfile['household'][number];

export function maskMember(member: Member): Member {
  return { ...member, nationalId: maskNullable(member.nationalId, maskNationalId) };
}

export function memberForRole(member: Member, role: Role): Member {
  return profileVisibility(role) === 'clear' ? member : maskMember(member);
}

/** A profile as the role's policy shows it (see PROFILE_VISIBILITY). */
export function profileForRole(profile: BeneficiaryProfile, role: Role): BeneficiaryProfile {
  if (profileVisibility(role) === 'clear') return profile;
  return {
    ...profile,
    nationalId: maskNullable(profile.nationalId, maskNationalId),
    phonePrimary: maskNullable(profile.phonePrimary, maskPhone),
    phoneSecondary: maskNullable(profile.phoneSecondary, maskPhone),
    household: profile.household.map(maskMember),
  };
}

const COLUMN_MASKS: Record<string, (value: string) => string> = {
  national_id: maskNationalId,
  phone_primary: maskPhone,
  phone_secondary: maskPhone,
};

/** A stored column's value as a list shows it: an ID or a phone masked, anything else as it is. */
export function maskColumnValue(column: string, value: string | null): string | null {
  const mask = COLUMN_MASKS[column];
  return mask ? maskNullable(value, mask) : value;
}

type Change = { field: string; oldValue: string | null; newValue: string | null };

/** The record's field history follows the profile policy: an old ID is as sensitive as the current one. */
export function historyForRole<C extends Change>(change: C, role: Role): C {
  if (profileVisibility(role) === 'clear') return change;
  return { ...change, oldValue: maskColumnValue(change.field, change.oldValue), newValue: maskColumnValue(change.field, change.newValue) };
}
