/** Staff roles, stored as these stable English codes and shown in Arabic through i18n. */
export const ROLES = ['reception', 'researcher', 'committee', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** 'own' limits a user to the records of their branch; 'all' is for head-office staff. */
export const BRANCH_SCOPES = ['own', 'all'] as const;
export type BranchScope = (typeof BRANCH_SCOPES)[number];

/** Roles that may work the registry at a desk (register and edit beneficiaries). */
export const REGISTRY_WRITERS: readonly Role[] = ['reception', 'researcher', 'manager', 'admin'];
/** Every role may look a beneficiary up. */
export const REGISTRY_READERS: readonly Role[] = ROLES;
