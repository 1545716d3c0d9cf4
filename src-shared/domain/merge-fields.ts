/**
 * The fields of a beneficiary a reviewer chooses between when merging two records of one person
 * (stored column names). Everything else (ids, branch, clocks, search keys) follows from these.
 */
export const MERGE_FIELDS = [
  'first_name', 'father_name', 'grandfather_name', 'family_name', 'latin_name', 'id_type', 'national_id', 'nationality',
  'gender', 'birth_date', 'phone_primary', 'phone_secondary', 'preferred_channel', 'governorate', 'city', 'address', 'notes',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

/** Name parts: choosing one of them from the other record changes the search keys too. */
export const NAME_FIELDS: ReadonlySet<MergeField> = new Set(['first_name', 'father_name', 'grandfather_name', 'family_name']);
