import Sqlite from 'better-sqlite3-multiple-ciphers';
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { syncFolder } from './atomic-file';
import { applyStoreKey, cipherSettings, rawKeyLiteral } from './store-key-pragma';

/**
 * Turning a plain store file into an encrypted one, once, without ever leaving half of either.
 * The plain file is only replaced by a rename, after an encrypted copy has been written, checked
 * page by page and row by row, and copied aside as the backup.
 */

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export type StoreFileState = 'absent' | 'empty' | 'plain' | 'encrypted';

/** What is on disk: a plain SQLite file starts with its format string; an encrypted one with random bytes. */
export function storeFileState(path: string): StoreFileState {
  if (path === ':memory:' || !existsSync(path)) return 'absent';
  if (statSync(path).size === 0) return 'empty';
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return head.equals(SQLITE_HEADER) ? 'plain' : 'encrypted';
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Row counts per table: the encrypted copy must hold exactly what the plain file held. */
function tableCounts(sqlite: Sqlite.Database): Record<string, number> {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as Array<{ name: string }>;
  return Object.fromEntries(
    tables.map(({ name }) => [name, (sqlite.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n]),
  );
}

function removeLeftovers(path: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}

function encryptionBackupPath(path: string, now: Date): string {
  return `${path}.before-encryption-${now.toISOString().replace(/[:.]/g, '-')}.sqlite`;
}

/**
 * Encrypts a plain store file in place with `key` (SQLCipher v4) and returns the backup's path.
 * 1. a compact copy of the plain store (VACUUM INTO, which also takes in a WAL left by a crash);
 * 2. the copy encrypted (rekey, in rollback-journal mode as sqlite3mc requires), then checked with
 *    the key: integrity_check and the same row count in every table;
 * 3. the checked copy copied aside as the backup (encrypted too: no plaintext copy stays behind);
 * 4. rename over the plain file, fsync of the folder.
 * Killed before step 4, the plain store is untouched and the next open starts again; after it, the
 * store is encrypted. Leftovers of an interrupted run are removed first.
 */
export function encryptPlainStore(path: string, key: Buffer, now: Date): string {
  const work = `${path}.encrypting`;
  removeLeftovers(work);

  const plain = new Sqlite(path, { fileMustExist: true });
  let expected: Record<string, number>;
  try {
    plain.pragma('busy_timeout = 5000');
    expected = tableCounts(plain);
    plain.prepare('VACUUM INTO ?').run(work);
  } finally {
    plain.close();
  }
  // Closing the last connection checkpoints and deletes the WAL; one still there means another process has the store open.
  if (existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0) {
    removeLeftovers(work);
    throw new Error('The store is open in another process; close it before the store can be encrypted.');
  }

  const copy = new Sqlite(work, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    cipherSettings(copy);
    copy.pragma(`rekey = ${rawKeyLiteral(key)}`);
  } finally {
    copy.close();
  }

  const check = new Sqlite(work, { fileMustExist: true });
  try {
    applyStoreKey(check, key);
    const verdict = (check.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join('; ');
    if (verdict !== 'ok') throw new Error(`The encrypted copy failed its integrity check (${verdict}); the plain store was left as it was.`);
    if (JSON.stringify(tableCounts(check)) !== JSON.stringify(expected)) {
      throw new Error('The encrypted copy does not hold the same rows as the plain store; the plain store was left as it was.');
    }
  } catch (error) {
    check.close();
    removeLeftovers(work);
    throw error;
  }
  check.close();
  fsyncFile(work);

  const backupPath = encryptionBackupPath(path, now);
  copyFileSync(work, `${backupPath}.partial`);
  fsyncFile(`${backupPath}.partial`);
  renameSync(`${backupPath}.partial`, backupPath);

  // The plain store's empty -wal/-shm must not sit beside the encrypted file: SQLite would read them as its own.
  rmSync(`${path}-wal`, { force: true });
  rmSync(`${path}-shm`, { force: true });
  renameSync(work, path);
  syncFolder(dirname(path));
  return backupPath;
}
