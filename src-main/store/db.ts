import Sqlite from 'better-sqlite3-multiple-ciphers';
import { Kysely, Migrator, SqliteDialect, type Migration } from 'kysely';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS } from '../../migrations';
import type { Database } from './schema';
import { applyStoreKey } from './store-key-pragma';
import { StoreKeyError, StoreMigrationOrderError, StoreTooNewError } from './store-errors';
import { encryptPlainStore, storeFileState } from './store-encryption';
import { withStatementCache } from './statement-cache';

export { applyStoreKey } from './store-key-pragma';

export type Store = {
  db: Kysely<Database>;
  sqlite: Sqlite.Database;
  path: string;
  /** Number of migrations applied: the schema version of this store. */
  schemaVersion: number;
  /** Where the pre-migration copy was written, when migrations ran on an existing store. */
  backupPath: string | null;
  /** The store's encryption key (null: a plain file). Open copies of this store (backups) with it. */
  key: Buffer | null;
  /** Where the (encrypted) backup was written when this open turned a plain store into an encrypted one. */
  encryptionBackupPath: string | null;
  close(): Promise<void>;
};

export type OpenStoreOptions = {
  /** Overridable for tests of the migration runner; defaults to migrations/index.ts. */
  migrations?: ReadonlyArray<readonly [string, Migration]>;
  now?: () => Date;
  /** A 32-byte key: the file is encrypted (SQLCipher v4 format). Null or absent: a plain file. */
  key?: Buffer | null;
};

const MIGRATION_TABLE = 'kysely_migration';

/** The first read of the file: a wrong key (or none, for an encrypted file) shows here, before anything is written. */
function appliedMigrationsOrKeyRefusal(sqlite: Sqlite.Database, keyed: boolean): string[] {
  try {
    return appliedMigrations(sqlite);
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_NOTADB') throw error;
    throw keyed
      ? new StoreKeyError(
          'تعذّر فتح قاعدة البيانات بهذا المفتاح: المفتاح غير صحيح أو الملف ليس قاعدة بيانات مأمن. لم يتغيّر شيء في الملف.',
          'The store cannot be opened with this key: the key is wrong or the file is not a Mamen store. The file was not changed.',
        )
      : new StoreKeyError(
          'قاعدة البيانات مشفّرة ولا تُفتح إلا بمفتاحها. لم يتغيّر شيء في الملف.',
          'The store is encrypted and opens only with its key. The file was not changed.',
        );
  }
}

function appliedMigrations(sqlite: Sqlite.Database): string[] {
  const table = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?")
    .get(MIGRATION_TABLE);
  if (!table) return [];
  return (sqlite.prepare(`SELECT name FROM ${MIGRATION_TABLE} ORDER BY name`).all() as { name: string }[]).map(
    (r) => r.name,
  );
}

/**
 * Refuses a store written by a newer app (it has migrations we don't know) or whose applied
 * migrations are not an exact prefix of ours. Throws before anything is written.
 */
function checkSchemaVersion(path: string, applied: string[], known: string[]): void {
  const unknown = applied.filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new StoreTooNewError(path, unknown);
  if (applied.some((name, i) => known[i] !== name)) throw new StoreMigrationOrderError(path, applied);
}

function backupFileName(path: string, fromVersion: number, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return `${path}.before-migration-v${fromVersion}-${stamp}.sqlite`;
}

/**
 * Opens (and creates or upgrades) a case store: WAL, foreign keys, a busy timeout, full fsync,
 * a schema-version check, and a backup copy of an existing store before migrations run.
 */
export async function openStore(path: string, options: OpenStoreOptions = {}): Promise<Store> {
  const migrations = options.migrations ?? MIGRATIONS;
  const now = options.now ?? (() => new Date());
  const known = migrations.map(([name]) => name);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const existed = path !== ':memory:' && existsSync(path);
  // A store written before encryption existed: encrypted in place (backup first) before it is opened.
  const encryptionBackupPath = options.key && storeFileState(path) === 'plain' ? encryptPlainStore(path, options.key, now()) : null;

  const sqlite = new Sqlite(path);
  try {
    applyStoreKey(sqlite, options.key);
    sqlite.pragma('busy_timeout = 5000');
    const applied = appliedMigrationsOrKeyRefusal(sqlite, Boolean(options.key));
    checkSchemaVersion(path, applied, known);
    sqlite.pragma('journal_mode = WAL');
    // Pages go back from the log into the file every 64 MiB of log instead of every 4 MiB: a sync
    // batch writes several MiB, and each page it shares with the next batches (index pages, mostly)
    // is then copied back once, not once per commit. The log file is cut back to 64 MiB after.
    sqlite.pragma('wal_autocheckpoint = 16384');
    sqlite.pragma('journal_size_limit = 67108864');
    // FULL: a committed record survives a power cut too, not only a crash of the app.
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    // Every page read from disk is decrypted: keep the working set (indexes the reports and search
    // scan) in memory, 64 MiB at most, instead of SQLite's 2 MiB default.
    sqlite.pragma('cache_size = -65536');

    let backupPath: string | null = null;
    if (existed && applied.length > 0 && applied.length < known.length) {
      backupPath = backupFileName(path, applied.length, now());
      // VACUUM INTO, not the backup API: it copies an encrypted store too, keyed like the source.
      sqlite.prepare('VACUUM INTO ?').run(backupPath);
    }

    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => Object.fromEntries(migrations) },
      migrationTableName: MIGRATION_TABLE,
    });
    const { error } = await migrator.migrateToLatest();
    if (error) {
      await db.destroy();
      throw error instanceof Error ? error : new Error(String(error));
    }
    return {
      db,
      sqlite,
      path,
      schemaVersion: known.length,
      backupPath,
      key: options.key ?? null,
      encryptionBackupPath,
      close: () => db.destroy(),
    };
  } catch (error) {
    if (sqlite.open) sqlite.close();
    throw error;
  }
}
