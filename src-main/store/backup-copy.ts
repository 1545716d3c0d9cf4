import Sqlite from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import type { BackupCounts } from '../../src-shared/contract/backups';
import { MIGRATIONS } from '../../migrations';
import { applyStoreKey } from './db';
import { verifyAuditChain } from './audit-log';
import type { Database } from './schema';
import { HLC_FLOOR_KEY } from './sync-rebuild';
import { readEnrolment, type Enrolment } from './sync-state';
import { chooseSignInUser } from './users';

/**
 * SQL on a store copy (a backup, or the store file itself before it is opened): the snapshot, the
 * checks and the counts a backup's manifest carries. Copies are opened read-only with the store's key.
 */

/** Why a copy cannot be used. `wrongKey` also covers a plain file opened with a key and the reverse. */
export class StoreCopyError extends Error {
  constructor(readonly problem: 'foreign' | 'damaged' | 'wrongKey' | 'tooNew', detail: string) {
    super(`${problem}: ${detail}`);
    this.name = 'StoreCopyError';
  }
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function quoted(path: string): string {
  return `'${path.replace(/'/g, "''")}'`;
}

/**
 * A consistent snapshot of the live store in one self-contained file, taken on a second, read-only
 * connection so it does not wait for (nor block) a transaction of the app. An encrypted store gives
 * an encrypted copy with the same key. (The online backup API refuses encrypted stores.)
 */
export function snapshotStore(storePath: string, key: Buffer | null, target: string): void {
  const source = new Sqlite(storePath, { readonly: true, fileMustExist: true });
  try {
    applyStoreKey(source, key);
    source.pragma('busy_timeout = 5000');
    source.exec(`VACUUM INTO ${quoted(target)}`);
  } finally {
    source.close();
  }
}

function isPlainSqlite(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(16);
    return readSync(fd, header, 0, 16, 0) === 16 && header.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens a copy read-only: an encrypted one with the store's key, a plain one (written before the
 * store was encrypted) as it is. Opening it as the store later encrypts it in place.
 */
export function openCopy(path: string, key: Buffer | null, mode: 'readonly' | 'recover-wal' = 'readonly'): Sqlite.Database {
  const plain = isPlainSqlite(path);
  // The live store after a crash may have a write-ahead log to replay, which a read-only handle cannot do.
  const copy = new Sqlite(path, { readonly: mode === 'readonly', fileMustExist: true });
  try {
    applyStoreKey(copy, plain ? null : key);
    copy.prepare('SELECT count(*) FROM sqlite_master').get();
    return copy;
  } catch (error) {
    copy.close();
    const message = error instanceof Error ? error.message : String(error);
    // An encrypted file is random from its first byte: without the right key it reads as "not a database".
    const notADatabase = (error as { code?: string }).code === 'SQLITE_NOTADB';
    throw new StoreCopyError(notADatabase && !plain ? 'wrongKey' : 'damaged', message);
  }
}

/**
 * The start-up check of the live store file: null when it is sound (or not made yet), else what is
 * wrong. `quick_check` reads every page but skips the slow index-to-table comparison.
 */
export function storeFileProblem(path: string, key: Buffer | null): string | null {
  if (!existsSync(path)) return null;
  let copy;
  try {
    copy = openCopy(path, key, 'recover-wal');
  } catch (error) {
    // A key that does not open the file is the key's business (openStore says so); page 1 damaged looks the same.
    if (error instanceof StoreCopyError && error.problem === 'wrongKey') return null;
    return error instanceof Error ? error.message : String(error);
  }
  try {
    const verdict = checkPages(copy, 'quick_check');
    return verdict === 'ok' ? null : verdict;
  } finally {
    copy.close();
  }
}

/** `PRAGMA integrity_check` (full) or `quick_check` (start-up): 'ok', or the first problems found. */
export function checkPages(copy: Sqlite.Database, pragma: 'integrity_check' | 'quick_check'): string {
  try {
    const rows = copy.pragma(`${pragma}(5)`) as Array<Record<string, string>>;
    return rows.map((row) => Object.values(row)[0]).join('; ');
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const KNOWN_MIGRATIONS = MIGRATIONS.map(([name]) => name);

/**
 * The copy's schema against this app's migrations: how many it lacks (an older backup is migrated when
 * restored), or why it cannot be ours (none applied, or applied in another order) or is too new.
 */
export function copySchema(copy: Sqlite.Database): { problem: 'foreign' | 'tooNew' | null; applied: number; toApply: number } {
  const table = copy.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'").get();
  const applied = table ? (copy.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as Array<{ name: string }>).map((r) => r.name) : [];
  const problem =
    applied.length === 0 || applied.some((name, i) => KNOWN_MIGRATIONS.includes(name) && KNOWN_MIGRATIONS[i] !== name)
      ? 'foreign'
      : applied.some((name) => !KNOWN_MIGRATIONS.includes(name))
        ? 'tooNew'
        : null;
  return { problem, applied: applied.length, toApply: KNOWN_MIGRATIONS.length - applied.length };
}

const COUNTED_TABLES: Record<keyof BackupCounts, string> = {
  beneficiaries: 'beneficiaries',
  householdMembers: 'household_members',
  supportRequests: 'support_requests',
  interviews: 'interviews',
  signedForms: 'signed_forms',
  attachments: 'attachments',
  contacts: 'contacts',
  users: 'users',
  auditEntries: 'audit_log',
};

/** Row counts; a table an older schema did not have yet counts 0. */
export function countRows(copy: Sqlite.Database): BackupCounts {
  const tables = new Set(
    (copy.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((r) => r.name),
  );
  const counts = {} as BackupCounts;
  for (const [field, table] of Object.entries(COUNTED_TABLES) as Array<[keyof BackupCounts, string]>) {
    counts[field] = tables.has(table) ? Number((copy.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n) : 0;
  }
  return counts;
}

export type CopyBranch = { id: string; code: string; nameAr: string } | null;

export function homeBranch(copy: Sqlite.Database): CopyBranch {
  const row = copy
    .prepare("SELECT b.id, b.code, b.name_ar AS nameAr FROM settings s JOIN branches b ON b.id = s.value WHERE s.key = 'home_branch_id'")
    .get() as { id: string; code: string; nameAr: string } | undefined;
  return row ?? null;
}

/** The audit chain of a copy, walked with the same code as the live store's check. */
export async function copyAuditChainIntact(copy: Sqlite.Database): Promise<boolean> {
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: copy }) });
  // Kysely's destroy would close the connection the caller still owns.
  const check = await verifyAuditChain(db);
  return check.ok;
}

export type CopyUser = { id: string; role: string; active: number; passwordHash: string };

/**
 * For recovery mode: the administrator's password is checked against the backup that will be
 * restored. The username is resolved as at sign-in (unique per branch: the copy's own branch first).
 */
export function findCopyUser(copy: Sqlite.Database, username: string): CopyUser | null {
  const rows = copy
    .prepare('SELECT id, role, active, password_hash AS passwordHash, branch_id FROM users WHERE username = ?')
    .all(username) as Array<CopyUser & { branch_id: string }>;
  const user = chooseSignInUser(rows, homeBranch(copy)?.id ?? null);
  return user ? { id: user.id, role: user.role, active: user.active, passwordHash: user.passwordHash } : null;
}

/** What a restore carries over from the store it replaces (docs/backups.md); null fields: not readable or not there. */
/** `deviceNode`: the install's id in its stamps (settings device_id), kept by a restore: see keepDeviceNode. */
export type ReplacedStore = { highestStamp: string | null; enrolment: Enrolment | null; deviceNode: string | null };

/**
 * Reads the file a restore replaced: the highest stamp it holds (its own changes, every field stamp
 * it merged, its own or pulled, and its floor) and the desk's enrolment with head office. A file that
 * cannot be read (a damaged store) gives nulls: the pulls of the re-sync then raise the clock instead.
 */
export async function readReplacedStore(path: string, key: Buffer | null): Promise<ReplacedStore> {
  let copy;
  try {
    copy = openCopy(path, key);
  } catch {
    return { highestStamp: null, enrolment: null, deviceNode: null };
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: copy }) });
  try {
    const row = copy.prepare(`SELECT max(hlc) AS hlc FROM (
        SELECT max(hlc) AS hlc FROM change_log
        UNION ALL SELECT max(hlc) FROM sync_field_clock
        UNION ALL SELECT max(value) FROM settings WHERE key = ?)`).get(HLC_FLOOR_KEY) as { hlc: string | null } | undefined;
    const node = copy.prepare("SELECT value FROM settings WHERE key = 'device_id'").get() as { value: string } | undefined;
    return { highestStamp: row?.hlc ?? null, enrolment: await readEnrolment(db).catch(() => null), deviceNode: node?.value ?? null };
  } catch {
    return { highestStamp: null, enrolment: null, deviceNode: null };
  } finally {
    copy.close();
  }
}

/**
 * Writes the install's own id into a restored store before it is opened: a backup of another desk
 * (a new PC restoring the old one's, or a copy taken to a second desk) would otherwise stamp with
 * that desk's id, and two live desks sharing one id could write the same stamp for different edits.
 */
export function keepDeviceNode(path: string, key: Buffer | null, node: string): void {
  const store = openCopy(path, key, 'recover-wal');
  try {
    store.prepare("INSERT INTO settings (key, value) VALUES ('device_id', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(node);
  } finally {
    store.close();
  }
}
