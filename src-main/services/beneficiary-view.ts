import type { BeneficiaryProfile } from '../../src-shared/contract/beneficiaries';
import { preferredChannelOf } from '../../src-shared/domain/contact-channels';
import { checkNationalId } from '../../src-shared/domain/national-id';
import type { BeneficiaryWithBranch, HouseholdMemberRow } from '../store/beneficiaries';

type NameColumns = { first_name: string; father_name: string; grandfather_name: string; family_name: string };

export function fullName(row: NameColumns): string {
  return [row.first_name, row.father_name, row.grandfather_name, row.family_name].join(' ');
}

type IdType = BeneficiaryProfile['idType'];
type Gender = BeneficiaryProfile['gender'];
type Relation = BeneficiaryProfile['household'][number]['relation'];

export function householdView(row: HouseholdMemberRow) {
  return {
    id: row.id,
    fullName: row.full_name,
    relation: row.relation as Relation,
    idType: row.id_type as IdType,
    nationalId: row.national_id,
    gender: row.gender as Gender,
    birthDate: row.birth_date,
    isPrisoner: row.is_prisoner === 1,
    notes: row.notes,
    version: row.hlc,
  };
}

export function summaryView(row: BeneficiaryWithBranch) {
  return {
    id: row.id,
    fullName: fullName(row),
    idType: row.id_type as IdType,
    nationalId: row.national_id,
    phonePrimary: row.phone_primary,
    birthDate: row.birth_date,
    gender: row.gender as Gender,
    branchId: row.branch_id,
    branchName: row.branch_name,
    city: row.city,
  };
}

export function profileView(
  row: BeneficiaryWithBranch,
  household: HouseholdMemberRow[],
  createdByName: string | null,
): BeneficiaryProfile {
  return {
    id: row.id,
    branchId: row.branch_id,
    branchName: row.branch_name,
    firstName: row.first_name,
    fatherName: row.father_name,
    grandfatherName: row.grandfather_name,
    familyName: row.family_name,
    fullName: fullName(row),
    latinName: row.latin_name,
    idType: row.id_type as IdType,
    nationalId: row.national_id,
    nationalIdValid: (row.id_type === 'national_id' || row.id_type === 'iqama') && row.national_id ? checkNationalId(row.national_id).ok : null,
    nationality: row.nationality,
    gender: row.gender as Gender,
    birthDate: row.birth_date,
    phonePrimary: row.phone_primary,
    phoneSecondary: row.phone_secondary,
    preferredChannel: preferredChannelOf(row.preferred_channel),
    governorate: row.governorate,
    city: row.city,
    address: row.address,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdByName,
    version: row.hlc,
    household: household.map(householdView),
  };
}
