import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BackupKind, BackupManifest, BackupProblem } from '../../src-shared/contract/backups';
import { planRotation } from '../../src-shared/domain/backup-rotation';
import {
  checkPages, copySchema, copyAuditChainIntact, countRows, homeBranch, openCopy, snapshotStore, StoreCopyError,
} from '../store/backup-copy';
import {
  BACKUP_STORE_FILE, backupName, copyShelves, countShelfFiles, fileSha256, fsyncFile, listBackupNames, partialDir, publishBackup,
  readManifest, removeBackup, removePartialBackups, writeManifest,
} from '../store/backup-files';

/**
 * Writing, checking and rotating backups: plain functions of paths and the store key, used alike by
 * the API, the scheduled job, the restore, recovery mode and the command line.
 */
export class BackupRefusal extends Error {
  constructor(readonly problem: BackupProblem) {
    super(`backup refused: ${problem}`);
    this.name = 'BackupRefusal';
  }
}

type CopyFacts = Pick<BackupManifest, 'schemaVersion' | 'encrypted' | 'branch' | 'counts'>;

/** Opens a store copy with the key and checks it whole: pages, schema, audit chain. Throws a refusal. */
async function examineCopy(path: string, key: Buffer | null): Promise<{ facts: CopyFacts; migrationsToApply: number }> {
  let copy;
  try {
    copy = openCopy(path, key);
  } catch (error) {
    if (error instanceof StoreCopyError) throw new BackupRefusal(error.problem);
    throw new BackupRefusal('damaged');
  }
  try {
    if (checkPages(copy, 'integrity_check') !== 'ok') throw new BackupRefusal('damaged');
    const schema = copySchema(copy);
    if (schema.problem) throw new BackupRefusal(schema.problem);
    if (!(await copyAuditChainIntact(copy))) throw new BackupRefusal('damaged');
    return {
      facts: { schemaVersion: schema.applied, encrypted: key !== null, branch: homeBranch(copy), counts: countRows(copy) },
      migrationsToApply: schema.toApply,
    };
  } catch (error) {
    if (error instanceof BackupRefusal) throw error;
    // A page that reads as garbage half-way through the audit walk, a table that is not ours…
    throw new BackupRefusal('damaged');
  } finally {
    copy.close();
  }
}

export type WriteBackupOptions = {
  storePath: string;
  key: Buffer | null;
  folder: string;
  kind: BackupKind;
  at: Date;
  appVersion: string;
};

/**
 * Snapshot, content files, full check of the copy, manifest, then the rename that makes it a backup.
 * The database is copied before the content files: every file a copied row names was written before
 * that row committed, so it is on the shelves by then.
 */
export async function writeBackup(options: WriteBackupOptions): Promise<BackupManifest> {
  const name = backupName(options.kind, options.at);
  const dir = partialDir(options.folder, name);
  removePartialBackups(options.folder);
  mkdirSync(dir, { recursive: true });
  try {
    const storeCopy = join(dir, BACKUP_STORE_FILE);
    snapshotStore(options.storePath, options.key, storeCopy);
    fsyncFile(storeCopy);
    const content = copyShelves(dirname(options.storePath), dir);
    const { facts } = await examineCopy(storeCopy, options.key);
    const manifest: BackupManifest = {
      format: 'mamen-backup',
      formatVersion: 1,
      name,
      kind: options.kind,
      takenAt: options.at.toISOString(),
      appVersion: options.appVersion,
      ...facts,
      store: { bytes: statSync(storeCopy).size, sha256: fileSha256(storeCopy) },
      content,
    };
    writeManifest(dir, manifest);
    publishBackup(options.folder, name);
    return manifest;
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

export type BackupInspection =
  | { ok: true; manifest: BackupManifest; migrationsToApply: number }
  | { ok: false; problem: BackupProblem; manifest: BackupManifest | null };

/**
 * Everything a restore relies on, checked on the backup as it lies in its folder: its manifest, the
 * hash of its store copy, the copy itself (key, pages, schema, audit chain), its content files, and
 * that it belongs to this install's branch (when the current store still knows which that is).
 */
export async function inspectBackup(dir: string, key: Buffer | null, homeBranchId: string | null): Promise<BackupInspection> {
  const manifest = readManifest(dir);
  if (!manifest) return { ok: false, problem: 'foreign', manifest: null };
  const storeCopy = join(dir, BACKUP_STORE_FILE);
  if (!existsSync(storeCopy) || statSync(storeCopy).size !== manifest.store.bytes || fileSha256(storeCopy) !== manifest.store.sha256) {
    return { ok: false, problem: 'damaged', manifest };
  }
  try {
    const { facts, migrationsToApply } = await examineCopy(storeCopy, key);
    if (countShelfFiles(dir).files < manifest.content.files) return { ok: false, problem: 'incomplete', manifest };
    if (homeBranchId && facts.branch && facts.branch.id !== homeBranchId) return { ok: false, problem: 'otherBranch', manifest };
    return { ok: true, manifest, migrationsToApply };
  } catch (error) {
    if (error instanceof BackupRefusal) return { ok: false, problem: error.problem, manifest };
    throw error;
  }
}

/** Applies the rotation rule to the scheduled and manual backups; pre-restore copies stay until the admin removes them. */
export function rotateBackups(folder: string): string[] {
  const rotated = listBackupNames(folder)
    .map((name) => readManifest(join(folder, name)))
    .filter((manifest): manifest is BackupManifest => manifest !== null && manifest.kind !== 'pre-restore');
  const plan = planRotation(rotated.map((m) => ({ name: m.name, takenAt: m.takenAt })));
  for (const name of plan.remove) removeBackup(folder, name);
  return plan.remove;
}
