import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { MIGRATIONS } from '../../migrations';
import { openStore } from '../store/db';
import type { Database } from '../store/schema';

/**
 * The head-office store: a SQLite file by default, PostgreSQL when a connection string is given.
 * Both run the same migrations and are used through the same Kysely code; the server keeps no
 * state outside it, so several server processes can share one PostgreSQL database.
 */
export type HeadOfficeStore = {
  db: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
  schemaVersion: number;
  close(): Promise<void>;
};

export type HeadOfficeStoreOptions = {
  databaseUrl?: string | undefined;
  sqlitePath: string;
  /** Told of a pooled PostgreSQL connection lost while idle (a server restart, an administrator's kill). */
  onConnectionLost?: (error: Error) => void;
};

/**
 * A pool that survives its server: an idle connection the server ends is reported, not thrown (pg
 * emits it as an 'error' event, which with no listener would end the process), and the pool makes a
 * new connection for the next query. `end()` resolves once every connection has really closed;
 * pg's own resolves when they are asked to, and a database dropped at that moment ends them with
 * an error.
 */
function resilientPool(connectionString: string, onConnectionLost: (error: Error) => void): { pool: pg.Pool; closed(): Promise<void> } {
  const pool = new pg.Pool({ connectionString, max: 10 });
  let open = 0;
  let allClosed: (() => void) | null = null;
  pool.on('connect', () => { open += 1; });
  pool.on('remove', () => {
    open -= 1;
    if (open === 0) allClosed?.();
  });
  pool.on('error', onConnectionLost);
  return {
    pool,
    closed: () => (open === 0 ? Promise.resolve() : new Promise((done) => { allClosed = done; })),
  };
}

async function openPostgres(connectionString: string, onConnectionLost: (error: Error) => void): Promise<HeadOfficeStore> {
  const { pool, closed } = resilientPool(connectionString, onConnectionLost);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => Object.fromEntries(MIGRATIONS) },
    migrationTableName: 'kysely_migration',
  });
  const { error } = await migrator.migrateToLatest();
  const close = async () => {
    await db.destroy();
    await closed();
  };
  if (error) {
    await close();
    throw error instanceof Error ? error : new Error(String(error));
  }
  return { db, dialect: 'postgres', schemaVersion: MIGRATIONS.length, close };
}

export async function openHeadOfficeStore(options: HeadOfficeStoreOptions): Promise<HeadOfficeStore> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.onConnectionLost ?? (() => undefined));
  const store = await openStore(options.sqlitePath);
  return { db: store.db, dialect: 'sqlite', schemaVersion: store.schemaVersion, close: () => store.close() };
}

/**
 * Serialises pushes so that the change log's sequence numbers commit in order (a puller that has
 * seen seq n can never later miss a smaller one). SQLite already runs one writer at a time.
 */
export async function lockChangeLog(db: Kysely<Database>, dialect: HeadOfficeStore['dialect']): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(7007)`.execute(db);
}
