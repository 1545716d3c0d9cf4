import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';

/**
 * Where and when this install backs up, and how the last scheduled backup went. Kept in a small file
 * beside the store, not in it: a damaged store must still tell recovery mode where its backups are.
 */
const BackupSettings = z.object({
  folder: z.string().nullable().default(null),
  daily: z.boolean().default(true),
  lastBackupAt: z.string().nullable().default(null),
  lastBackupName: z.string().nullable().default(null),
  lastFailure: z.string().nullable().default(null),
});
export type BackupSettings = z.infer<typeof BackupSettings>;

export const BACKUP_SETTINGS_FILE = 'backup-settings.json';

export function backupSettingsPath(storePath: string): string {
  return join(dirname(storePath), BACKUP_SETTINGS_FILE);
}

/** Backups go beside the store until the admin chooses a folder (better: another drive). */
export function defaultBackupFolder(storePath: string): string {
  return join(dirname(storePath), 'backups');
}

export function readBackupSettings(storePath: string): BackupSettings {
  const path = backupSettingsPath(storePath);
  if (!existsSync(path)) return BackupSettings.parse({});
  try {
    return BackupSettings.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    // An unreadable settings file must not stop backups: start again from the defaults.
    return BackupSettings.parse({});
  }
}

export function updateBackupSettings(storePath: string, change: Partial<BackupSettings>): BackupSettings {
  const next = { ...readBackupSettings(storePath), ...change };
  const path = backupSettingsPath(storePath);
  writeFileSync(`${path}.tmp`, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
  return next;
}

export function backupFolderOf(storePath: string, settings: BackupSettings = readBackupSettings(storePath)): string {
  return settings.folder ?? defaultBackupFolder(storePath);
}
