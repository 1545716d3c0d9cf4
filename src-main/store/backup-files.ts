import { createHash } from 'node:crypto';
import {
  closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, renameSync, rmSync,
  statSync, writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { BACKUP_NAME, BackupManifest, type BackupKind } from '../../src-shared/contract/backups';
import type { ContentShelf } from './content-files';

/**
 * A backup on disk is one folder inside the backups folder, named `mamen-<UTC stamp>-<kind>`:
 *   mamen.sqlite      the store snapshot (encrypted with the store's key when the store is)
 *   manifest.json     what it holds (counts, versions, hash), readable without restoring
 *   attachments/ forms/ knowledge-files/   the content-addressed files, laid out as beside the store
 * It is written as `<name>.partial` and renamed only once verified, so a half-written backup never
 * looks like a backup.
 */
export const BACKUP_STORE_FILE = 'mamen.sqlite';
export const BACKUP_MANIFEST_FILE = 'manifest.json';
export const CONTENT_SHELVES: readonly ContentShelf[] = ['attachments', 'forms', 'knowledge-files'];
const PARTIAL_SUFFIX = '.partial';

export function backupName(kind: BackupKind, at: Date): string {
  return `mamen-${at.toISOString().replace(/[-:.]/g, '')}-${kind}`;
}

export function partialDir(folder: string, name: string): string {
  return join(folder, `${name}${PARTIAL_SUFFIX}`);
}

export function writeManifest(dir: string, manifest: BackupManifest): void {
  writeDurably(join(dir, BACKUP_MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** The manifest, or null when it is missing or not ours. */
export function readManifest(dir: string): BackupManifest | null {
  try {
    const parsed = BackupManifest.safeParse(JSON.parse(readFileSync(join(dir, BACKUP_MANIFEST_FILE), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Completed backups in a folder, newest first (the name sorts by time). */
export function listBackupNames(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && BACKUP_NAME.test(entry.name))
    .map((entry) => entry.name)
    .sort()
    .reverse();
}

/** Leftovers of backups interrupted half-way (power cut, drive pulled out). */
export function removePartialBackups(folder: string): void {
  if (!existsSync(folder)) return;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name.endsWith(PARTIAL_SUFFIX) && BACKUP_NAME.test(entry.name.slice(0, -PARTIAL_SUFFIX.length))) {
      rmSync(join(folder, entry.name), { recursive: true, force: true });
    }
  }
}

export function removeBackup(folder: string, name: string): void {
  if (!BACKUP_NAME.test(name)) throw new Error('Not a backup name');
  rmSync(join(folder, name), { recursive: true, force: true });
}

/** Makes a verified backup visible under its final name. */
export function publishBackup(folder: string, name: string): void {
  renameSync(partialDir(folder, name), join(folder, name));
}

export function fileSha256(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.alloc(1 << 20);
    for (;;) {
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      hash.update(chunk.subarray(0, read));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function writeDurably(path: string, text: string): void {
  const temp = `${path}.tmp`;
  writeFileSync(temp, text);
  fsyncFile(temp);
  renameSync(temp, path);
}

function* shelfFiles(root: string): Generator<{ relative: string; bytes: number }> {
  for (const shelf of CONTENT_SHELVES) {
    const shelfDir = join(root, shelf);
    if (!existsSync(shelfDir)) continue;
    for (const fan of readdirSync(shelfDir, { withFileTypes: true })) {
      if (!fan.isDirectory()) continue;
      for (const file of readdirSync(join(shelfDir, fan.name), { withFileTypes: true })) {
        if (!file.isFile() || file.name.endsWith('.tmp')) continue;
        const relative = join(shelf, fan.name, file.name);
        yield { relative, bytes: statSync(join(root, relative)).size };
      }
    }
  }
}

export type ShelfTotals = { files: number; bytes: number };

export function countShelfFiles(root: string): ShelfTotals {
  const totals = { files: 0, bytes: 0 };
  for (const file of shelfFiles(root)) {
    totals.files += 1;
    totals.bytes += file.bytes;
  }
  return totals;
}

/**
 * Copies the content files from one folder's shelves to another's, skipping files already there:
 * they are named by their content, so a file of the same name holds the same bytes.
 */
export function copyShelves(fromRoot: string, toRoot: string): ShelfTotals {
  const totals = { files: 0, bytes: 0 };
  for (const file of shelfFiles(fromRoot)) {
    const target = join(toRoot, file.relative);
    if (existsSync(target)) continue;
    mkdirSync(dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.tmp`;
    copyFileSync(join(fromRoot, file.relative), temp);
    fsyncFile(temp);
    renameSync(temp, target);
    totals.files += 1;
    totals.bytes += file.bytes;
  }
  return totals;
}

export function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(path) : statSync(path).size;
  }
  return total;
}
