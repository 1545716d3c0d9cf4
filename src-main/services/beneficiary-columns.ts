import type { BeneficiaryData } from '../../src-shared/contract/beneficiaries';
import { beneficiaryKeys } from '../store/beneficiary-keys';

/** A validated beneficiary → its store columns, with the matching keys derived from the name. */
export function beneficiaryColumns(data: BeneficiaryData) {
  return {
    first_name: data.firstName,
    father_name: data.fatherName,
    grandfather_name: data.grandfatherName,
    family_name: data.familyName,
    latin_name: data.latinName,
    id_type: data.idType,
    national_id: data.nationalId,
    nationality: data.nationality,
    gender: data.gender,
    birth_date: data.birthDate,
    phone_primary: data.phonePrimary,
    phone_secondary: data.phoneSecondary,
    preferred_channel: data.preferredChannel,
    governorate: data.governorate,
    city: data.city,
    address: data.address,
    notes: data.notes,
    ...beneficiaryKeys(data),
  };
}
