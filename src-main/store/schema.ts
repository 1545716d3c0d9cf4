import type { Generated } from 'kysely';

/** Row types of the case store, as Kysely sees them (snake_case columns, text timestamps, 0/1 flags). */

/** Columns every travelling row carries. */
type Travelling = {
  id: string;
  branch_id: string;
  created_at: string;
  updated_at: string;
  hlc: string;
};

export type SettingsTable = { key: string; value: string };

export type BranchesTable = Travelling & {
  code: string;
  name_ar: string;
  name_en: string | null;
  city: string | null;
  is_headquarters: number;
};

export type UsersTable = Travelling & {
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  branch_scope: string;
  active: number;
  must_change_password: number;
  failed_attempts: number;
  locked_until: string | null;
  last_login_at: string | null;
};

export type SessionsTable = {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
};

export type BeneficiariesTable = Travelling & {
  first_name: string;
  father_name: string;
  grandfather_name: string;
  family_name: string;
  latin_name: string | null;
  id_type: string;
  national_id: string | null;
  nationality: string;
  gender: string;
  birth_date: string | null;
  phone_primary: string | null;
  phone_secondary: string | null;
  governorate: string | null;
  city: string | null;
  address: string | null;
  notes: string | null;
  name_key: string;
  phonetic_key: string;
  lineage_key: string;
  created_by: string | null;
  updated_by: string | null;
};

export type HouseholdMembersTable = Travelling & {
  beneficiary_id: string;
  full_name: string;
  relation: string;
  id_type: string;
  national_id: string | null;
  gender: string;
  birth_date: string | null;
  is_prisoner: number;
  notes: string | null;
  removed_at: string | null;
};

export type FieldHistoryTable = {
  id: string;
  branch_id: string;
  table_name: string;
  row_id: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
  changed_by: string | null;
  changed_at: string;
  hlc: string;
};

export type AuditLogTable = {
  seq: Generated<number>;
  id: string;
  branch_id: string | null;
  user_id: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  detail: string | null;
  at: string;
  hlc: string;
  prev_hash: string;
  hash: string;
};

export type ChangeLogTable = {
  seq: Generated<number>;
  id: string;
  table_name: string;
  row_id: string;
  op: 'insert' | 'update' | 'delete';
  fields: string;
  hlc: string;
  branch_id: string;
  created_at: string;
  pushed_at: string | null;
};

/** FTS5, contentless; its rowid is the beneficiary's rowid (reached through sql fragments). */
export type BeneficiarySearchTable = {
  names: string;
  numbers: string;
};

export type Database = {
  settings: SettingsTable;
  branches: BranchesTable;
  users: UsersTable;
  sessions: SessionsTable;
  beneficiaries: BeneficiariesTable;
  household_members: HouseholdMembersTable;
  field_history: FieldHistoryTable;
  audit_log: AuditLogTable;
  change_log: ChangeLogTable;
  beneficiary_search: BeneficiarySearchTable;
};

/** Tables whose rows travel to head office: every write to them lands in the change log. */
export type TravellingTable = 'branches' | 'users' | 'beneficiaries' | 'household_members';
