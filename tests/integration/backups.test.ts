import Sqlite from 'better-sqlite3-multiple-ciphers';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../migrations';
import { openRuntime, type Runtime } from '../../src-main/api/runtime';
import { inspectBackup, rotateBackups, writeBackup } from '../../src-main/services/backup-archive';
import { BACKUP_STORE_FILE, listBackupNames, readManifest } from '../../src-main/store/backup-files';
import { openStore } from '../../src-main/store/db';
import { writeContentFile, sha256Hex } from '../../src-main/store/content-files';
import { scheduledBackup } from '../../src-main/services/backups';
import { ADMIN_PASSWORD, beneficiaryInput, Caller, setUpStore, silentLogger, tempDir, TEST_STORE_KEY, type TestStore, userOf } from './support/test-runtime';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function storeWithBackupsFolder(): Promise<TestStore & { folder: string }> {
  const store = await setUpStore();
  const folder = join(store.dir, 'usb-drive');
  mkdirSync(folder);
  await store.admin.call('backups.configure', { folder, daily: true });
  cleanups.push(() => store.close());
  return { ...store, folder };
}

const PHONES: Record<string, string> = { سالم: '0551110001', خالد: '0552220002' };
const FAMILIES: Record<string, string> = { سالم: 'الزهراني', خالد: 'القحطاني' };

async function register(store: TestStore, firstName: string) {
  return store.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput({ firstName, familyName: FAMILIES[firstName], phonePrimary: PHONES[firstName] }) });
}

/** What the store being served holds, read through the runtime (whatever store it has open now). */
async function firstNames(runtime: Runtime): Promise<string[]> {
  const rows = await runtime.store.db.selectFrom('beneficiaries').select('first_name').execute();
  return rows.map((r) => r.first_name).sort();
}

/** Overwrites the middle third of a file with garbage, as a failing disk sector would. */
function damageMiddle(path: string): void {
  const size = statSync(path).size;
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.alloc(Math.floor(size / 3), 0xa5), 0, Math.floor(size / 3), Math.floor(size / 3));
  } finally {
    closeSync(fd);
  }
}

describe('backups', () => {
  it('writes a verified, encrypted backup of an encrypted store with its manifest and content files', async () => {
    const store = await storeWithBackupsFolder();
    await register(store, 'سالم');
    writeContentFile({ path: store.runtime.store.path, key: TEST_STORE_KEY }, 'attachments', sha256Hex('scan bytes'), Buffer.from('scan bytes'));
    const entry = await store.admin.call('backups.create', {});
    expect(entry.manifest).toMatchObject({ kind: 'manual', encrypted: true, counts: { beneficiaries: 1, users: 1 }, content: { files: 1 } });
    expect(entry.manifest!.branch?.code).toBe('HQ');
    const copy = join(store.folder, entry.name, BACKUP_STORE_FILE);
    // Without the key the copy is unreadable.
    expect(() => new Sqlite(copy, { readonly: true }).prepare('SELECT count(*) FROM sqlite_master').get()).toThrow();
    expect(existsSync(join(store.folder, entry.name, 'attachments'))).toBe(true);
    const verdict = await store.admin.call('backups.verify', { name: entry.name });
    expect(verdict).toMatchObject({ ok: true, problem: null, migrationsToApply: 0 });
    const status = await store.admin.call('backups.status', {});
    expect(status).toMatchObject({ folder: store.folder, folderIsDefault: false, folderAvailable: true, lastBackupName: entry.name, overdue: false });
  });

  it('backs up and verifies a plain store too', async () => {
    const temp = tempDir();
    cleanups.push(() => temp.remove());
    const plain = await openStore(join(temp.dir, 'plain.sqlite'));
    await plain.close();
    mkdirSync(join(temp.dir, 'out'));
    const manifest = await writeBackup({ storePath: join(temp.dir, 'plain.sqlite'), key: null, folder: join(temp.dir, 'out'), kind: 'manual', at: new Date(), appVersion: 'test' });
    expect(manifest.encrypted).toBe(false);
    expect(await inspectBackup(join(temp.dir, 'out', manifest.name), null, null)).toMatchObject({ ok: true });
    // An encrypted desk refuses nothing plain that is sound; a plain desk cannot read an encrypted backup.
    expect(await inspectBackup(join(temp.dir, 'out', manifest.name), TEST_STORE_KEY, null)).toMatchObject({ ok: true });
  });

  it('keeps 7 daily, 4 weekly and 12 monthly scheduled backups and every pre-restore one', async () => {
    const store = await storeWithBackupsFolder();
    const path = store.runtime.store.path;
    const start = Date.parse('2026-01-01T23:00:00Z');
    for (let day = 0; day < 30; day += 1) {
      await writeBackup({ storePath: path, key: TEST_STORE_KEY, folder: store.folder, kind: 'scheduled', at: new Date(start + day * 86_400_000), appVersion: 'test' });
    }
    await writeBackup({ storePath: path, key: TEST_STORE_KEY, folder: store.folder, kind: 'pre-restore', at: new Date(start), appVersion: 'test' });
    const removed = rotateBackups(store.folder);
    const left = listBackupNames(store.folder);
    expect(left.filter((n) => n.endsWith('-pre-restore'))).toHaveLength(1);
    const scheduled = left.filter((n) => n.endsWith('-scheduled'));
    // Riyadh days Jan 2–31: days Jan 25–31; weeks from Sun Jan 25 (already a day), Jan 18 (Sat Jan 24),
    // Jan 11 (Sat Jan 17) and Jan 4 (Sat Jan 10); January's month is Jan 31, already a day: 7 + 3 kept.
    expect(scheduled.length + removed.length).toBe(30);
    expect(scheduled.length).toBe(10);
    const newest = scheduled.map((n) => readManifest(join(store.folder, n))!.takenAt).sort().reverse();
    expect(newest.slice(0, 7)).toEqual(Array.from({ length: 7 }, (_, i) => new Date(start + (29 - i) * 86_400_000).toISOString()));
    // The oldest kept is the last of the week from Jan 4 (Sat Jan 10 in Riyadh = Jan 9, 23:00 UTC).
    expect(newest.at(-1)).toBe('2026-01-09T23:00:00.000Z');
  }, 60_000);

  it('takes one scheduled backup a day from the background job', async () => {
    const store = await storeWithBackupsFolder();
    expect(await store.runtime.router.runJob('backups.daily', scheduledBackup)).toBe(1);
    expect(await store.runtime.router.runJob('backups.daily', scheduledBackup)).toBe(0);
    expect(listBackupNames(store.folder).filter((n) => n.endsWith('-scheduled'))).toHaveLength(1);

    // A new install nobody has set up yet holds nothing to keep.
    const fresh = tempDir();
    const unset = await openRuntime({ storePath: join(fresh.dir, 'mamen.sqlite'), storeKey: TEST_STORE_KEY, appVersion: 'test', logger: silentLogger() });
    cleanups.push(() => unset.close(), () => fresh.remove());
    expect(await unset.router.runJob('backups.daily', scheduledBackup)).toBe(0);
    expect(existsSync(join(fresh.dir, 'backups'))).toBe(false);
  });

  it('restores a backup after backing up the current state, ends every session and brings the data back', async () => {
    const store = await storeWithBackupsFolder();
    await register(store, 'سالم');
    const backup = await store.admin.call('backups.create', {});
    await register(store, 'خالد');
    expect(await firstNames(store.runtime)).toEqual(['خالد', 'سالم']);

    const outcome = await store.admin.call('backups.restore', { name: backup.name });
    expect(outcome.preRestoreBackup).toMatch(/-pre-restore$/);
    expect(readManifest(join(store.folder, outcome.preRestoreBackup!))!.counts.beneficiaries).toBe(2);
    // The admin's session ended with the others.
    expect((await store.admin.call('auth.me', {})).user).toBeNull();
    const again = new Caller(store.runtime);
    await again.call('auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(await firstNames(store.runtime)).toEqual(['سالم']);
    const audit = await store.runtime.store.db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'backups.restore').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail!)).toMatchObject({ backup: backup.name, preRestoreBackup: outcome.preRestoreBackup });
    expect((await again.call('audit.verify', {})).ok).toBe(true);
    // The pre-restore backup brings the later record back in turn.
    await again.call('backups.restore', { name: outcome.preRestoreBackup! });
    const third = new Caller(store.runtime);
    await third.call('auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(await firstNames(store.runtime)).toEqual(['خالد', 'سالم']);
  }, 60_000);

  it('loses no write made while a restore starts: it is in the pre-restore backup or refused with a message', async () => {
    const store = await storeWithBackupsFolder();
    await register(store, 'سالم');
    const backup = await store.admin.call('backups.create', {});
    const clerk = new Caller(store.runtime);
    await clerk.call('auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    const restoring = store.admin.call('backups.restore', { name: backup.name });
    const racing = clerk.raw('beneficiaries.register', { beneficiary: beneficiaryInput({ firstName: 'خالد', familyName: FAMILIES['خالد'], phonePrimary: PHONES['خالد'] }) });
    const [outcome, raced] = await Promise.all([restoring, racing]);
    const before = readManifest(join(store.folder, outcome.preRestoreBackup!))!;
    if (raced.ok) expect(before.counts.beneficiaries).toBe(2);
    else expect(raced.error.messageKey).toBe('error.restoring');
    expect(await firstNames(store.runtime)).toEqual(['سالم']);
  }, 60_000);

  it('refuses a damaged, foreign or wrong-key backup with a clear message and changes nothing', async () => {
    const store = await storeWithBackupsFolder();
    await register(store, 'سالم');
    const backup = await store.admin.call('backups.create', {});
    await register(store, 'خالد');
    damageMiddle(join(store.folder, backup.name, BACKUP_STORE_FILE));

    const damaged = await store.admin.raw('backups.restore', { name: backup.name });
    expect(damaged).toMatchObject({ ok: false, error: { code: 'CONFLICT', messageKey: 'backup.damaged' } });
    if (!damaged.ok) expect(damaged.error.message.ar).toContain('تالفة');

    const foreignName = 'mamen-20260101T000000000Z-manual';
    mkdirSync(join(store.folder, foreignName));
    writeFileSync(join(store.folder, foreignName, 'manifest.json'), '{"hello":"world"}');
    expect(await store.admin.raw('backups.restore', { name: foreignName })).toMatchObject({ ok: false, error: { messageKey: 'backup.foreign' } });

    // A backup of another desk, encrypted with its own key.
    const other = tempDir();
    cleanups.push(() => other.remove());
    const otherStore = await openStore(join(other.dir, 'mamen.sqlite'), { key: Buffer.alloc(32, 9) });
    await otherStore.close();
    const otherManifest = await writeBackup({ storePath: join(other.dir, 'mamen.sqlite'), key: Buffer.alloc(32, 9), folder: store.folder, kind: 'manual', at: new Date('2026-02-02T00:00:00Z'), appVersion: 'test' });
    expect(await store.admin.raw('backups.restore', { name: otherManifest.name })).toMatchObject({ ok: false, error: { messageKey: 'backup.wrongKey' } });

    // Only an administrator may restore, or even list the backups.
    const { user } = await store.admin.call('auth.me', {});
    const reception = await userOf(store, 'reception', user!.branchId, 'reception1');
    expect(await reception.raw('backups.restore', { name: otherManifest.name })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await reception.raw('backups.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // Nothing changed: same data, same session, no pre-restore backup written.
    expect(await firstNames(store.runtime)).toEqual(['خالد', 'سالم']);
    expect(listBackupNames(store.folder).some((n) => n.endsWith('-pre-restore'))).toBe(false);
  }, 60_000);

  it('restores a plain backup of an older schema: migrated on open and encrypted with the desk key', async () => {
    const store = await storeWithBackupsFolder();
    const old = tempDir();
    cleanups.push(() => old.remove());
    const olderSchema = MIGRATIONS.slice(0, 5);
    const plain = await openStore(join(old.dir, 'mamen.sqlite'), { migrations: olderSchema });
    await plain.close();
    const manifest = await writeBackup({ storePath: join(old.dir, 'mamen.sqlite'), key: null, folder: store.folder, kind: 'manual', at: new Date('2026-03-01T08:00:00Z'), appVersion: 'old' });
    expect(manifest).toMatchObject({ schemaVersion: 5, encrypted: false });

    const verdict = await store.admin.call('backups.verify', { name: manifest.name });
    expect(verdict).toMatchObject({ ok: true, migrationsToApply: MIGRATIONS.length - 5 });
    await store.admin.call('backups.restore', { name: manifest.name });
    expect(store.runtime.store.schemaVersion).toBe(MIGRATIONS.length);
    const header = readFileSync(store.runtime.store.path).subarray(0, 15).toString('latin1');
    expect(header).not.toBe('SQLite format 3');
    const audit = await store.runtime.store.db.selectFrom('audit_log').select(['action', 'detail']).execute();
    expect(audit.map((a) => a.action)).toEqual(['backups.restore']);
    expect(JSON.parse(audit[0]!.detail!)).toMatchObject({ migrated: MIGRATIONS.length - 5 });
  }, 60_000);

  it('refuses a folder that is not there or not a full path', async () => {
    const store = await storeWithBackupsFolder();
    expect(await store.admin.raw('backups.configure', { folder: 'relative/path', daily: true })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await store.admin.raw('backups.configure', { folder: join(store.dir, 'no-such-drive'), daily: true })).toMatchObject({ ok: false, error: { messageKey: 'backup.folderMissing' } });
    expect((await store.admin.call('backups.status', {})).folder).toBe(store.folder);
  });

  it('starts a damaged store in recovery mode, where an admin of the backup restores it', async () => {
    const store = await storeWithBackupsFolder();
    await register(store, 'سالم');
    const backup = await store.admin.call('backups.create', {});
    const path = store.runtime.store.path;
    await store.runtime.close();
    damageMiddle(path);

    let clock = Date.now();
    const runtime = await openRuntime({ storePath: path, storeKey: TEST_STORE_KEY, appVersion: 'test', logger: silentLogger(), recoverDamagedStore: true, now: () => new Date(clock) });
    cleanups.push(() => runtime.close());
    expect(runtime.recovery).toBe(true);
    const desk = new Caller(runtime);
    expect(await desk.raw('setup.status', {})).toMatchObject({ ok: false, error: { messageKey: 'error.storeDamaged' } });
    const status = await desk.call('recovery.status', {});
    expect(status.recovery).toBe(true);
    expect(status.backups.map((b) => b.name)).toContain(backup.name);
    expect(await desk.raw('recovery.restore', { name: backup.name, username: 'admin', password: 'not the password' })).toMatchObject({
      ok: false, error: { code: 'INVALID_CREDENTIALS', messageKey: 'recovery.notAnAdmin' },
    });
    expect(runtime.recovery).toBe(true);
    // Five wrong passwords close the door for five minutes, even to the right one.
    for (let i = 0; i < 4; i += 1) await desk.raw('recovery.restore', { name: backup.name, username: 'admin', password: `guess ${i}` });
    expect(await desk.raw('recovery.restore', { name: backup.name, username: 'admin', password: ADMIN_PASSWORD })).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    clock += 6 * 60_000;

    const restored = await desk.call('recovery.restore', { name: backup.name, username: 'admin', password: ADMIN_PASSWORD });
    expect(restored.restored.counts.beneficiaries).toBe(1);
    expect(runtime.recovery).toBe(false);
    await desk.call('auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(await firstNames(runtime)).toEqual(['سالم']);
    // The damaged file is kept aside for inspection.
    expect(readdirSync(store.dir).some((n) => n.startsWith('mamen.sqlite.damaged-'))).toBe(true);
  }, 60_000);
});
