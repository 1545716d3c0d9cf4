import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openHeadOfficeStore, type HeadOfficeStore } from '../../src-main/headoffice/store';
import { freshPostgres, onAdminDatabase } from './support/fresh-postgres';
import { tempDir } from './support/test-runtime';

/**
 * The head office's PostgreSQL pool outlives a lost connection: PostgreSQL restarting, or an
 * administrator ending a backend, must not end the server process, and closing the store must
 * leave no connection behind for a dropped database to break.
 */
describe.runIf(Boolean(process.env.DATABASE_URL))('the head office on PostgreSQL, when connections are lost', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function open(onConnectionLost?: (error: Error) => void): Promise<{ store: HeadOfficeStore; name: string }> {
    const database = await freshPostgres('mamen_pool');
    const temp = tempDir('mamen-pool-');
    cleanups.push(async () => { await database.drop(); temp.remove(); });
    const store = await openHeadOfficeStore({ databaseUrl: database.url, sqlitePath: `${temp.dir}/unused.sqlite`, onConnectionLost });
    cleanups.push(() => store.close());
    return { store, name: new URL(database.url).pathname.slice(1) };
  }

  it('reports an idle connection the server ends, and answers the next query on a new one', async () => {
    const lost: Error[] = [];
    const { store, name } = await open((error) => lost.push(error));
    await sql`select 1`.execute(store.db);
    await onAdminDatabase(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}' and pid <> pg_backend_pid()`);
    await expect.poll(() => lost.length, { timeout: 5_000 }).toBe(1);
    expect((lost[0] as Error & { code?: string }).code).toBe('57P01');
    const answer = await sql<{ n: number }>`select 2 as n`.execute(store.db);
    expect(answer.rows[0]?.n).toBe(2);
  });

  it('closes only once every connection has closed, so the database can be dropped at once', async () => {
    const sockets = () => process.getActiveResourcesInfo().filter((kind) => kind === 'TCPSocketWrap').length;
    const before = sockets();
    const { store } = await open();
    // Several connections at once, all idle in the pool when the store is closed.
    await Promise.all(Array.from({ length: 5 }, () => sql`select pg_sleep(0.05)`.execute(store.db)));
    expect(sockets()).toBeGreaterThanOrEqual(before + 5);
    cleanups.pop();
    await store.close();
    expect(sockets()).toBe(before);
  });
});
