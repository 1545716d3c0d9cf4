import type Sqlite from 'better-sqlite3-multiple-ciphers';
import type { SqliteDatabase } from 'kysely';

/**
 * The database Kysely is given: the store's connection, with each statement prepared once. Kysely's
 * SQLite driver prepares the SQL of every query it runs, and preparing costs about as much as
 * running a short statement: sync writes the same few statements tens of thousands of times.
 *
 * Only Kysely's queries go through the cache (the raw connection's `prepare` is untouched, so a
 * caller switching a statement to raw or pluck mode never affects another). Safe because Kysely
 * runs one query at a time on the connection and never leaves a statement mid-iteration (nothing
 * here streams). Bounded, least recently used out first.
 */
export function withStatementCache(sqlite: Sqlite.Database, size = 200): SqliteDatabase {
  const cache = new Map<string, Sqlite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (source: string) => {
      const hit = cache.get(source);
      if (hit) {
        cache.delete(source);
        cache.set(source, hit);
        return hit;
      }
      const statement = sqlite.prepare(source);
      cache.set(source, statement);
      if (cache.size > size) cache.delete(cache.keys().next().value as string);
      return statement;
    },
  };
}
