/**
 * Sync benchmark (`npm run bench -- sync`), on loopback, SQLite head office (and PostgreSQL too when
 * DATABASE_URL is set):
 *  - changes/s each way: one desk pushes N beneficiaries (N changes, BENCH_SYNC_CHANGES, default
 *    100,000), a second, empty desk of the branch pulls them all (merge, search index, cursor);
 *  - the first full sync of a branch with BENCH_SYNC_BRANCH beneficiaries (default 50,000): seconds
 *    for a new desk of that branch to pull and index them;
 *  - the peer: PouchDB replicating the same rows as documents to express-pouchdb on loopback, both
 *    ends on LevelDB (BENCH_SYNC_PEER_DOCS of them, default: the same 100,000), each way; printed
 *    with the ratio.
 * BENCH_SYNC_ONLY=sqlite|postgres runs that dialect alone, without the peer.
 * Figures, not assertions.
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
import { saveEnrolment } from '../src-main/store/sync-state';
import { pullChanges, pushOutbox } from '../src-main/sync/engine';
import { enrolWithServer, SyncServer } from '../src-main/sync/server-client';
import { startHeadOfficeProcess, type HeadOfficeProcess } from './support/headoffice-process';
import { Rng } from './support/saudi-names';
import { runPouchPeer, type PeerFigures } from './support/pouchdb-peer';
import { seedBeneficiaries } from './support/seed-store';

const CHANGES = Number(process.env.BENCH_SYNC_CHANGES ?? 100_000);
const BRANCH = Number(process.env.BENCH_SYNC_BRANCH ?? 50_000);
const PEER_DOCS = Number(process.env.BENCH_SYNC_PEER_DOCS ?? CHANGES);
const logger = createLogger({ level: 'silent' });

async function setUpDesk(dir: string, name: string): Promise<Runtime> {
  const runtime = await openRuntime({ storePath: join(dir, `${name}.sqlite`), storeKey: randomBytes(32), appVersion: 'bench', logger });
  return runtime;
}

async function initialise(runtime: Runtime, code: string): Promise<string> {
  let token: string | null = null;
  const transport: TransportContext = { transport: 'cli', get sessionToken() { return token; }, setSessionToken: (t) => (token = t) };
  const result = await runtime.router.call('setup.initialise', {
    associationNameAr: 'جمعية مأمن',
    branch: { code, nameAr: `فرع ${code}`, city: 'جازان' },
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
  const name = `mamen_sync_bench_${Date.now()}_${randomBytes(3).toString('hex')}`;
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

type Figures = { dialect: string; push: number; pull: number };

/**
 * CPU seconds of this process (the desks; head office runs in its own) since `from`: beside the
 * wall clock, so a run on a busy machine still says how much of the work is the desk's.
 */
function since(now: number | null, then: number | null): number | null {
  return now === null || then === null ? null : +(now - then).toFixed(2);
}

function cpuSeconds(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
}

/** One desk of a new branch pushes `count` beneficiaries; a new desk of that branch then pulls them all. */
async function branchSync(dir: string, server: HeadOfficeProcess, name: string, count: number, peerDocs?: Array<Record<string, unknown>>) {
  const url = server.url;
  const a = await setUpDesk(dir, `${name}-a`);
  const branchId = await initialise(a, name.toUpperCase());
  seedBeneficiaries(a.store.sqlite, branchId, count, new Rng(count));
  writeOutbox(a, branchId);
  if (peerDocs) peerDocs.push(...(a.store.sqlite.prepare(`SELECT * FROM beneficiaries LIMIT ${PEER_DOCS}`).all() as Array<Record<string, unknown>>));
  const desk = await enrol(a, url, await server.newCode(branchId, `${name}-a`));
  let started = performance.now();
  let cpu = process.cpuUsage();
  let serverCpu = server.cpuSeconds();
  const pushed = await pushOutbox(a.store.db, desk.server, desk.enrolment, () => new Date());
  const pushSeconds = (performance.now() - started) / 1000;
  const pushCpu = cpuSeconds(cpu);
  const pushServerCpu = since(server.cpuSeconds(), serverCpu);
  const b = await setUpDesk(dir, `${name}-b`);
  const other = await enrol(b, url, await server.newCode(branchId, `${name}-b`));
  started = performance.now();
  cpu = process.cpuUsage();
  serverCpu = server.cpuSeconds();
  const pulled = await pullChanges(b.store.db, other.server, () => new Date());
  const pullSeconds = (performance.now() - started) / 1000;
  const pullCpu = cpuSeconds(cpu);
  const pullServerCpu = since(server.cpuSeconds(), serverCpu);
  const rows = (await b.store.db.selectFrom('beneficiaries').select(({ fn }) => fn.countAll<number>().as('n')).where('branch_id', '=', branchId).executeTakeFirstOrThrow()).n;
  await a.close();
  await b.close();
  return { pushed: pushed.pushed, rejected: pushed.rejected, pushSeconds, pushCpu, pushServerCpu, pulled: pulled.pulled, pullSeconds, pullCpu, pullServerCpu, beneficiaries: Number(rows) };
}

async function run(dialect: 'sqlite' | 'postgres', peerDocs?: Array<Record<string, unknown>>): Promise<Figures> {
  const dir = mkdtempSync(join(tmpdir(), 'mamen-sync-bench-'));
  const database = dialect === 'postgres' ? await freshDatabase() : null;
  const server = await startHeadOfficeProcess(join(dir, 'flow'), database?.url);
  let firstServer: HeadOfficeProcess | null = null;
  const firstDatabase = dialect === 'postgres' ? await freshDatabase() : null;
  try {
    const flow = await branchSync(dir, server, 'flow', CHANGES, peerDocs);
    await server.close();
    // The branch's first sync from a head office of its own: pushing 50,000 people into one that
    // already holds the other run's 100,000 (same name pools) would time the cross-branch
    // duplicate check of the set-up push, not the new desk's pull.
    firstServer = await startHeadOfficeProcess(join(dir, 'first'), firstDatabase?.url);
    const first = await branchSync(dir, firstServer, 'first', BRANCH);
    const figures = { dialect, push: Math.round(flow.pushed / flow.pushSeconds), pull: Math.round(flow.pulled / flow.pullSeconds) };
    console.log(JSON.stringify({
      dialect,
      changes: CHANGES,
      push: { accepted: flow.pushed, rejected: flow.rejected, seconds: +flow.pushSeconds.toFixed(2), changesPerSecond: figures.push, deskCpuSeconds: +flow.pushCpu.toFixed(2), serverCpuSeconds: flow.pushServerCpu },
      pull: { pulled: flow.pulled, beneficiaries: flow.beneficiaries, seconds: +flow.pullSeconds.toFixed(2), changesPerSecond: figures.pull, deskCpuSeconds: +flow.pullCpu.toFixed(2), serverCpuSeconds: flow.pullServerCpu },
      firstFullSync: { beneficiaries: first.beneficiaries, seconds: +first.pullSeconds.toFixed(2), deskCpuSeconds: +first.pullCpu.toFixed(2), serverCpuSeconds: first.pullServerCpu, target: 'at most 30 s' },
    }));
    return figures;
  } finally {
    await server.close();
    await firstServer?.close();
    await database?.drop();
    await firstDatabase?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function ratios(ours: Figures, peer: PeerFigures): string {
  const pushRate = peer.docs / peer.pushSeconds;
  const pullRate = peer.docs / peer.pullSeconds;
  return `${ours.dialect}: push ${ours.push}/s vs PouchDB ${Math.round(pushRate)}/s = ${(ours.push / pushRate).toFixed(1)}×; pull ${ours.pull}/s vs PouchDB ${Math.round(pullRate)}/s = ${(ours.pull / pullRate).toFixed(1)}×`;
}

async function main(): Promise<void> {
  const only = process.env.BENCH_SYNC_ONLY;
  if (only === 'sqlite' || only === 'postgres') {
    // One dialect, no peer: for comparing a change against the last run.
    await run(only);
    return;
  }
  const peerDocs: Array<Record<string, unknown>> = [];
  const results = [await run('sqlite', peerDocs)];
  if (process.env.DATABASE_URL) results.push(await run('postgres'));
  else console.log('PostgreSQL skipped: DATABASE_URL is not set');
  const peerDir = mkdtempSync(join(tmpdir(), 'mamen-sync-peer-'));
  const peer = await runPouchPeer(peerDocs.map((row) => ({ ...row, _id: String(row.id) })), peerDir).finally(() => rmSync(peerDir, { recursive: true, force: true }));
  console.log(JSON.stringify({ peer: 'PouchDB 9 (LevelDB) → express-pouchdb 4 (LevelDB) over HTTP', docs: peer.docs, pushSeconds: +peer.pushSeconds.toFixed(2), pullSeconds: +peer.pullSeconds.toFixed(2), pushPerSecond: Math.round(peer.docs / peer.pushSeconds), pullPerSecond: Math.round(peer.docs / peer.pullSeconds) }));
  for (const ours of results) console.log(ratios(ours, peer));
}

void main();
