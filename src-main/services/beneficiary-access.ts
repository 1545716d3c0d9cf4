import { DomainError } from './domain-error';
import { scopedBranch, type Actor, type ServiceContext } from './context';
import { findBeneficiary, type BeneficiaryWithBranch } from '../store/beneficiaries';
import { isSharedWith } from '../store/duplicate-reviews';

/** A record the actor may open: it exists and lies within their branch scope. */
export async function requireBeneficiaryInScope(ctx: ServiceContext, actor: Actor, id: string): Promise<BeneficiaryWithBranch> {
  const row = await findBeneficiary(ctx.db, id);
  if (!row) throw new DomainError('NOT_FOUND', 'error.notFound');
  const branch = scopedBranch(actor);
  // A record of another branch shared with this one (the person visited, or is under review) may be opened.
  if (branch && row.branch_id !== branch && !(await isSharedWith(ctx.db, row.id, branch))) throw new DomainError('OUT_OF_SCOPE', 'error.outOfScope');
  return row;
}
