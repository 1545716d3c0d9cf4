import type Sqlite from 'better-sqlite3-multiple-ciphers';

/**
 * Head office's SQLite store prepares each statement once. Kysely's SQLite driver prepares the SQL
 * of every query it runs; head office runs the same few statements over and over (a batch's rows go
 * in as multi-row inserts of one shape), and preparing a statement of thousands of parameters costs
 * about as much as running it. Safe here because head office never streams a query (a statement
 * being iterated could not be reused meanwhile); the cache is bounded, oldest first out.
 */
export function cacheStatements(sqlite: Sqlite.Database, size = 200): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Sqlite.Statement>();
  const cached = (source: string): Sqlite.Statement => {
    const hit = cache.get(source);
    if (hit) {
      cache.delete(source);
      cache.set(source, hit);
      return hit;
    }
    const statement = prepare(source);
    cache.set(source, statement);
    if (cache.size > size) cache.delete(cache.keys().next().value as string);
    return statement;
  };
  sqlite.prepare = cached as typeof sqlite.prepare;
}
