import type { Travelling } from './schema-travelling';

/** Row types of cross-branch duplicates, shares and superseded values (migration 0011). */

export type DuplicateReviewsTable = Travelling & {
  beneficiary_id: string;
  other_beneficiary_id: string;
  other_branch_id: string;
  reason: 'same_national_id' | 'high_score';
  score: number;
};

export type DuplicateResolutionsTable = Travelling & {
  review_id: string;
  decision: 'merge' | 'distinct';
  survivor_id: string | null;
  alias_id: string | null;
  /** JSON array of the columns whose value the survivor takes from the alias. */
  alias_fields: string;
  resolved_by: string | null;
};

export type BeneficiarySharesTable = Travelling & {
  beneficiary_id: string;
  owner_branch_id: string;
  /** Why the branch sees it: a review item, a merge, or a row of that branch naming the person (a visit, migration 0016). */
  reason: 'duplicate_review' | 'merge' | 'visit';
};

export type FieldConflictsTable = Travelling & {
  table_name: string;
  row_id: string;
  field: string;
  losing_value: string | null;
  losing_hlc: string;
  winning_value: string | null;
  winning_hlc: string;
};
