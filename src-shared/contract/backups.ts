import { z } from 'zod';
import { defineMethod } from './define';
import { Empty } from './common';

export const BACKUP_KINDS = ['scheduled', 'manual', 'pre-restore'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** A backup's folder name inside the backups folder; the pattern keeps any path out of it. */
export const BACKUP_NAME = /^mamen-\d{8}T\d{9}Z-(scheduled|manual|pre-restore)$/;
export const BackupName = z.string().regex(BACKUP_NAME, { error: 'validation.invalidFormat' });

export const BackupCounts = z.object({
  beneficiaries: z.number().int(),
  householdMembers: z.number().int(),
  supportRequests: z.number().int(),
  interviews: z.number().int(),
  signedForms: z.number().int(),
  attachments: z.number().int(),
  contacts: z.number().int(),
  users: z.number().int(),
  auditEntries: z.number().int(),
});
export type BackupCounts = z.infer<typeof BackupCounts>;

/**
 * `manifest.json` beside each backup's store copy: what the backup holds, readable without restoring
 * it. Counts and branch names only, never a person's data.
 */
export const BackupManifest = z.object({
  format: z.literal('mamen-backup'),
  formatVersion: z.literal(1),
  name: BackupName,
  kind: z.enum(BACKUP_KINDS),
  takenAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  encrypted: z.boolean(),
  branch: z.object({ id: z.string(), code: z.string(), nameAr: z.string() }).nullable(),
  counts: BackupCounts,
  store: z.object({ bytes: z.number().int(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  content: z.object({ files: z.number().int(), bytes: z.number().int() }),
});
export type BackupManifest = z.infer<typeof BackupManifest>;

export const BACKUP_PROBLEMS = ['foreign', 'damaged', 'wrongKey', 'tooNew', 'incomplete', 'otherBranch'] as const;
export type BackupProblem = (typeof BACKUP_PROBLEMS)[number];

export const BackupEntry = z.object({
  name: BackupName,
  /** Null when the manifest could not be read: the entry is listed so the admin sees it is unusable. */
  manifest: BackupManifest.nullable(),
  totalBytes: z.number().int(),
});

export const BackupVerdict = z.object({
  name: BackupName,
  ok: z.boolean(),
  problem: z.enum(BACKUP_PROBLEMS).nullable(),
  manifest: BackupManifest.nullable(),
  /** Migrations the restore would apply to bring the backup up to this version of the app. */
  migrationsToApply: z.number().int(),
});

export const BackupStatus = z.object({
  folder: z.string(),
  /** The admin has not chosen a folder: backups go to a folder beside the store (not safe from a lost disk). */
  folderIsDefault: z.boolean(),
  folderAvailable: z.boolean(),
  daily: z.boolean(),
  lastBackupAt: z.string().nullable(),
  lastBackupName: z.string().nullable(),
  overdue: z.boolean(),
  /** Message key of the last scheduled backup's failure, cleared by the next success. */
  lastFailure: z.string().nullable(),
});

const Folder = z
  .string({ error: 'validation.required' })
  .trim()
  .min(1, { error: 'validation.required' })
  .max(500, { error: 'validation.tooLong' });

export const backupMethods = {
  'backups.status': defineMethod({ input: Empty, output: BackupStatus, access: 'session', writes: false }),
  'backups.configure': defineMethod({
    input: z.object({ folder: Folder.nullable(), daily: z.boolean() }),
    output: BackupStatus,
    access: ['admin'],
    writes: true,
  }),
  'backups.list': defineMethod({ input: Empty, output: z.array(BackupEntry), access: ['admin'], writes: false }),
  'backups.create': defineMethod({ input: Empty, output: BackupEntry, access: ['admin'], writes: true }),
  'backups.verify': defineMethod({ input: z.object({ name: BackupName }), output: BackupVerdict, access: ['admin'], writes: false }),
  /**
   * Replaces the store with the named backup after backing up the current state. Every session ends:
   * the users sign in again on the restored data.
   */
  'backups.restore': defineMethod({
    input: z.object({ name: BackupName }),
    output: z.object({ restored: BackupManifest, preRestoreBackup: z.string().nullable() }),
    access: ['admin'],
    writes: false,
  }),

  /** Recovery mode: the store could not be opened (damaged); these are the only methods that answer. */
  'recovery.status': defineMethod({
    input: Empty,
    output: z.object({ recovery: z.boolean(), folder: z.string().nullable(), backups: z.array(BackupEntry) }),
    access: 'public',
    writes: false,
  }),
  'recovery.restore': defineMethod({
    input: z.object({
      name: BackupName,
      username: z.string().trim().min(1, { error: 'validation.required' }).max(64, { error: 'validation.tooLong' }),
      password: z.string().min(1, { error: 'validation.required' }).max(200, { error: 'validation.tooLong' }),
    }),
    output: z.object({ restored: BackupManifest, preRestoreBackup: z.string().nullable() }),
    access: 'public',
    writes: false,
  }),
};
