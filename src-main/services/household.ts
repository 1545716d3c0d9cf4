import { uuidv7 } from 'uuidv7';
import type { HouseholdMemberData } from '../../src-shared/contract/beneficiaries';
import type { Handlers } from './handler-types';
import { DomainError } from './domain-error';
import { requireActor, type ServiceContext } from './context';
import { householdView } from './beneficiary-view';
import { memberForRole } from './beneficiary-masking';
import { requireBeneficiaryInScope } from './beneficiary-access';
import { findHouseholdMember } from '../store/beneficiaries';
import { insertTravelling, updateTravelling, type WriteStamp } from '../store/row-writer';

function columnsOf(member: HouseholdMemberData) {
  return {
    full_name: member.fullName,
    relation: member.relation,
    id_type: member.idType,
    national_id: member.nationalId,
    gender: member.gender,
    birth_date: member.birthDate,
    is_prisoner: member.isPrisoner ? 1 : 0,
    notes: member.notes,
  };
}

export async function insertHouseholdMember(
  ctx: ServiceContext,
  beneficiaryId: string,
  branchId: string,
  member: HouseholdMemberData,
  stamp: WriteStamp,
): Promise<string> {
  const id = uuidv7();
  await insertTravelling(
    ctx.db,
    'household_members',
    { id, branch_id: branchId, beneficiary_id: beneficiaryId, ...columnsOf(member), removed_at: null },
    stamp,
  );
  return id;
}

async function requireMemberInScope(ctx: ServiceContext, id: string) {
  const member = await findHouseholdMember(ctx.db, id);
  if (!member || member.removed_at) throw new DomainError('NOT_FOUND', 'error.notFound');
  await requireBeneficiaryInScope(ctx, requireActor(ctx), member.beneficiary_id);
  return member;
}

async function reread(ctx: ServiceContext, id: string) {
  const row = await findHouseholdMember(ctx.db, id);
  if (!row) throw new Error(`Household member ${id} was written but cannot be read back.`);
  return memberForRole(householdView(row), requireActor(ctx).role);
}

export const householdHandlers = {
  'household.add': async (ctx, input) => {
    const actor = requireActor(ctx);
    const beneficiary = await requireBeneficiaryInScope(ctx, actor, input.beneficiaryId);
    // The member is the writing branch's row: a desk pushes only its own branch's rows, so a member added
    // to another branch's shared record (a visit) travels as the visited branch's, naming that person.
    const id = await insertHouseholdMember(ctx, beneficiary.id, actor.branchId, input.member, ctx.stamp());
    ctx.describe({ entity: 'household_member', entityId: id, detail: { beneficiaryId: beneficiary.id } });
    return reread(ctx, id);
  },

  'household.update': async (ctx, input) => {
    const member = await requireMemberInScope(ctx, input.id);
    if (member.hlc !== input.expectedVersion) throw new DomainError('STALE_VERSION', 'error.staleVersion');
    const changed = await updateTravelling(ctx.db, 'household_members', member, columnsOf(input.member), ctx.stamp(), { history: true });
    ctx.describe({ entity: 'household_member', entityId: member.id, detail: { beneficiaryId: member.beneficiary_id, changed } });
    return reread(ctx, member.id);
  },

  /** Removal is a stamped update (removed_at), so it travels like any other change and can be reviewed. */
  'household.remove': async (ctx, input) => {
    const member = await requireMemberInScope(ctx, input.id);
    await updateTravelling(ctx.db, 'household_members', member, { removed_at: ctx.now.toISOString() }, ctx.stamp(), { history: true });
    ctx.describe({ entity: 'household_member', entityId: member.id, detail: { beneficiaryId: member.beneficiary_id } });
    return { ok: true as const };
  },
} satisfies Partial<Handlers>;
