import { z } from 'zod';
import { MERGE_FIELDS } from '../domain/merge-fields';
import { defineMethod } from './define';
import { Empty, Id } from './common';

/*
 * Cross-branch duplicates and superseded values, as a desk sees them: the review queue (two records
 * of one person registered at two branches, found by head office) and the conflicts list (a value
 * that lost to a concurrent edit of the same field).
 */

export const REVIEW_STATES = ['open', 'pending', 'merged', 'distinct', 'refused'] as const;

export const ReviewRecord = z.object({
  id: Id,
  branchName: z.string(),
  /** Stored column name → value, for the fields a reviewer chooses between. */
  values: z.record(z.enum(MERGE_FIELDS), z.string().nullable()),
});

export const DuplicateReview = z.object({
  id: Id,
  reason: z.enum(['same_national_id', 'high_score']),
  score: z.number().int(),
  createdAt: z.string(),
  /** The records' values, IDs and phones masked (a list); `differing` says which fields differ, compared unmasked. */
  records: z.tuple([ReviewRecord, ReviewRecord]),
  differing: z.array(z.enum(MERGE_FIELDS)),
  /** open; pending: decided here, not yet accepted by head office; refused: another reviewer decided first. */
  state: z.enum(REVIEW_STATES),
  survivorId: z.string().nullable(),
});
export type DuplicateReview = z.infer<typeof DuplicateReview>;

export const FieldConflict = z.object({
  id: Id,
  table: z.string(),
  rowId: z.string(),
  field: z.string(),
  losingValue: z.string().nullable(),
  winningValue: z.string().nullable(),
  /** The install that wrote the losing value (the node of its stamp), who typed it (when known here), and when. */
  losingDesk: z.string(),
  losingBy: z.string().nullable(),
  losingAt: z.string(),
  currentValue: z.string().nullable(),
  /** The values are masked for IDs and phones (a list); whether the losing value is the field's value now, compared unmasked. */
  losingIsCurrent: z.boolean(),
});

const REVIEWERS = ['admin', 'manager'] as const;

export const duplicateReviewMethods = {
  'sync.reviews': defineMethod({ input: Empty, output: z.object({ reviews: z.array(DuplicateReview) }), access: [...REVIEWERS], writes: false }),
  'sync.resolveReview': defineMethod({
    input: z.object({
      reviewId: Id,
      decision: z.enum(['merge', 'distinct']),
      /** merge: the record that stays; the other becomes its alias. */
      survivorId: Id.nullable(),
      /** merge: the fields whose value is taken from the alias. */
      aliasFields: z.array(z.enum(MERGE_FIELDS)).max(MERGE_FIELDS.length),
    }),
    output: DuplicateReview,
    access: [...REVIEWERS],
    writes: true,
  }),
  'sync.conflicts': defineMethod({ input: Empty, output: z.object({ conflicts: z.array(FieldConflict) }), access: [...REVIEWERS], writes: false }),
  /** Writes the losing value again, as a new edit by this user (it then wins as the latest edit). */
  'sync.reapplyConflict': defineMethod({ input: z.object({ conflictId: Id }), output: z.object({ ok: z.literal(true) }), access: [...REVIEWERS], writes: true }),
};
