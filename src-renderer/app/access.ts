import { contract, type MethodName } from '../../src-shared/contract';
import type { SessionUser } from '../../src-shared/contract/accounts';

/** Whether the user's role may call a method; only used to hide what they cannot do (the server decides). */
export function canCall(user: SessionUser | null, method: MethodName): boolean {
  const access = contract[method].access;
  if (access === 'public') return true;
  if (user === null) return false;
  if (access === 'session') return true;
  return access.includes(user.role);
}
