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

async function openPostgres(connectionString: string): Promise<HeadOfficeStore> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => Object.fromEntries(MIGRATIONS) },
    migrationTableName: 'kysely_migration',
  });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy();
    throw error instanceof Error ? error : new Error(String(error));
  }
  return { db, dialect: 'postgres', schemaVersion: MIGRATIONS.length, close: () => db.destroy() };
}

export async function openHeadOfficeStore(options: { databaseUrl?: string | undefined; sqlitePath: string }): Promise<HeadOfficeStore> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
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
