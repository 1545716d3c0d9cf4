import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import type { Migration } from 'kysely';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../migrations';
import { createRouter } from '../../src-main/api/router';
import { openRuntime } from '../../src-main/api/runtime';
import { openStore } from '../../src-main/store/db';
import { createHlcClock } from '../../src-main/store/hlc-clock';
import { StoreKeyError } from '../../src-main/store/store-errors';
import { storeFileState } from '../../src-main/store/store-encryption';
import { ADMIN_PASSWORD, Caller, TEST_STORE_KEY, beneficiaryInput, silentLogger, tempDir } from './support/test-runtime';
import { b64, pdfBytes } from './support/interview-fixtures';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

const fileHash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
/** A family name that appears nowhere else: its UTF-8 bytes are what a thief would grep for. */
const MARKER_NAME = 'الزمزميابي';
const MARKER_BYTES = Buffer.from(MARKER_NAME, 'utf8');
const ATTACHMENT_TEXT = 'marker-family-register-7f3a';

function folder() {
  const temp = tempDir('mamen-enc-');
  cleanups.push(temp.remove);
  return temp.dir;
}

/** A store as the app wrote it before encryption existed: plain, set up, one beneficiary and one attachment. */
async function plainStoreWithData(dir: string): Promise<{ beneficiaryId: string; attachmentId: string }> {
  const store = await openStore(join(dir, 'mamen.sqlite'));
  const router = createRouter({ store, clock: await createHlcClock(store.db), appVersion: 'test', logger: silentLogger() });
  const admin = new Caller({ store, router } as never);
  await admin.call('setup.initialise', {
    associationNameAr: 'جمعية مأمن',
    branch: { code: 'HQ', nameAr: 'المقر الرئيسي', city: 'جازان' },
    admin: { username: 'admin', displayName: 'مدير النظام', password: ADMIN_PASSWORD },
  });
  await admin.call('auth.login', { username: 'admin', password: ADMIN_PASSWORD });
  const { id: beneficiaryId } = await admin.call('beneficiaries.register', { beneficiary: beneficiaryInput({ familyName: MARKER_NAME }), household: [], confirmedDistinctFrom: [] });
  const { id: attachmentId } = await admin.call('attachments.upload', { contentBase64: b64(pdfBytes(ATTACHMENT_TEXT)) });
  await store.close();
  return { beneficiaryId, attachmentId };
}

const ROOT = join(import.meta.dirname, '..', '..');
const FILLER_ROWS = 8_000;

/** A plain store big enough (about 6 MB) that encrypting it takes a while to interrupt. */
async function bigPlainStore(path: string): Promise<void> {
  const store = await openStore(path);
  store.sqlite.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = store.sqlite.prepare('INSERT INTO filler (body) VALUES (?)');
  store.sqlite.transaction(() => {
    for (let i = 0; i < FILLER_ROWS; i += 1) insert.run(`${MARKER_NAME} ${randomBytes(300).toString('hex')}`);
  })();
  await store.close();
}

/** Runs the encrypting child and kills it `delayMs` after it starts opening (or lets it finish: null); returns how long it took. */
function encryptInChild(path: string, delayMs: number | null): Promise<{ finished: boolean; ms: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/integration/support/store-encrypter.ts', path], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let started = 0;
  let finished = false;
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => {
    const text = d.toString();
    if (text.includes('opening')) {
      started = Date.now();
      if (delayMs !== null) setTimeout(() => child.kill('SIGKILL'), delayMs);
    }
    if (text.includes('encrypted')) finished = true;
  });
  return new Promise((resolve, reject) => {
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve({ finished, ms: Date.now() - started });
      else reject(new Error(`store encrypter failed (${code}): ${stderr}`));
    });
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('the encrypted store', () => {
  it('holds no readable record on disk, and opens only with its key', async () => {
    const dir = folder();
    const path = join(dir, 'mamen.sqlite');
    const runtime = await openRuntime({ storePath: path, storeKey: TEST_STORE_KEY, appVersion: 'test', logger: silentLogger() });
    const admin = new Caller(runtime);
    await admin.call('setup.initialise', {
      associationNameAr: 'جمعية مأمن',
      branch: { code: 'HQ', nameAr: 'المقر الرئيسي', city: 'جازان' },
      admin: { username: 'admin', displayName: 'مدير النظام', password: ADMIN_PASSWORD },
    });
    await admin.call('auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    await admin.call('beneficiaries.register', { beneficiary: beneficiaryInput({ familyName: MARKER_NAME }), household: [], confirmedDistinctFrom: [] });
    await runtime.close();
    expect(storeFileState(path)).toBe('encrypted');
    for (const file of filesUnder(dir)) expect(readFileSync(file).includes(MARKER_BYTES), file).toBe(false);
    // Standard SQLCipher v4 with the key as a raw key, as docs/encryption-at-rest.md tells an administrator.
    const outside = new Sqlite(path, { readonly: true });
    outside.pragma(`cipher = 'sqlcipher'`);
    outside.pragma('legacy = 4');
    outside.pragma(`key = "x'${TEST_STORE_KEY.toString('hex')}'"`);
    expect((outside.prepare('SELECT count(*) AS n FROM beneficiaries').get() as { n: number }).n).toBe(1);
    outside.close();
  });

  it('refuses a wrong key (or none) with a clear message and leaves the file as it was', async () => {
    const path = join(folder(), 'mamen.sqlite');
    const store = await openStore(path, { key: TEST_STORE_KEY });
    await store.close();
    const before = fileHash(path);
    const wrong = await openStore(path, { key: Buffer.alloc(32, 7) }).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(StoreKeyError);
    expect((wrong as StoreKeyError).ar).toContain('المفتاح غير صحيح');
    expect((wrong as StoreKeyError).en).toContain('key is wrong');
    const none = await openStore(path).catch((e: unknown) => e);
    expect(none).toBeInstanceOf(StoreKeyError);
    expect((none as StoreKeyError).en).toContain('encrypted');
    expect(fileHash(path)).toBe(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('copies itself aside, still encrypted, before new schema migrations run', async () => {
    const path = join(folder(), 'upgrade.sqlite');
    const v1 = await openStore(path, { key: TEST_STORE_KEY });
    await v1.db.insertInto('settings').values({ key: 'association_name_ar', value: MARKER_NAME }).execute();
    await v1.close();
    const addColumn: Migration = { up: async (db) => void (await db.schema.alterTable('settings').addColumn('note', 'text').execute()) };
    const v2 = await openStore(path, { key: TEST_STORE_KEY, migrations: [...MIGRATIONS, ['9000_test_add_note', addColumn]] });
    cleanups.push(() => v2.close());
    expect(v2.backupPath).not.toBeNull();
    expect(storeFileState(v2.backupPath!)).toBe('encrypted');
    expect(readFileSync(v2.backupPath!).includes(MARKER_BYTES)).toBe(false);
    const copy = await openStore(v2.backupPath!, { key: TEST_STORE_KEY });
    cleanups.push(() => copy.close());
    expect((await copy.db.selectFrom('settings').select('value').where('key', '=', 'association_name_ar').executeTakeFirst())?.value).toBe(MARKER_NAME);
  });
});

describe('a plain store from before encryption', () => {
  it('is encrypted in place on open, after an encrypted backup, with every record and file intact', async () => {
    const dir = folder();
    const path = join(dir, 'mamen.sqlite');
    const { beneficiaryId, attachmentId } = await plainStoreWithData(dir);
    expect(readFileSync(path).includes(MARKER_BYTES)).toBe(true);
    const plainAttachment = filesUnder(join(dir, 'attachments'))[0]!;
    expect(readFileSync(plainAttachment).includes(Buffer.from(ATTACHMENT_TEXT))).toBe(true);

    const lines: string[] = [];
    const logger = pino({ level: 'info' }, new Writable({ write: (chunk: Buffer, _enc, done) => void (lines.push(chunk.toString()), done()) }));
    const runtime = await openRuntime({ storePath: path, storeKey: TEST_STORE_KEY, appVersion: 'test', logger });
    cleanups.push(() => runtime.close());

    const backup = runtime.store.encryptionBackupPath!;
    expect(existsSync(backup)).toBe(true);
    expect(storeFileState(path)).toBe('encrypted');
    expect(storeFileState(backup)).toBe('encrypted');
    expect(readFileSync(path).includes(MARKER_BYTES)).toBe(false);
    expect(readFileSync(backup).includes(MARKER_BYTES)).toBe(false);
    expect(readFileSync(plainAttachment).includes(Buffer.from(ATTACHMENT_TEXT))).toBe(false);
    expect(existsSync(`${path}.encrypting`)).toBe(false);

    const admin = new Caller(runtime);
    await admin.call('auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    const found = await admin.call('beneficiaries.get', { id: beneficiaryId });
    expect(JSON.stringify(found)).toContain(MARKER_NAME);
    const file = await admin.call('attachments.get', { id: attachmentId });
    expect(Buffer.from(file.contentBase64, 'base64').equals(pdfBytes(ATTACHMENT_TEXT))).toBe(true);
    expect((runtime.store.sqlite.pragma('integrity_check') as Array<{ integrity_check: string }>)[0]?.integrity_check).toBe('ok');

    const log = lines.join('');
    expect(log).toContain('plain store encrypted in place');
    expect(log).toContain('content files from before encryption sealed');
    expect(log).not.toContain(MARKER_NAME);
    expect(log).not.toContain(dir);

    const copy = await openStore(backup, { key: TEST_STORE_KEY });
    cleanups.push(() => copy.close());
    expect((await copy.db.selectFrom('beneficiaries').select('family_name').where('id', '=', beneficiaryId).executeTakeFirst())?.family_name).toBe(MARKER_NAME);
  });
});

describe('a plain store left by a crash', () => {
  it('keeps the writes still in its WAL journal when it is encrypted', async () => {
    const dir = folder();
    const live = join(dir, 'live.sqlite');
    const store = await openStore(live);
    store.sqlite.pragma('wal_autocheckpoint = 0');
    store.sqlite.exec('CREATE TABLE late (body TEXT)');
    store.sqlite.prepare('INSERT INTO late (body) VALUES (?)').run(MARKER_NAME);
    // The files as a power cut would leave them: the last writes only in the -wal file.
    const crashed = join(dir, 'mamen.sqlite');
    copyFileSync(live, crashed);
    copyFileSync(`${live}-wal`, `${crashed}-wal`);
    await store.close();
    expect(readFileSync(`${crashed}-wal`).includes(MARKER_BYTES)).toBe(true);

    const encrypted = await openStore(crashed, { key: TEST_STORE_KEY });
    cleanups.push(() => encrypted.close());
    expect((encrypted.sqlite.prepare('SELECT body FROM late').get() as { body: string }).body).toBe(MARKER_NAME);
    for (const file of filesUnder(dir).filter((f) => f.includes('mamen.sqlite'))) expect(readFileSync(file).includes(MARKER_BYTES), file).toBe(false);
  });
});

describe('encrypting a plain store, interrupted', () => {
  it('leaves either the untouched plain store or the whole encrypted one when killed at any point, and the next open finishes', async () => {
    const dir = folder();
    const template = join(dir, 'template.sqlite');
    await bigPlainStore(template);
    const calibration = join(dir, 'calibration.sqlite');
    copyFileSync(template, calibration);
    const { ms } = await encryptInChild(calibration, null);
    expect(storeFileState(calibration)).toBe('encrypted');

    let interrupted = 0;
    for (const [round, fraction] of [0.1, 0.35, 0.6, 0.85].entries()) {
      const path = join(dir, `round-${round}.sqlite`);
      copyFileSync(template, path);
      const run = await encryptInChild(path, Math.round(ms * fraction));
      if (!run.finished) interrupted += 1;
      const state = storeFileState(path);
      expect(['plain', 'encrypted']).toContain(state);
      if (state === 'plain') expect(fileHash(path)).toBe(fileHash(template));

      const reopened = await openStore(path, { key: TEST_STORE_KEY });
      try {
        expect(reopened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
        expect((reopened.sqlite.prepare('SELECT count(*) AS n FROM filler').get() as { n: number }).n).toBe(FILLER_ROWS);
      } finally {
        await reopened.close();
      }
      expect(storeFileState(path)).toBe('encrypted');
      expect(readFileSync(path).includes(MARKER_BYTES)).toBe(false);
      expect(existsSync(`${path}.encrypting`)).toBe(false);
    }
    // The kills must have landed during the work, not only after it.
    expect(interrupted).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
