import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BackupManifest } from '../../src-shared/contract/backups';
import { appendAudit } from '../store/audit-log';
import { keepDeviceNode, readReplacedStore } from '../store/backup-copy';
import { BACKUP_STORE_FILE, copyShelves, fsyncFile } from '../store/backup-files';
import { revokeAllSessions } from '../store/sessions';
import { getSetting } from '../store/settings';
import { keepEnrolment, readEnrolment } from '../store/sync-state';
import { raiseHlcFloor, startRebuild } from '../store/sync-rebuild';
import { parseHlc } from '../../src-shared/domain/hlc';
import { BackupRefusal, inspectBackup, writeBackup } from './backup-archive';
import type { StoreHost } from './store-host';

export class PreRestoreBackupFailed extends Error {
  constructor(cause: unknown) {
    super('The current state could not be backed up; nothing was restored.', { cause });
    this.name = 'PreRestoreBackupFailed';
  }
}

export class RestoreSwapFailed extends Error {
  constructor(cause: unknown) {
    super('The backup could not be opened in place of the store; the previous store was put back.', { cause });
    this.name = 'RestoreSwapFailed';
  }
}

export type RestoreOptions = {
  storePath: string;
  key: Buffer | null;
  folder: string;
  name: string;
  appVersion: string;
  at: Date;
  host: StoreHost;
  /** The live store's branch, refused if the backup belongs to another; null when the store is unreadable. */
  homeBranchId: string | null;
  /**
   * Normal: the current store is backed up first (a restore never overwrites without that).
   * Damaged: it cannot be copied reliably, so its files are kept aside, renamed, instead.
   */
  current: 'normal' | 'damaged';
  audit: { userId: string | null; action: 'backups.restore' | 'recovery.restore'; via: 'ipc' | 'http' | 'cli' | 'job' };
};

/** `resyncing`: the desk is enrolled with head office and re-syncs from it (docs/backups.md). */
export type RestoreOutcome = { restored: BackupManifest; preRestoreBackup: string | null; keptAside: string | null; resyncing: boolean };

const STORE_FILE_SUFFIXES = ['', '-wal', '-shm'] as const;

function moveStoreFiles(from: string, to: string): void {
  for (const suffix of STORE_FILE_SUFFIXES) {
    if (existsSync(`${from}${suffix}`)) renameSync(`${from}${suffix}`, `${to}${suffix}`);
  }
}

function removeStoreFiles(path: string): void {
  for (const suffix of STORE_FILE_SUFFIXES) rmSync(`${path}${suffix}`, { force: true });
}

/**
 * Restore: check the backup whole, back up the current state, let the runtime close the store, put
 * the backup's copy and content files in place, reopen (an older schema is migrated), end every
 * session and record the restore in the audit chain. Any failure before the swap changes nothing;
 * a failure to open the restored copy puts the previous files back. An enrolled desk then re-syncs
 * from head office, its clock past every stamp the replaced store held (store/sync-rebuild.ts).
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreOutcome> {
  const dir = join(options.folder, options.name);
  const inspection = await inspectBackup(dir, options.key, options.homeBranchId);
  if (!inspection.ok) throw new BackupRefusal(inspection.problem);

  // No write may land between the pre-restore backup and the swap: it would be in neither.
  await options.host.quiesce();
  let preRestoreBackup: string | null = null;
  const stamp = options.at.toISOString().replace(/[-:.]/g, '');
  const aside = `${options.storePath}.${options.current === 'damaged' ? 'damaged' : 'replaced'}-${stamp}`;
  const incoming = `${options.storePath}.restoring`;
  try {
    if (options.current === 'normal') {
      try {
        const manifest = await writeBackup({
          storePath: options.storePath, key: options.key, folder: options.folder, kind: 'pre-restore', at: options.at, appVersion: options.appVersion,
        });
        preRestoreBackup = manifest.name;
      } catch (error) {
        throw new PreRestoreBackupFailed(error);
      }
    }
    copyFileSync(join(dir, BACKUP_STORE_FILE), incoming);
    fsyncFile(incoming);
  } catch (error) {
    rmSync(incoming, { force: true });
    options.host.resume();
    throw error;
  }

  await options.host.release();
  moveStoreFiles(options.storePath, aside);
  renameSync(incoming, options.storePath);
  copyShelves(dir, dirname(options.storePath));
  // The replaced store may hold stamps the backup does not (work sent after the backup): the clock goes
  // on after them. It also names this install, which keeps its own id whoever's backup comes back.
  const replaced = await readReplacedStore(aside, options.key);

  let reopened;
  try {
    if (replaced.deviceNode) keepDeviceNode(options.storePath, options.key, replaced.deviceNode);
    reopened = await options.host.reopen();
  } catch (error) {
    removeStoreFiles(options.storePath);
    moveStoreFiles(aside, options.storePath);
    await options.host.reopen();
    throw new RestoreSwapFailed(error);
  }

  const { store, clock } = reopened;
  const now = options.at.toISOString();
  const floor = usableStamp(replaced.highestStamp, options.at);
  if (floor) clock.observe(floor);
  const resyncing = await store.db.transaction().execute(async (trx) => {
    await revokeAllSessions(trx, now);
    if (floor) await raiseHlcFloor(trx, floor);
    // The desk stays enrolled as itself, whatever enrolment (if any) the backup had.
    if (replaced.enrolment && replaced.enrolment.branchId === (await getSetting(trx, 'home_branch_id'))) await keepEnrolment(trx, replaced.enrolment);
    // Enrolled: what this desk sent after the backup is at head office only; its pulls fetch it back.
    const enrolled = (await readEnrolment(trx)) !== null;
    if (enrolled) await startRebuild(trx, now);
    await appendAudit(trx, {
      branchId: inspection.manifest.branch?.id ?? null,
      userId: options.audit.userId,
      action: options.audit.action,
      entity: 'backup',
      entityId: null,
      detail: {
        backup: options.name,
        takenAt: inspection.manifest.takenAt,
        schemaVersion: inspection.manifest.schemaVersion,
        migrated: inspection.migrationsToApply,
        preRestoreBackup,
        via: options.audit.via,
        resyncing: enrolled,
      },
      at: now,
      hlc: clock.next(),
    });
    return enrolled;
  });
  // The previous state is safe in the verified pre-restore backup; a damaged store stays aside for inspection.
  if (options.current === 'normal') removeStoreFiles(aside);
  return { restored: inspection.manifest, preRestoreBackup, keptAside: options.current === 'damaged' ? basename(aside) : null, resyncing };
}

/** Head office refuses stamps further ahead of its clock than this (MAX_CLOCK_DRIFT_MS in headoffice/push.ts). */
const MAX_STAMP_AHEAD_MS = 24 * 3600 * 1000;

/**
 * A stamp read from the replaced (perhaps damaged) file is used only if it is one and is not so far
 * ahead that every later edit of this desk would be refused for clock skew.
 */
function usableStamp(stamp: string | null, at: Date): string | null {
  if (stamp === null) return null;
  try {
    return parseHlc(stamp).wallMs <= at.getTime() + MAX_STAMP_AHEAD_MS ? stamp : null;
  } catch {
    return null;
  }
}
