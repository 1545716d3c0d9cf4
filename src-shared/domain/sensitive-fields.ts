import type { Role } from './roles';

/**
 * The fields of a beneficiary that identify or reach the person and are masked unless revealed.
 * `householdNationalId` is a household member's ID (one field per member, named by its member id).
 * Prisoner details (name, relation, prison) live in the case data of a request, which no list shows.
 */
export const SENSITIVE_FIELDS = ['nationalId', 'phonePrimary', 'phoneSecondary', 'householdNationalId'] as const;
export type SensitiveField = (typeof SENSITIVE_FIELDS)[number];

export type FieldVisibility = 'clear' | 'masked';

/**
 * What each role sees on a beneficiary's profile before asking for more. Every list and search result
 * is masked for every role; this table is the profile (and the record's field history).
 *
 * | role       | profile | may reveal | why |
 * | ---------- | ------- | ---------- | --- |
 * | reception  | masked  | yes        | matches a visitor's card against the record: one audited reveal |
 * | researcher | clear   | yes        | studies the case and calls the family; reads the file whole |
 * | committee  | masked  | no         | decides on the merits; identifiers play no part in the decision |
 * | manager    | masked  | yes        | oversees; sees a person's identifiers only with a trace |
 * | admin      | masked  | yes        | keeps the system; same as a manager |
 *
 * Editing a record needs the clear values: opening the edit form is a reveal of every masked field,
 * audited as such (`beneficiaries.getForEdit`).
 */
export const PROFILE_VISIBILITY: Record<Role, FieldVisibility> = {
  reception: 'masked',
  researcher: 'clear',
  committee: 'masked',
  manager: 'masked',
  admin: 'masked',
};

/** Roles that may ask for the clear value of one field (always audited, always within branch scope). */
export const REVEAL_ROLES: readonly Role[] = ['reception', 'researcher', 'manager', 'admin'];

export function profileVisibility(role: Role): FieldVisibility {
  return PROFILE_VISIBILITY[role];
}

export function mayReveal(role: Role): boolean {
  return REVEAL_ROLES.includes(role);
}
