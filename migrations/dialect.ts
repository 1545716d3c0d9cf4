import { type Kysely, SqliteAdapter } from 'kysely';

/**
 * The few places where SQLite and PostgreSQL differ in DDL. Migrations stay dialect-neutral
 * (text ids, ISO text timestamps, integer flags) and branch only through these helpers.
 */
export function isSqlite(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/** A local, per-install ordering column (audit and change log); never used as an id across installs. */
export function localSequenceType(db: Kysely<unknown>): 'integer' | 'bigserial' {
  return isSqlite(db) ? 'integer' : 'bigserial';
}
