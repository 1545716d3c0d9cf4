import { uuidv7 } from 'uuidv7';
import type { BeneficiaryData } from '../../src-shared/contract/beneficiaries';
import type { Handlers } from './handler-types';
import { DomainError } from './domain-error';
import { requireActor, scopedBranch, type Actor, type ServiceContext } from './context';
import { requireBeneficiaryInScope } from './beneficiary-access';
import { findDuplicateCandidates, unresolvedDuplicates } from './duplicates';
import { supersededValues } from './superseded-values';
import { idsOfPerson, reviewPartners } from '../store/duplicate-reviews';
import { profileView, summaryView } from './beneficiary-view';
import { insertHouseholdMember } from './household';
import { beneficiaryColumns } from './beneficiary-columns';
import { historyForRole, maskCandidate, maskSummary, profileForRole } from './beneficiary-masking';
import {
  findBeneficiary,
  findBeneficiaryByNationalId,
  listFieldHistory,
  listHousehold,
  reindexBeneficiary,
  searchBeneficiaries,
  type BeneficiaryWithBranch,
} from '../store/beneficiaries';
import { insertTravelling, updateTravelling } from '../store/row-writer';
import { findUserById } from '../store/users';

/** Matching keys are derived columns: kept out of the field history a person reads. */
const DERIVED_COLUMNS = new Set(['name_key', 'phonetic_key', 'lineage_key', 'updated_by']);

/**
 * A new ID that another record holds is refused outright; strong candidates need the receptionist's
 * decision. An edit that keeps the record's ID is not refused for it, and records a review item
 * already pairs with it are left to the reviewer: a twin made apart (another desk offline, another
 * branch) must not make the record uneditable until it is merged.
 */
async function guardAgainstDuplicates(
  ctx: ServiceContext,
  actor: Actor,
  data: BeneficiaryData,
  current: { id: string; national_id: string | null } | null,
  confirmedDistinctFrom: string[],
): Promise<string[]> {
  const excludeId = current?.id ?? null;
  if (data.nationalId && data.nationalId !== current?.national_id) {
    const holder = await findBeneficiaryByNationalId(ctx.db, data.nationalId, excludeId);
    if (holder) {
      throw new DomainError('DUPLICATE_NATIONAL_ID', 'error.duplicateNationalId', {
        fields: { 'beneficiary.nationalId': 'error.duplicateNationalId' },
        details: { existingId: holder.merged_into ?? holder.id },
      });
    }
  }
  const partners = excludeId ? await reviewPartners(ctx.db, excludeId) : new Set<string>();
  const candidates = (await findDuplicateCandidates(ctx, actor, data, excludeId)).filter((c) => !partners.has(c.id));
  const unresolved = unresolvedDuplicates(candidates, confirmedDistinctFrom);
  if (unresolved.length > 0) {
    throw new DomainError('DUPLICATE_REVIEW_REQUIRED', 'error.duplicateReviewRequired', { details: { candidates: candidates.map(maskCandidate) } });
  }
  return candidates.filter((c) => confirmedDistinctFrom.includes(c.id)).map((c) => c.id);
}

/** The record in clear: only for the edit form (an audited reveal) and, through the policy, the profile. */
export async function loadProfile(ctx: ServiceContext, row: BeneficiaryWithBranch) {
  const household = await listHousehold(ctx.db, row.id);
  const creator = row.created_by ? await findUserById(ctx.db, row.created_by) : undefined;
  return profileView(row, household, creator?.display_name ?? null);
}

export const beneficiaryHandlers = {
  'beneficiaries.search': async (ctx, input) => {
    const actor = requireActor(ctx);
    const rows = await searchBeneficiaries(ctx.db, input.query, { limit: input.limit, branchId: scopedBranch(actor) });
    return { items: rows.map((row) => maskSummary(summaryView(row))) };
  },

  'beneficiaries.get': async (ctx, input) => {
    const actor = requireActor(ctx);
    const row = await requireBeneficiaryInScope(ctx, actor, input.id);
    ctx.describe({ entity: 'beneficiary', entityId: row.id });
    return profileForRole(await loadProfile(ctx, row), actor.role);
  },

  'beneficiaries.checkDuplicates': async (ctx, input) => {
    const actor = requireActor(ctx);
    const candidates = await findDuplicateCandidates(ctx, actor, input.beneficiary, input.excludeId ?? null);
    return { candidates: candidates.map(maskCandidate) };
  },

  'beneficiaries.register': async (ctx, input) => {
    const actor = requireActor(ctx);
    const confirmed = await guardAgainstDuplicates(ctx, actor, input.beneficiary, null, input.confirmedDistinctFrom);
    const stamp = ctx.stamp();
    const id = uuidv7();
    const row = { id, branch_id: actor.branchId, ...beneficiaryColumns(input.beneficiary), created_by: actor.id, updated_by: actor.id };
    await insertTravelling(ctx.db, 'beneficiaries', row, stamp);
    for (const member of input.household) await insertHouseholdMember(ctx, id, actor.branchId, member, stamp);
    const written = await findBeneficiary(ctx.db, id);
    if (!written) throw new Error(`Beneficiary ${id} was written but cannot be read back.`);
    await reindexBeneficiary(ctx.db, written);
    ctx.describe({
      entity: 'beneficiary',
      entityId: id,
      detail: { householdMembers: input.household.length, confirmedDistinctFrom: confirmed },
    });
    return { id };
  },

  'beneficiaries.update': async (ctx, input) => {
    const actor = requireActor(ctx);
    const before = await requireBeneficiaryInScope(ctx, actor, input.id);
    if (before.hlc !== input.expectedVersion) throw new DomainError('STALE_VERSION', 'error.staleVersion');
    const confirmed = await guardAgainstDuplicates(ctx, actor, input.beneficiary, before, input.confirmedDistinctFrom);
    const changed = await updateTravelling(
      ctx.db,
      'beneficiaries',
      before,
      { ...beneficiaryColumns(input.beneficiary), updated_by: actor.id },
      ctx.stamp(),
      { history: true, hiddenFromHistory: DERIVED_COLUMNS },
    );
    const after = await findBeneficiary(ctx.db, before.id);
    if (!after) throw new Error(`Beneficiary ${before.id} vanished during its own update.`);
    if (changed.length > 0) await reindexBeneficiary(ctx.db, after);
    ctx.describe({
      entity: 'beneficiary',
      entityId: before.id,
      detail: { changed: changed.filter((c) => !DERIVED_COLUMNS.has(c)), confirmedDistinctFrom: confirmed },
    });
    return profileForRole(await loadProfile(ctx, after), actor.role);
  },

  'beneficiaries.history': async (ctx, input) => {
    const actor = requireActor(ctx);
    const person = await requireBeneficiaryInScope(ctx, actor, input.id);
    // A merged person's history joins every record's, with the values that lost (sync or merge) kept in it.
    const ids = await idsOfPerson(ctx.db, person.id);
    const rows = (await Promise.all(ids.map((id) => listFieldHistory(ctx.db, 'beneficiaries', id)))).flat();
    const superseded = await supersededValues(ctx.db, ids);
    // Sync's own note of a value that lost (no user) is the superseded entry already listed.
    const noted = new Set(superseded.map((c) => `${c.field}\u0000${c.oldValue}\u0000${c.newValue}`));
    const changes = [
      ...rows.filter((r) => r.changed_by_name !== null || !noted.has(`${r.field}\u0000${r.old_value}\u0000${r.new_value}`))
        .map((r) => ({ field: r.field, oldValue: r.old_value, newValue: r.new_value, changedAt: r.changed_at, changedByName: r.changed_by_name })),
      ...superseded,
    ].sort((a, b) => (a.changedAt < b.changedAt ? 1 : a.changedAt > b.changedAt ? -1 : 0));
    return { changes: changes.map((c) => historyForRole(c, actor.role)) };
  },

  /** "Same person → open it": recorded so the audit shows the desk chose the existing record. */
  'beneficiaries.resolveDuplicate': async (ctx, input) => {
    const actor = requireActor(ctx);
    const row = await findBeneficiary(ctx.db, input.candidateId);
    if (!row) throw new DomainError('NOT_FOUND', 'error.notFound');
    ctx.describe({ entity: 'beneficiary', entityId: row.id, detail: { decision: input.decision, inScope: scopedBranch(actor) === null || row.branch_id === actor.branchId } });
    return { ok: true as const };
  },
} satisfies Partial<Handlers>;
