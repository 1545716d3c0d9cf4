import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { MethodOutput, ParsedInput } from '../../src-shared/contract';
import { findCopyUser, openCopy } from '../store/backup-copy';
import { BACKUP_STORE_FILE } from '../store/backup-files';
import { backupFolderOf } from '../store/backup-settings';
import { BackupRefusal, inspectBackup } from './backup-archive';
import { restoreBackup } from './backup-restore';
import { backupErrorToDomain, listBackups } from './backups';
import { DomainError } from './domain-error';
import { UNUSABLE_HASH_FOR_TIMING, verifyPassword } from './passwords';
import type { StoreHost } from './store-host';

/**
 * Recovery mode: the store failed its start-up check, so there is no users table to sign in against.
 * The administrator proves who they are against the backup they restore: its users table must hold an
 * active administrator with that password. Whoever restores a backup thus knows an admin password of
 * the very data that comes back; the desk's launch token (browser) or the app's own window (IPC)
 * is still required at the transport, as for every call.
 */
export type RecoveryContext = { storePath: string; key: Buffer | null; appVersion: string; host: StoreHost; now: Date; transport: 'ipc' | 'http' | 'cli' | 'job' };

export function recoveryStatus(storePath: string): MethodOutput<'recovery.status'> {
  const folder = backupFolderOf(storePath);
  return { recovery: true, folder, backups: existsSync(folder) ? listBackups(folder) : [] };
}

async function adminOfBackup(dir: string, key: Buffer | null, username: string, password: string): Promise<string> {
  const copy = openCopy(join(dir, BACKUP_STORE_FILE), key);
  let user;
  try {
    user = findCopyUser(copy, username);
  } finally {
    copy.close();
  }
  const matches = await verifyPassword(password, user?.passwordHash ?? UNUSABLE_HASH_FOR_TIMING);
  if (!user || !matches || user.active !== 1 || user.role !== 'admin') throw new DomainError('INVALID_CREDENTIALS', 'recovery.notAnAdmin');
  return user.id;
}

export async function recoveryRestore(ctx: RecoveryContext, input: ParsedInput<'recovery.restore'>): Promise<MethodOutput<'recovery.restore'>> {
  const folder = backupFolderOf(ctx.storePath);
  const dir = join(folder, input.name);
  if (!existsSync(dir)) throw new DomainError('NOT_FOUND', 'backup.notFound');
  try {
    // The backup is checked whole before its users table is trusted for the password.
    const inspection = await inspectBackup(dir, ctx.key, null);
    if (!inspection.ok) throw new BackupRefusal(inspection.problem);
    const adminId = await adminOfBackup(dir, ctx.key, input.username, input.password);
    const outcome = await restoreBackup({
      storePath: ctx.storePath, key: ctx.key, folder, name: input.name, appVersion: ctx.appVersion, at: ctx.now, host: ctx.host,
      homeBranchId: null, current: 'damaged', audit: { userId: adminId, action: 'recovery.restore', via: ctx.transport },
    });
    return { restored: outcome.restored, preRestoreBackup: null };
  } catch (error) {
    if (error instanceof DomainError) throw error;
    return backupErrorToDomain(error);
  }
}
