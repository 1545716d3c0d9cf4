/**
 * The in-process signal behind the board's long poll, keyed by branch. A write that may change a
 * branch's board calls `signalBoardChange`; a waiting `queue.waitForBoardChange` wakes and re-reads
 * the board's version from the store. The signal carries no data, so a rolled-back write that
 * signalled costs one extra read and nothing else; the store stays the only source of truth.
 */
type Listener = () => void;

const listeners = new Map<string, Set<Listener>>();

export function signalBoardChange(branchId: string): void {
  const set = listeners.get(branchId);
  if (!set) return;
  for (const listener of [...set]) listener();
}

export type BoardWaiter = {
  /** Resolves true when the branch is signalled, false when `timeoutMs` passes first. */
  wait(timeoutMs: number): Promise<boolean>;
  cancel(): void;
};

/**
 * Subscribes now (before the caller reads the version, so no signal falls between the read and the
 * wait) and lets the caller wait later. A signal that arrives before `wait` is kept.
 */
export function subscribeToBoard(branchId: string): BoardWaiter {
  let signalled = false;
  let wake: ((value: boolean) => void) | null = null;
  let timer: NodeJS.Timeout | null = null;
  const set = listeners.get(branchId) ?? new Set<Listener>();
  listeners.set(branchId, set);

  const cancel = () => {
    set.delete(listener);
    if (set.size === 0 && listeners.get(branchId) === set) listeners.delete(branchId);
    if (timer) clearTimeout(timer);
    timer = null;
  };
  const listener: Listener = () => {
    signalled = true;
    if (wake) {
      const resolve = wake;
      wake = null;
      cancel();
      resolve(true);
    }
  };
  set.add(listener);

  return {
    wait(timeoutMs) {
      if (signalled) {
        cancel();
        return Promise.resolve(true);
      }
      return new Promise<boolean>((resolve) => {
        wake = resolve;
        timer = setTimeout(() => {
          wake = null;
          cancel();
          resolve(false);
        }, timeoutMs);
      });
    },
    cancel,
  };
}

/** How many long polls wait on a branch (for tests and diagnostics). */
export function boardWaiterCount(branchId: string): number {
  return listeners.get(branchId)?.size ?? 0;
}
