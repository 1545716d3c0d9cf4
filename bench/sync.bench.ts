/**
 * Sync benchmark (`npx tsx bench/sync.bench.ts`): one desk pushes N beneficiaries (N changes) to a
 * head-office server on loopback, then a second, empty desk of the same branch pulls them all (a
 * branch's first full sync). On SQLite, and on PostgreSQL too when DATABASE_URL is set.
 * Figures, not assertions. BENCH_SYNC_CHANGES sets N (default 20,000; the target run is 100,000).
 * The PouchDB peer is not run: pouchdb / express-pouchdb are not installed in this project.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { createLogger } from '../src-main/api/logger';
import { openRuntime, type Runtime } from '../src-main/api/runtime';
import type { TransportContext } from '../src-main/api/router';
import { buildHeadOffice } from '../src-main/headoffice/app';
import { createEnrolmentCode } from '../src-main/headoffice/devices';
import { openHeadOfficeStore } from '../src-main/headoffice/store';
import { saveEnrolment } from '../src-main/store/sync-state';
import { pullChanges, pushOutbox } from '../src-main/sync/engine';
import { enrolWithServer, SyncServer } from '../src-main/sync/server-client';
import { Rng } from './support/saudi-names';
import { seedBeneficiaries } from './support/seed-store';

const CHANGES = Number(process.env.BENCH_SYNC_CHANGES ?? 20_000);
const logger = createLogger({ level: 'silent' });

async function setUpDesk(dir: string, name: string): Promise<Runtime> {
  const runtime = await openRuntime({ storePath: join(dir, `${name}.sqlite`), storeKey: randomBytes(32), appVersion: 'bench', logger });
  return runtime;
}

async function initialise(runtime: Runtime): Promise<string> {
  let token: string | null = null;
  const transport: TransportContext = { transport: 'cli', get sessionToken() { return token; }, setSessionToken: (t) => (token = t) };
  const result = await runtime.router.call('setup.initialise', {
    associationNameAr: 'جمعية مأمن',
    branch: { code: 'HQ', nameAr: 'المقر الرئيسي', city: 'جازان' },
    admin: { username: 'bench', displayName: 'Bench', password: 'benchmark-password' },
  }, transport);
  if (!result.ok) throw new Error(result.error.message.en);
  return (await runtime.store.db.selectFrom('branches').select('id').executeTakeFirstOrThrow()).id;
}

/** The outbox the registry would have written for the seeded rows: one insert change per beneficiary. */
function writeOutbox(runtime: Runtime, branchId: string): void {
  const sqlite = runtime.store.sqlite;
  const rows = sqlite.prepare('SELECT * FROM beneficiaries').all() as Array<Record<string, string | number | null>>;
  const insert = sqlite.prepare('INSERT INTO change_log (id, table_name, row_id, op, fields, hlc, branch_id, created_at, pushed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)');
  sqlite.transaction(() => {
    for (const row of rows) insert.run(uuidv7(), 'beneficiaries', row.id, 'insert', JSON.stringify(row), row.hlc, branchId, row.created_at);
  })();
}

async function enrol(runtime: Runtime, url: string, code: string) {
  const reply = await enrolWithServer(url, code);
  const enrolment = { serverUrl: url, deviceId: reply.deviceId, credential: reply.credential, branchId: reply.branchId };
  await saveEnrolment(runtime.store.db, enrolment);
  return { enrolment, server: new SyncServer(url, reply.credential, runtime.store.schemaVersion) };
}

/** A throw-away database beside DATABASE_URL's, so every run starts from an empty head office. */
async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = process.env.DATABASE_URL ?? '';
  const name = `mamen_sync_bench_${Date.now()}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(statement);
    await client.end();
  };
  await run(`create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}

async function run(dialect: 'sqlite' | 'postgres'): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mamen-sync-bench-'));
  const database = dialect === 'postgres' ? await freshDatabase() : null;
  const store = await openHeadOfficeStore({ databaseUrl: database?.url, sqlitePath: join(dir, 'ho.sqlite') });
  const app = await buildHeadOffice({ store, logger, adminToken: 'bench', filesDir: join(dir, 'files') });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const a = await setUpDesk(dir, 'a');
    const branchId = await initialise(a);
    seedBeneficiaries(a.store.sqlite, branchId, CHANGES, new Rng(7));
    writeOutbox(a, branchId);
    const desk = await enrol(a, url, (await createEnrolmentCode(store.db, { branchId, name: 'a', now: new Date() })).code);
    let started = performance.now();
    const pushed = await pushOutbox(a.store.db, desk.server, desk.enrolment, () => new Date());
    const pushSeconds = (performance.now() - started) / 1000;

    const b = await setUpDesk(dir, 'b');
    const other = await enrol(b, url, (await createEnrolmentCode(store.db, { branchId, name: 'b', now: new Date() })).code);
    started = performance.now();
    const pulled = await pullChanges(b.store.db, other.server, () => new Date());
    const pullSeconds = (performance.now() - started) / 1000;
    const count = (await b.store.db.selectFrom('beneficiaries').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    console.log(JSON.stringify({
      dialect,
      changes: CHANGES,
      push: { accepted: pushed.pushed, rejected: pushed.rejected, seconds: +pushSeconds.toFixed(2), changesPerSecond: Math.round(pushed.pushed / pushSeconds) },
      firstFullSync: { pulled: pulled.pulled, beneficiaries: Number(count), seconds: +pullSeconds.toFixed(2), changesPerSecond: Math.round(pulled.pulled / pullSeconds) },
    }));
    await a.close();
    await b.close();
  } finally {
    await app.close();
    await store.close();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  await run('sqlite');
  if (process.env.DATABASE_URL) await run('postgres');
  else console.log('PostgreSQL skipped: DATABASE_URL is not set');
}

void main();
