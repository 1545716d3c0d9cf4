import { join } from 'node:path';
import { Migrator, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../migrations';
import { findCopyUser, openCopy } from '../../src-main/store/backup-copy';
import { openStore } from '../../src-main/store/db';
import { Caller, setUpStore, tempDir, TEST_STORE_KEY, type TestStore } from './support/test-runtime';

/**
 * Usernames are unique within a branch (migration 0017): the same name may be taken at two
 * branches, never twice at one; sign-in resolves a name among the desk's own branch's users first.
 */

const BEFORE_0017 = MIGRATIONS.slice(0, MIGRATIONS.findIndex(([name]) => name === '0017_usernames_per_branch'));
const AT = '2026-11-26T10:00:00.000Z';

function user(id: string, branchId: string, username: string) {
  return { id, branch_id: branchId, username, display_name: username, password_hash: 'x', role: 'reception', branch_scope: 'own', active: 1, must_change_password: 0, failed_attempts: 0, created_at: AT, updated_at: AT, hlc: `${AT}-0000-a` };
}

function branch(id: string, code: string) {
  return { id, branch_id: id, code, name_ar: code, is_headquarters: 0, created_at: AT, updated_at: AT, hlc: `${AT}-0000-a` };
}

describe('migration 0017: usernames unique per branch', () => {
  const cleanups: Array<() => void | Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function storeBefore0017(): Promise<string> {
    const temp = tempDir();
    cleanups.push(temp.remove);
    const path = join(temp.dir, 'store.sqlite');
    const old = await openStore(path, { migrations: BEFORE_0017 });
    await old.db.insertInto('branches').values([branch('b-1', 'JZN'), branch('b-2', 'SBY')]).execute();
    await old.db.insertInto('users').values([user('u-1', 'b-1', 'ahmad'), user('u-2', 'b-2', 'salem')]).execute();
    await old.db.insertInto('sessions').values({ id: 's-1', user_id: 'u-1', token_hash: 't', created_at: AT, last_seen_at: AT, expires_at: AT }).execute();
    await expect(old.db.insertInto('users').values(user('u-3', 'b-2', 'ahmad')).execute()).rejects.toThrow(/UNIQUE/);
    await old.close();
    return path;
  }

  it('keeps every user and session, lets another branch take a name, refuses it twice at one branch', async () => {
    const path = await storeBefore0017();
    const store = await openStore(path);
    cleanups.push(() => store.close());
    const db = store.db;
    expect(await db.selectFrom('users').select(['id', 'branch_id', 'username']).orderBy('id').execute()).toEqual([
      { id: 'u-1', branch_id: 'b-1', username: 'ahmad' }, { id: 'u-2', branch_id: 'b-2', username: 'salem' },
    ]);
    expect(await db.selectFrom('sessions').select(['id', 'user_id']).execute()).toEqual([{ id: 's-1', user_id: 'u-1' }]);
    await db.insertInto('users').values(user('u-3', 'b-2', 'ahmad')).execute();
    await expect(db.insertInto('users').values(user('u-4', 'b-2', 'ahmad')).execute()).rejects.toThrow(/UNIQUE/);
    // Foreign keys are back on, and still point at the rebuilt table.
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    await expect(db.insertInto('sessions').values({ id: 's-2', user_id: 'nobody', token_hash: 'u', created_at: AT, last_seen_at: AT, expires_at: AT }).execute()).rejects.toThrow(/FOREIGN KEY/);
    await expect(db.insertInto('users').values(user('u-5', 'no-branch', 'khalid')).execute()).rejects.toThrow(/FOREIGN KEY/);
    await expect(db.insertInto('users').values({ ...user('u-6', 'b-1', 'nasser'), role: 'visitor' }).execute()).rejects.toThrow(/CHECK/);
  });

  it('goes down again to one name per association and back up', async () => {
    const path = await storeBefore0017();
    const store = await openStore(path);
    cleanups.push(() => store.close());
    const migrator = new Migrator({ db: store.db as Kysely<unknown>, provider: { getMigrations: async () => Object.fromEntries(MIGRATIONS) }, migrationTableName: 'kysely_migration' });
    expect((await migrator.migrateTo(BEFORE_0017.at(-1)![0])).error).toBeUndefined();
    await expect(store.db.insertInto('users').values(user('u-3', 'b-2', 'ahmad')).execute()).rejects.toThrow(/UNIQUE/);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    await store.db.insertInto('users').values(user('u-3', 'b-2', 'ahmad')).execute();
    expect(await store.db.selectFrom('sessions').select('user_id').execute()).toEqual([{ user_id: 'u-1' }]);
  });
});

describe('the same username at two branches of one store', () => {
  let s: TestStore;
  afterEach(async () => { await s.close(); });

  async function otherBranch(code: string): Promise<string> {
    return (await s.admin.call('branches.create', { code, nameAr: `فرع ${code}` })).id;
  }
  const create = (username: string, branchId: string, password = 'first-password-1') =>
    s.admin.raw('users.create', { username, displayName: username, role: 'reception', branchId, branchScope: 'own', password });
  const signIn = (username: string, password: string) => new Caller(s.runtime).raw('auth.login', { username, password });

  it('creates a name once per branch and refuses it twice at one branch, creating or moving a user', async () => {
    s = await setUpStore();
    const home = (await s.admin.call('auth.me', {})).user!.branchId;
    const sabya = await otherBranch('SBY');
    expect(await create('ahmad', home)).toMatchObject({ ok: true });
    expect(await create('ahmad', sabya)).toMatchObject({ ok: true, value: { branchId: sabya } });
    expect(await create('ahmad', home)).toMatchObject({ ok: false, error: { code: 'CONFLICT', messageKey: 'error.usernameTaken', fields: { username: { messageKey: 'error.usernameTaken' } } } });
    const users = await s.runtime.store.db.selectFrom('users').select('id').where('username', '=', 'ahmad').execute();
    expect(users).toHaveLength(2);
    const atSabya = (await s.admin.call('users.list', {})).users.find((u) => u.username === 'ahmad' && u.branchId === sabya)!;
    const moved = await s.admin.raw('users.update', { id: atSabya.id, displayName: 'أحمد', role: 'reception', branchId: home, branchScope: 'own', active: true });
    expect(moved).toMatchObject({ ok: false, error: { code: 'CONFLICT', messageKey: 'error.usernameTaken', fields: { branchId: { messageKey: 'error.usernameTaken' } } } });
    // Editing a user without moving him is no clash with himself.
    expect(await s.admin.raw('users.update', { id: atSabya.id, displayName: 'أحمد الصبياني', role: 'reception', branchId: sabya, branchScope: 'own', active: true })).toMatchObject({ ok: true });
  });

  it('signs in the desk’s own branch’s user, the only user of a name elsewhere, and nobody when the name is ambiguous', async () => {
    s = await setUpStore();
    const home = (await s.admin.call('auth.me', {})).user!.branchId;
    const sabya = await otherBranch('SBY');
    const abha = await otherBranch('ABH');
    await create('ahmad', sabya, 'sabya-password-1');
    await create('ahmad', home, 'home-password-1');
    expect(await signIn('ahmad', 'home-password-1')).toMatchObject({ ok: true, value: { branchId: home } });
    expect(await signIn('ahmad', 'sabya-password-1')).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    await create('salem', sabya, 'salem-password-1');
    expect(await signIn('salem', 'salem-password-1')).toMatchObject({ ok: true, value: { branchId: sabya } });
    await create('khalid', sabya, 'khalid-password-1');
    await create('khalid', abha, 'khalid-password-2');
    expect(await signIn('khalid', 'khalid-password-1')).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    expect(await signIn('khalid', 'khalid-password-2')).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
  });

  it('checks a recovery restore’s administrator among the backup’s own branch’s users first', async () => {
    s = await setUpStore();
    const home = (await s.admin.call('auth.me', {})).user!.branchId;
    const sabya = await otherBranch('SBY');
    const abha = await otherBranch('ABH');
    const admin = (username: string, branchId: string) =>
      s.admin.call('users.create', { username, displayName: username, role: 'admin', branchId, branchScope: 'own', password: 'first-password-1' });
    await admin('manager', sabya);
    const atHome = await admin('manager', home);
    const onlyAtSabya = await admin('salem', sabya);
    await admin('khalid', sabya);
    await admin('khalid', abha);
    const copy = openCopy(s.runtime.store.path, TEST_STORE_KEY, 'recover-wal');
    try {
      expect(findCopyUser(copy, 'manager')?.id).toBe(atHome.id);
      expect(findCopyUser(copy, 'salem')).toMatchObject({ id: onlyAtSabya.id, role: 'admin', active: 1 });
      expect(findCopyUser(copy, 'khalid')).toBeNull();
      expect(findCopyUser(copy, 'nobody')).toBeNull();
    } finally {
      copy.close();
    }
  });
});
