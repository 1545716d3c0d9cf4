import { useIdleLock } from './use-idle-lock';

/** Renders nothing: the idle timer and the lock shortcut, for as long as the screen is unlocked. */
export function IdleLockWatcher() {
  useIdleLock();
  return null;
}
