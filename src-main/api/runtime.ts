import { basename } from 'node:path';
import { openStore, type Store } from '../store/db';
import { sealContentFilesOnce } from '../store/content-sealing';
import { createHlcClock, type HlcClock } from '../store/hlc-clock';
import { createRouter, type Router } from './router';
import { stopScheduler } from '../sync/scheduler';
import type { Logger } from './logger';
import { startBackgroundJobs } from './background-jobs';

export type Runtime = { store: Store; clock: HlcClock; router: Router; close(): Promise<void> };

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
}): Promise<Runtime> {
  const store = await openStore(options.storePath, { key: options.storeKey });
  if (store.encryptionBackupPath) options.logger.warn({ backupFile: basename(store.encryptionBackupPath) }, 'plain store encrypted in place; encrypted backup written first');
  if (store.backupPath) options.logger.info({ backupPath: store.backupPath }, 'store backed up before migrating');
  const sealed = await sealContentFilesOnce(store, new Date());
  if (sealed && sealed.sealed + sealed.mismatched > 0) options.logger.warn(sealed, 'content files from before encryption sealed with the store key');
  const clock = await createHlcClock(store.db);
  const router = createRouter({ store, clock, appVersion: options.appVersion, logger: options.logger, ...(options.now ? { now: options.now } : {}) });
  const stopJobs = options.backgroundJobs ? startBackgroundJobs(router, options.logger) : () => undefined;
  return {
    store,
    clock,
    router,
    close: async () => {
      stopJobs();
      // A desk enrolled with head office has a sync scheduler running on this store: stop it first.
      stopScheduler(store.path);
      await store.close();
    },
  };
}
