import { randomBytes } from 'node:crypto';
import type Sqlite from 'better-sqlite3-multiple-ciphers';
import pg from 'pg';
import { openHeadOfficeStore, type HeadOfficeStore } from '../../src-main/headoffice/store';

/**
 * A head-office store on PostgreSQL holding the same rows as a seeded desk store: a fresh database
 * (the same migrations run on it), the rows copied in multi-row INSERTs, then ANALYZE. Dropped by
 * `drop()`. For benchmarks only: real head offices receive their rows by sync.
 */
export async function copyToPostgres(sqlite: Sqlite.Database, tables: readonly string[], adminUrl: string): Promise<{ store: HeadOfficeStore; drop(): Promise<void> }> {
  const name = `mamen_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const store = await openHeadOfficeStore({ databaseUrl: url.toString(), sqlitePath: '' });
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    for (const table of tables) {
      const columns = (sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as Array<{ name: string }>).map((c) => c.name);
      const perStatement = Math.floor(60_000 / columns.length);
      const quoted = columns.map((c) => `"${c}"`).join(', ');
      let batch: unknown[][] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        const values = batch.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ');
        await client.query(`INSERT INTO ${table} (${quoted}) VALUES ${values} ON CONFLICT DO NOTHING`, batch.flat());
        batch = [];
      };
      await client.query('BEGIN');
      for (const row of sqlite.prepare(`SELECT ${quoted} FROM ${table}`).raw().iterate() as Iterable<unknown[]>) {
        batch.push(row.map((v) => (typeof v === 'bigint' ? Number(v) : v)));
        if (batch.length >= perStatement) await flush();
      }
      await flush();
      await client.query('COMMIT');
    }
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
  return {
    store,
    drop: async () => {
      await store.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        // After a large load an autovacuum worker (not ours to terminate) may still hold the database for a moment.
        for (let attempt = 1; ; attempt += 1) {
          try {
            await c.query(`drop database if exists ${name}`);
            break;
          } catch (error) {
            if (attempt >= 30) throw error;
            await new Promise((resolve) => setTimeout(resolve, 1000));
          }
        }
      } finally {
        await c.end();
      }
    },
  };
}
