import { randomBytes } from 'node:crypto';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openRuntime, type Runtime } from '../../../src-main/api/runtime';
import { updateTravelling } from '../../../src-main/store/row-writer';
import { buildHeadOffice, type HeadOffice } from '../../../src-main/headoffice/app';
import { openHeadOfficeStore, type HeadOfficeStore } from '../../../src-main/headoffice/store';
import { syncOnce, type SyncCounts } from '../../../src-main/sync/engine';
import { stopScheduler } from '../../../src-main/sync/scheduler';
import { enrolWithServer, SyncServer } from '../../../src-main/sync/server-client';
import { readEnrolment, saveEnrolment, type Enrolment } from '../../../src-main/store/sync-state';
import { freshPostgres, onAdminDatabase } from './fresh-postgres';
import { ADMIN_PASSWORD, Caller, TEST_STORE_KEY, silentLogger, tempDir } from './test-runtime';

/** A real head-office server on loopback (SQLite file, or a fresh PostgreSQL database) and real desks. */

export const DIALECTS: ReadonlyArray<'sqlite' | 'postgres'> = process.env.DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export type HeadOfficeHarness = {
  url: string;
  databaseUrl: string | undefined;
  store: HeadOfficeStore;
  app: HeadOffice;
  adminToken: string;
  admin(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  newCode(branchId: string, name?: string): Promise<string>;
  /**
   * A cold backup of head office's store (the server stops, the store is copied, the server starts
   * again on the same address); `restore` puts the store back as it was then, the same way.
   */
  backup(): Promise<{ restore(): Promise<void> }>;
  close(): Promise<void>;
};

export async function startHeadOffice(dialect: 'sqlite' | 'postgres', updatesDir?: string, minDeskSchemaVersion?: number): Promise<HeadOfficeHarness> {
  const database = dialect === 'postgres' ? await freshPostgres('mamen_sync') : null;
  return serve(database?.url, database, undefined, updatesDir, minDeskSchemaVersion);
}

/** Another server process's worth of server (its own pool and HTTP port) on the first one's PostgreSQL database. */
export async function startSecondServer(first: HeadOfficeHarness): Promise<{ harness: HeadOfficeHarness; close(): Promise<void> }> {
  if (!first.databaseUrl) throw new Error('a second server shares a PostgreSQL database only');
  const harness = await serve(first.databaseUrl, null, first.adminToken);
  return { harness, close: () => harness.close() };
}

/** Copies a stopped head office's store aside, and back: the SQLite file, or a PostgreSQL database made from it as a template. */
function storeCopier(databaseUrl: string | undefined, sqlitePath: string) {
  const copy = databaseUrl ? `${new URL(databaseUrl).pathname.slice(1)}_backup` : `${sqlitePath}.backup`;
  return {
    save: async () => {
      if (!databaseUrl) copyFileSync(sqlitePath, copy);
      else await onAdminDatabase(`create database ${copy} template ${new URL(databaseUrl).pathname.slice(1)}`);
    },
    putBack: async () => {
      if (!databaseUrl) {
        for (const suffix of ['-wal', '-shm']) rmSync(`${sqlitePath}${suffix}`, { force: true });
        copyFileSync(copy, sqlitePath);
        return;
      }
      const name = new URL(databaseUrl).pathname.slice(1);
      await onAdminDatabase(`drop database ${name} with (force)`);
      await onAdminDatabase(`create database ${name} template ${copy}`);
    },
    drop: async () => {
      if (databaseUrl) await onAdminDatabase(`drop database if exists ${copy} with (force)`);
    },
  };
}

async function serve(databaseUrl: string | undefined, database: { drop(): Promise<void> } | null, token?: string, updatesDir?: string, minDeskSchemaVersion?: number): Promise<HeadOfficeHarness> {
  const temp = tempDir('mamen-ho-');
  const sqlitePath = join(temp.dir, 'headoffice.sqlite');
  const adminToken = token ?? randomBytes(16).toString('hex');
  const start = async (port: number) => {
    const store = await openHeadOfficeStore({ databaseUrl, sqlitePath });
    const app = await buildHeadOffice({ store, logger: silentLogger(), adminToken, updatesDir, filesDir: join(temp.dir, 'files'), minDeskSchemaVersion });
    return { store, app, address: await app.listen({ host: '127.0.0.1', port }) };
  };
  const { store, app, address } = await start(0);
  const copier = storeCopier(databaseUrl, sqlitePath);
  let backedUp = false;
  const admin: HeadOfficeHarness['admin'] = async (method, path, body) => {
    const response = await fetch(`${address}${path}`, {
      method,
      headers: { authorization: `Bearer ${adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: await response.json() };
  };
  const harness: HeadOfficeHarness = {
    url: address,
    databaseUrl,
    store,
    app,
    adminToken,
    admin,
    newCode: async (branchId, name = 'desk') => {
      const created = await admin('POST', '/admin/devices', { branchId, name });
      return (created.body as { code: string }).code;
    },
    backup: async () => {
      const stopped = async (work: () => Promise<void>) => {
        await harness.app.close();
        await harness.store.close();
        await work();
        const again = await start(Number(new URL(address).port));
        harness.store = again.store;
        harness.app = again.app;
      };
      await stopped(copier.save);
      backedUp = true;
      return { restore: () => stopped(copier.putBack) };
    },
    close: async () => {
      await harness.app.close();
      await harness.store.close();
      if (backedUp) await copier.drop();
      await database?.drop();
      temp.remove();
    },
  };
  return harness;
}

export type Desk = {
  runtime: Runtime;
  admin: Caller;
  enrolment: Enrolment;
  server: SyncServer;
  sync(): Promise<SyncCounts>;
  /** Closes the store and opens it again, as when the desk's PC restarts. */
  restart(): Promise<void>;
  close(): Promise<void>;
};

async function enrol(runtime: Runtime, url: string, code: string): Promise<{ enrolment: Enrolment; server: SyncServer }> {
  const reply = await enrolWithServer(url, code);
  await saveEnrolment(runtime.store.db, { serverUrl: url, deviceId: reply.deviceId, credential: reply.credential, branchId: reply.branchId });
  const enrolment = await readEnrolment(runtime.store.db);
  if (!enrolment) throw new Error('enrolment not saved');
  return { enrolment, server: new SyncServer(url, enrolment.credential, runtime.store.schemaVersion) };
}

function deskOf(runtime: Runtime, admin: Caller, temp: { remove(): void }, enrolled: { enrolment: Enrolment; server: SyncServer }): Desk {
  const desk: Desk = {
    runtime,
    admin,
    ...enrolled,
    sync: () => syncOnce(desk.runtime.store.db, enrolled.server, enrolled.enrolment),
    restart: async () => {
      const path = desk.runtime.store.path;
      await stopScheduler(path);
      await desk.runtime.close();
      desk.runtime = await openRuntime({ storePath: path, storeKey: TEST_STORE_KEY, appVersion: 'test', logger: silentLogger() });
      desk.admin = new Caller(desk.runtime);
    },
    close: async () => {
      await stopScheduler(desk.runtime.store.path);
      await desk.runtime.close();
      temp.remove();
    },
  };
  return desk;
}

/** The first desk of a new branch: set up locally (its branch and admin), then enrolled for that branch. */
/** A set-up desk of a new branch, not enrolled yet (enrolment goes through its API). */
export async function setUpDesk(branchCode: string): Promise<{ runtime: Runtime; admin: Caller; branchId: string; close(): Promise<void> }> {
  const temp = tempDir();
  const runtime = await openRuntime({ storePath: join(temp.dir, 'desk.sqlite'), storeKey: TEST_STORE_KEY, appVersion: 'test', logger: silentLogger() });
  const admin = new Caller(runtime);
  await admin.call('setup.initialise', {
    associationNameAr: 'جمعية مأمن',
    branch: { code: branchCode, nameAr: `فرع ${branchCode}`, city: 'جازان' },
    admin: { username: `admin-${branchCode.toLowerCase()}`, displayName: 'مدير الفرع', password: ADMIN_PASSWORD },
  });
  const branch = await runtime.store.db.selectFrom('branches').select('id').executeTakeFirstOrThrow();
  return {
    runtime, admin, branchId: branch.id,
    close: async () => {
      await stopScheduler(runtime.store.path);
      await runtime.close();
      temp.remove();
    },
  };
}

export async function firstDesk(ho: HeadOfficeHarness, branchCode: string): Promise<Desk> {
  const temp = tempDir();
  const runtime = await openRuntime({ storePath: join(temp.dir, 'desk.sqlite'), storeKey: TEST_STORE_KEY, appVersion: 'test', logger: silentLogger() });
  const admin = new Caller(runtime);
  await admin.call('setup.initialise', {
    associationNameAr: 'جمعية مأمن',
    branch: { code: branchCode, nameAr: `فرع ${branchCode}`, city: 'جازان' },
    admin: { username: `admin-${branchCode.toLowerCase()}`, displayName: 'مدير الفرع', password: ADMIN_PASSWORD },
  });
  const branch = await runtime.store.db.selectFrom('branches').select('id').executeTakeFirstOrThrow();
  return deskOf(runtime, admin, temp, await enrol(runtime, ho.url, await ho.newCode(branch.id)));
}

/** Another desk of an existing branch: an empty store, enrolled, that receives the branch by pulling. */
export async function nextDesk(ho: HeadOfficeHarness, branchId: string): Promise<Desk> {
  const temp = tempDir();
  const runtime = await openRuntime({ storePath: join(temp.dir, 'desk.sqlite'), storeKey: TEST_STORE_KEY, appVersion: 'test', logger: silentLogger() });
  return deskOf(runtime, new Caller(runtime), temp, await enrol(runtime, ho.url, await ho.newCode(branchId)));
}

/** An edit of a beneficiary's notes as the registry writes it (a stamped, travelling update with its history); returns its stamp. */
export async function editNotes(desk: Desk, id: string, notes: string, userId: string | null = null): Promise<string> {
  const hlc = desk.runtime.clock.next();
  await desk.runtime.store.db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('beneficiaries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await updateTravelling(tx, 'beneficiaries', before, { notes }, { hlc, now: new Date().toISOString(), userId }, { history: true });
  });
  return hlc;
}
