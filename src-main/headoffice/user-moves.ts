import type { Change } from '../store/change-apply';
import type { HeadOfficeWriter } from './head-office-writes';

/**
 * A staff member moved to another branch (an administrator changed their branch): the user's row
 * travels within a branch, so the new branch's desks would never receive it, and the person could
 * not sign in there. Its logged history is copied to the new branch, in order, whose desks then hold
 * the same row. The old branch's desks keep it as it now is: of another branch.
 */
export async function followMovedUsers(writer: HeadOfficeWriter, logged: readonly Change[]): Promise<void> {
  const moved = new Map<string, string>();
  for (const change of logged) {
    const to = change.fields.branch_id;
    if (change.table_name === 'users' && change.op === 'update' && typeof to === 'string' && to !== change.branch_id) moved.set(change.row_id, to);
  }
  for (const [userId, branch] of moved) await writer.copyHistory('users', userId, branch);
}
