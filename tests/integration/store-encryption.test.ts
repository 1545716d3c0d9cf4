import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
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
