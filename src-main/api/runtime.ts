import { basename } from 'node:path';
import { openStore, type Store } from '../store/db';
import { sealContentFilesOnce } from '../store/content-sealing';
import { createHlcClock, type HlcClock } from '../store/hlc-clock';
import { createRouter, type Router } from './router';
import { stopScheduler } from '../sync/scheduler';
import type { Logger } from './logger';
import { startBackgroundJobs } from './background-jobs';
import { apiError } from './error-mapping';
import { createRecoveryRouter } from './recovery-router';
import { storeFileProblem } from '../store/backup-copy';
import { registerStoreHost, type StoreHost } from '../services/store-host';

/**
 * `store` and `clock` are those of the store being served: a restore closes the store and opens the
 * restored one in its place. In recovery mode (the store failed its start-up check) there is none.
 */
export type Runtime = {
  readonly store: Store;
  readonly clock: HlcClock;
  readonly router: Router;
  /** The store is damaged: only the recovery methods answer until an admin restores a backup. */
  readonly recovery: boolean;
  close(): Promise<void>;
};

type Served = { store: Store; clock: HlcClock; router: Router };

/** How long a restore waits for the calls already running to finish. */
const QUIESCE_TIMEOUT_MS = 30_000;

/** Opens the case store and builds the API on it: what every entry point (Electron, browser host, CLI) starts with. */
export async function openRuntime(options: {
  storePath: string;
  /** The store is always encrypted: the key from the keychain (Electron), a key file or the environment (store-key.ts). */
  storeKey: Buffer;
  appVersion: string;
  logger: Logger;
  now?: () => Date;
  /** The desktop app and the browser host run the install's periodic jobs; the CLI and tests don't. */
  backgroundJobs?: boolean;
  /** The desktop app and the browser host: a store that fails its start-up check opens recovery mode instead of failing. */
  recoverDamagedStore?: boolean;
}): Promise<Runtime> {
  const now = options.now ?? (() => new Date());
  const open = async (): Promise<Served> => {
    const store = await openStore(options.storePath, { key: options.storeKey });
    if (store.encryptionBackupPath) options.logger.warn({ backupFile: basename(store.encryptionBackupPath) }, 'plain store encrypted in place; encrypted backup written first');
    if (store.backupPath) options.logger.info({ backupPath: store.backupPath }, 'store backed up before migrating');
    const sealed = await sealContentFilesOnce(store, new Date());
    if (sealed && sealed.sealed + sealed.mismatched > 0) options.logger.warn(sealed, 'content files from before encryption sealed with the store key');
    const clock = await createHlcClock(store.db);
    const router = createRouter({ store, clock, appVersion: options.appVersion, logger: options.logger, now });
    return { store, clock, router };
  };

  let served: Served | null = null;
  let restoring = false;
  // Calls (and jobs) being answered: a restore waits for the others to finish before it copies the store.
  let inFlight = 0;
  const tracked = async <T>(run: () => Promise<T>): Promise<T> => {
    inFlight += 1;
    try {
      return await run();
    } finally {
      inFlight -= 1;
    }
  };
  const host: StoreHost = {
    async quiesce() {
      restoring = true;
      const deadline = Date.now() + QUIESCE_TIMEOUT_MS;
      // The restore itself is one of the calls in flight.
      while (inFlight > 1 && Date.now() < deadline) await new Promise((done) => setTimeout(done, 20));
      if (inFlight > 1) options.logger.warn({ inFlight }, 'restore goes ahead while calls are still running');
    },
    resume() {
      restoring = false;
    },
    async release() {
      restoring = true;
      if (!served) return;
      // A desk enrolled with head office has a sync scheduler running on this store: stop it first.
      await stopScheduler(served.store.path);
      await served.store.close();
      served = null;
    },
    async reopen() {
      served = await open();
      restoring = false;
      return served;
    },
  };
  const recoveryRouter = createRecoveryRouter({ storePath: options.storePath, key: options.storeKey, appVersion: options.appVersion, logger: options.logger, host, now });
  const router: Router = {
    call: (method, input, transport) => {
      if (restoring) return Promise.resolve({ ok: false, error: apiError('CONFLICT', 'error.restoring') });
      return tracked(() => (served?.router ?? recoveryRouter).call(method, input, transport));
    },
    runJob: (name, job) => (served && !restoring ? tracked(() => served!.router.runJob(name, job)) : Promise.resolve(0)),
  };

  const problem = options.recoverDamagedStore ? storeFileProblem(options.storePath, options.storeKey) : null;
  if (problem) options.logger.error({ problem }, 'the store failed its start-up check: recovery mode');
  else served = await open();
  const unregister = registerStoreHost(options.storePath, host);
  const stopJobs = options.backgroundJobs ? startBackgroundJobs(router, options.logger) : () => undefined;
  const current = (): Served => {
    if (!served) throw new Error('The store is damaged or being restored; recovery mode has no open store.');
    return served;
  };
  return {
    get store() {
      return current().store;
    },
    get clock() {
      return current().clock;
    },
    router,
    get recovery() {
      return served === null && !restoring;
    },
    close: async () => {
      stopJobs();
      unregister();
      if (!served) return;
      await stopScheduler(served.store.path);
      await served.store.close();
      served = null;
    },
  };
}
