import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { MethodOutput } from '../../src-shared/contract';
import type { BackupManifest, BackupProblem } from '../../src-shared/contract/backups';
import { isBackupDue, isBackupOverdue } from '../../src-shared/domain/backup-rotation';
import type { MessageKey } from '../../src-shared/i18n/error-messages';
import { folderBytes, listBackupNames, readManifest } from '../store/backup-files';
import { backupFolderOf, defaultBackupFolder, readBackupSettings, updateBackupSettings } from '../store/backup-settings';
import { getSetting } from '../store/settings';
import { BackupRefusal, inspectBackup, rotateBackups, writeBackup } from './backup-archive';
import { PreRestoreBackupFailed, restoreBackup, RestoreSwapFailed } from './backup-restore';
import type { ServiceContext } from './context';
import { requireActor } from './context';
import { DomainError } from './domain-error';
import type { Handlers } from './handler-types';
import { storeHostFor } from './store-host';

export const PROBLEM_MESSAGES: Readonly<Record<BackupProblem, MessageKey>> = {
  foreign: 'backup.foreign',
  damaged: 'backup.damaged',
  wrongKey: 'backup.wrongKey',
  tooNew: 'backup.tooNew',
  incomplete: 'backup.incomplete',
  otherBranch: 'backup.otherBranch',
};

function backupStatus(storePath: string, now: Date): MethodOutput<'backups.status'> {
  const settings = readBackupSettings(storePath);
  const folder = backupFolderOf(storePath, settings);
  return {
    folder,
    folderIsDefault: settings.folder === null,
    // The folder beside the store is made when needed; a chosen one (a USB drive) must be there.
    folderAvailable: settings.folder === null || existsSync(folder),
    daily: settings.daily,
    lastBackupAt: settings.lastBackupAt,
    lastBackupName: settings.lastBackupName,
    overdue: isBackupOverdue(settings.lastBackupAt, now),
    lastFailure: settings.lastFailure,
  };
}

/** The backups folder, made when it is the default one; a chosen folder that is missing is refused. */
function usableFolder(storePath: string): string {
  const settings = readBackupSettings(storePath);
  if (settings.folder === null) {
    const folder = defaultBackupFolder(storePath);
    mkdirSync(folder, { recursive: true });
    return folder;
  }
  if (!existsSync(settings.folder)) throw new DomainError('CONFLICT', 'backup.folderMissing');
  return settings.folder;
}

function refuseFolder(key: MessageKey): never {
  throw new DomainError('VALIDATION', key, { fields: { folder: key } });
}

function checkChosenFolder(folder: string): void {
  if (!isAbsolute(folder)) refuseFolder('backup.folderNotAbsolute');
  if (!existsSync(folder) || !statSync(folder).isDirectory()) refuseFolder('backup.folderMissing');
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    refuseFolder('backup.folderNotWritable');
  }
}

/** Writes a backup of the live store, rotates the folder and remembers it as the last one. */
async function backUp(ctx: ServiceContext, kind: 'scheduled' | 'manual'): Promise<BackupManifest> {
  const folder = usableFolder(ctx.store.path);
  let manifest: BackupManifest;
  try {
    manifest = await writeBackup({ storePath: ctx.store.path, key: ctx.store.key, folder, kind, at: ctx.now, appVersion: ctx.appVersion });
  } catch (error) {
    if (error instanceof BackupRefusal) throw new DomainError('CONFLICT', 'backup.sourceDamaged');
    throw new DomainError('CONFLICT', 'backup.writeFailed');
  }
  rotateBackups(folder);
  updateBackupSettings(ctx.store.path, { lastBackupAt: manifest.takenAt, lastBackupName: manifest.name, lastFailure: null });
  return manifest;
}

/** The daily job: one scheduled backup per day; a missing drive is remembered and shown, not thrown. */
export async function scheduledBackup(ctx: ServiceContext): Promise<number> {
  const settings = readBackupSettings(ctx.store.path);
  if (!settings.daily || !isBackupDue(settings.lastBackupAt, ctx.now)) return 0;
  // A new install that nobody has set up yet holds nothing to keep.
  if ((await getSetting(ctx.db, 'initialised_at')) === null) return 0;
  try {
    await backUp(ctx, 'scheduled');
    return 1;
  } catch (error) {
    updateBackupSettings(ctx.store.path, { lastFailure: error instanceof DomainError ? error.messageKey : 'backup.writeFailed' });
    return 0;
  }
}

export function backupErrorToDomain(error: unknown): never {
  if (error instanceof BackupRefusal) throw new DomainError('CONFLICT', PROBLEM_MESSAGES[error.problem]);
  if (error instanceof PreRestoreBackupFailed) throw new DomainError('CONFLICT', 'backup.preRestoreFailed');
  if (error instanceof RestoreSwapFailed) throw new DomainError('CONFLICT', 'backup.restoreFailed');
  throw error;
}

export function listBackups(folder: string) {
  return listBackupNames(folder).map((name) => ({ name, manifest: readManifest(join(folder, name)), totalBytes: folderBytes(join(folder, name)) }));
}

export const backupHandlers = {
  'backups.status': async (ctx) => backupStatus(ctx.store.path, ctx.now),

  'backups.configure': async (ctx, input) => {
    if (input.folder !== null) checkChosenFolder(input.folder);
    updateBackupSettings(ctx.store.path, { folder: input.folder, daily: input.daily });
    // The path may name a person's account folder: the audit keeps only what changed in kind.
    ctx.describe({ entity: 'backup_settings', entityId: null, detail: { folderIsDefault: input.folder === null, daily: input.daily } });
    return backupStatus(ctx.store.path, ctx.now);
  },

  'backups.list': async (ctx) => {
    const folder = backupFolderOf(ctx.store.path);
    if (!existsSync(folder)) return [];
    return listBackups(folder);
  },

  'backups.create': async (ctx) => {
    const manifest = await backUp(ctx, 'manual');
    const folder = backupFolderOf(ctx.store.path);
    ctx.describe({ entity: 'backup', entityId: null, detail: { backup: manifest.name, kind: manifest.kind, bytes: manifest.store.bytes } });
    return { name: manifest.name, manifest, totalBytes: folderBytes(join(folder, manifest.name)) };
  },

  'backups.verify': async (ctx, input) => {
    const folder = backupFolderOf(ctx.store.path);
    if (!existsSync(join(folder, input.name))) throw new DomainError('NOT_FOUND', 'backup.notFound');
    const inspection = await inspectBackup(join(folder, input.name), ctx.store.key, await getSetting(ctx.db, 'home_branch_id'));
    return inspection.ok
      ? { name: input.name, ok: true, problem: null, manifest: inspection.manifest, migrationsToApply: inspection.migrationsToApply }
      : { name: input.name, ok: false, problem: inspection.problem, manifest: inspection.manifest, migrationsToApply: 0 };
  },

  'backups.restore': async (ctx, input) => {
    const actor = requireActor(ctx);
    const folder = backupFolderOf(ctx.store.path);
    if (!existsSync(join(folder, input.name))) throw new DomainError('NOT_FOUND', 'backup.notFound');
    const host = storeHostFor(ctx.store.path);
    if (!host) throw new DomainError('CONFLICT', 'backup.restoreUnavailable');
    const homeBranchId = await getSetting(ctx.db, 'home_branch_id');
    try {
      const outcome = await restoreBackup({
        storePath: ctx.store.path, key: ctx.store.key, folder, name: input.name, appVersion: ctx.appVersion, at: ctx.now, host, homeBranchId,
        current: 'normal', audit: { userId: actor.id, action: 'backups.restore', via: ctx.transport },
      });
      // The caller's own session ended with the others: the browser forgets its cookie too.
      ctx.setSessionToken(null);
      return { restored: outcome.restored, preRestoreBackup: outcome.preRestoreBackup };
    } catch (error) {
      return backupErrorToDomain(error);
    }
  },

  'recovery.status': async () => ({ recovery: false, folder: null, backups: [] }),
  'recovery.restore': async () => {
    throw new DomainError('CONFLICT', 'recovery.notNeeded');
  },
} satisfies Partial<Handlers>;
