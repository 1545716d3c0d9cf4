import type { Store } from '../store/db';
import type { HlcClock } from '../store/hlc-clock';

/**
 * What owns an open store (the runtime) lends a restore: let go of the store file, then open it
 * again and serve the API from it. Looked up by store path, as the sync scheduler is.
 */
export type StoreHost = {
  /** From now on new calls are told to wait; resolves once the calls already running have finished. */
  quiesce(): Promise<void>;
  /** Calls are answered again (the restore was refused before anything changed). */
  resume(): void;
  /** Stops the jobs and sync on the store and closes it; calls meanwhile are told to wait. */
  release(): Promise<void>;
  /** Opens the store file again (migrating an older schema) and serves the API from it. */
  reopen(): Promise<{ store: Store; clock: HlcClock }>;
};

const hosts = new Map<string, StoreHost>();

export function registerStoreHost(storePath: string, host: StoreHost): () => void {
  hosts.set(storePath, host);
  return () => {
    if (hosts.get(storePath) === host) hosts.delete(storePath);
  };
}

export function storeHostFor(storePath: string): StoreHost | null {
  return hosts.get(storePath) ?? null;
}
