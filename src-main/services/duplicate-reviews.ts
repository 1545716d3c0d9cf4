import { uuidv7 } from 'uuidv7';
import type { DuplicateReview } from '../../src-shared/contract/duplicate-reviews';
import { MERGE_FIELDS, NAME_FIELDS, type MergeField } from '../../src-shared/domain/merge-fields';
import { reindexBeneficiary } from '../store/beneficiaries';
import { beneficiaryKeys } from '../store/beneficiary-keys';
import { findConflict, findReview, listConflicts, listReviewsOf, reviewRecord, reviewState } from '../store/duplicate-reviews';
import { insertTravelling, updateTravelling } from '../store/row-writer';
import { requireActor, type ServiceContext } from './context';
import { maskColumnValue } from './beneficiary-masking';
import { DomainError } from './domain-error';
import type { Handlers } from './handler-types';

/**
 * The review queue and the conflicts list of the sync screen. A resolution is an immutable record
 * that travels to head office; head office accepts the first one per review and writes the merge
 * (the survivor's chosen fields, the alias pointing at it), which every desk then pulls.
 */

type ReviewRow = NonNullable<Awaited<ReturnType<typeof findReview>>>;

async function present(ctx: ServiceContext, review: ReviewRow): Promise<DuplicateReview | null> {
  const first = await reviewRecord(ctx.db, review.beneficiary_id);
  const second = await reviewRecord(ctx.db, review.other_beneficiary_id);
  // Both records arrive with the review (head office shares them); until then the item waits.
  if (!first || !second) return null;
  const { state, survivorId } = await reviewState(ctx.db, review.id);
  const differing = MERGE_FIELDS.filter((f) => (first.values[f] ?? null) !== (second.values[f] ?? null));
  // A list: a reviewer chooses which record's ID or phone stays by its branch, seeing them masked.
  const masked = (record: typeof first) => ({
    ...record, values: Object.fromEntries(Object.entries(record.values).map(([field, value]) => [field, maskColumnValue(field, value)])),
  }) as DuplicateReview['records'][0];
  return {
    id: review.id, reason: review.reason, score: review.score, createdAt: review.created_at,
    records: [masked(first), masked(second)], differing, state, survivorId,
  };
}

function requireReviewer(ctx: ServiceContext, review: ReviewRow | undefined): ReviewRow {
  const actor = requireActor(ctx);
  if (!review) throw new DomainError('NOT_FOUND', 'error.notFound');
  if (actor.branchId !== review.branch_id && actor.branchId !== review.other_branch_id) throw new DomainError('OUT_OF_SCOPE', 'error.outOfScope');
  return review;
}

export const duplicateReviewHandlers = {
  'sync.reviews': async (ctx) => {
    const actor = requireActor(ctx);
    const reviews: DuplicateReview[] = [];
    for (const review of await listReviewsOf(ctx.db, actor.branchId, 200)) {
      const shown = await present(ctx, review);
      if (shown) reviews.push(shown);
    }
    return { reviews };
  },

  'sync.resolveReview': async (ctx, input) => {
    const actor = requireActor(ctx);
    const review = requireReviewer(ctx, await findReview(ctx.db, input.reviewId));
    const { state } = await reviewState(ctx.db, review.id);
    if (state !== 'open' && state !== 'refused') throw new DomainError('CONFLICT', 'error.reviewAlreadyResolved');
    const pair = [review.beneficiary_id, review.other_beneficiary_id];
    let survivor: string | null = null;
    let alias: string | null = null;
    if (input.decision === 'merge') {
      if (!input.survivorId || !pair.includes(input.survivorId)) {
        throw new DomainError('VALIDATION', 'error.reviewSurvivorRequired', { fields: { survivorId: 'error.reviewSurvivorRequired' } });
      }
      survivor = input.survivorId;
      alias = pair.find((id) => id !== survivor) ?? null;
    }
    const id = uuidv7();
    await insertTravelling(ctx.db, 'duplicate_resolutions', {
      id, branch_id: actor.branchId, review_id: review.id, decision: input.decision, survivor_id: survivor, alias_id: alias,
      alias_fields: JSON.stringify(input.decision === 'merge' ? [...new Set(input.aliasFields)] : []), resolved_by: actor.id,
    }, ctx.stamp());
    ctx.describe({ entity: 'duplicate_review', entityId: review.id, detail: { decision: input.decision, survivorId: survivor, aliasId: alias, aliasFields: input.aliasFields } });
    const shown = await present(ctx, review);
    if (!shown) throw new DomainError('NOT_FOUND', 'error.notFound');
    return shown;
  },

  'sync.conflicts': async (ctx) => ({
    conflicts: (await listConflicts(ctx.db, 200)).map((c) => ({
      ...c, losingIsCurrent: c.currentValue === c.losingValue,
      losingValue: maskColumnValue(c.field, c.losingValue), winningValue: maskColumnValue(c.field, c.winningValue), currentValue: maskColumnValue(c.field, c.currentValue),
    })),
  }),

  'sync.reapplyConflict': async (ctx, input) => {
    const actor = requireActor(ctx);
    const conflict = await findConflict(ctx.db, input.conflictId);
    if (!conflict) throw new DomainError('NOT_FOUND', 'error.notFound');
    const field = conflict.field as MergeField;
    if (conflict.table_name !== 'beneficiaries' || !(MERGE_FIELDS as readonly string[]).includes(field)) throw new DomainError('BAD_REQUEST', 'error.conflictNotReapplicable');
    const before = await ctx.db.selectFrom('beneficiaries').selectAll().where('id', '=', conflict.row_id).executeTakeFirst();
    if (!before) throw new DomainError('NOT_FOUND', 'error.notFound');
    // A record of another branch is written by that branch only (head office refuses the change).
    if (before.branch_id !== actor.branchId) throw new DomainError('OUT_OF_SCOPE', 'error.outOfScope');
    const after = { ...before, [field]: conflict.losing_value, updated_by: actor.id };
    if (NAME_FIELDS.has(field)) {
      Object.assign(after, beneficiaryKeys({ firstName: after.first_name, fatherName: after.father_name, grandfatherName: after.grandfather_name, familyName: after.family_name }));
    }
    const changed = await updateTravelling(ctx.db, 'beneficiaries', before, after, { ...ctx.stamp(), userId: actor.id }, { history: true });
    if (changed.length > 0) await reindexBeneficiary(ctx.db, { ...before, ...after });
    ctx.describe({ entity: 'beneficiary', entityId: before.id, detail: { reappliedConflict: conflict.id, field } });
    return { ok: true as const };
  },
} satisfies Partial<Handlers>;
