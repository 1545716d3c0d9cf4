import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { beneficiaryInput, Caller, setUpStoreAt, userOf, type TestClock, type TestStore } from './support/test-runtime';

let s: TestStore & { clock: TestClock };
let hq: string;
beforeEach(async () => {
  s = await setUpStoreAt(new Date('2026-03-01T08:00:00.000Z'));
  hq = (await s.admin.call('auth.me', {})).user!.branchId;
});
afterEach(async () => {
  await s.close();
});

const minutes = (n: number) => s.clock.set(new Date(s.clock.now().getTime() + n * 60_000));
const actions = () => (s.runtime.store.sqlite.prepare('SELECT action FROM audit_log ORDER BY seq').all() as { action: string }[]).map((r) => r.action);

describe('session lock: enforced by the server, not only the screen', () => {
  it('refuses every call but unlock and sign-out while locked, and answers again after the password', async () => {
    const desk = await userOf(s, 'reception', hq, 'desk1');
    await desk.call('auth.lock', { reason: 'manual' });
    expect((await desk.call('auth.me', {})).user).toMatchObject({ username: 'desk1', locked: true });
    for (const [method, input] of [['beneficiaries.search', { query: 'احمد' }], ['beneficiaries.register', { beneficiary: beneficiaryInput() }], ['auth.changePassword', { currentPassword: 'second-password-2', newPassword: 'third-password-3' }]] as const) {
      expect(await desk.raw(method, input), method).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED', message: { ar: expect.stringContaining('مقفلة') } } });
    }
    expect(s.runtime.store.sqlite.prepare('SELECT count(*) AS n FROM beneficiaries').get()).toEqual({ n: 0 });
    expect(await desk.raw('auth.unlock', { password: 'wrong-password' })).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    expect((await desk.raw('beneficiaries.search', { query: 'احمد' })).ok).toBe(false);
    await desk.call('auth.unlock', { password: 'second-password-2' });
    expect((await desk.call('auth.me', {})).user!.locked).toBe(false);
    expect((await desk.raw('beneficiaries.search', { query: 'احمد' })).ok).toBe(true);
    expect(actions()).toEqual(expect.arrayContaining(['auth.lock', 'auth.unlock.failed', 'auth.unlock']));
  });

  it('lets a locked window sign in afresh (a change of shift), ending the locked session', async () => {
    const desk = await userOf(s, 'reception', hq, 'desk3');
    await desk.call('auth.lock', { reason: 'manual' });
    const locked = s.runtime.store.sqlite.prepare("SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = 'desk3' AND s.locked_at IS NOT NULL").get() as { id: string };
    expect(await desk.raw('auth.login', { username: 'desk3', password: 'wrong-password' })).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    expect((await desk.raw('beneficiaries.search', { query: 'احمد' })).ok).toBe(false);
    await desk.call('auth.login', { username: 'desk3', password: 'second-password-2' });
    expect((await desk.call('auth.me', {})).user).toMatchObject({ username: 'desk3', locked: false });
    expect((await desk.raw('beneficiaries.search', { query: 'احمد' })).ok).toBe(true);
    expect(s.runtime.store.sqlite.prepare('SELECT revoked_at FROM sessions WHERE id = ?').get(locked.id)).toEqual({ revoked_at: expect.any(String) });
  });

  it('locks only the session that asked: the same user on another desk carries on', async () => {
    const desk = await userOf(s, 'reception', hq, 'desk1');
    const other = new Caller(s.runtime);
    await other.call('auth.login', { username: 'desk1', password: 'second-password-2' });
    await desk.call('auth.lock', { reason: 'idle' });
    expect((await other.raw('beneficiaries.search', { query: 'احمد' })).ok).toBe(true);
  });

  it('counts wrong passwords at the lock screen toward the lockout and ends the locked session', async () => {
    const desk = await userOf(s, 'reception', hq, 'desk1');
    await desk.call('auth.lock', { reason: 'manual' });
    for (let i = 0; i < 4; i += 1) expect(await desk.raw('auth.unlock', { password: `guess-${i}` })).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    expect(await desk.raw('auth.unlock', { password: 'guess-5' })).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    expect((await desk.call('auth.me', {})).user).toBeNull();
    expect(await desk.raw('auth.login', { username: 'desk1', password: 'second-password-2' })).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    expect(actions()).toContain('auth.account.locked');
  });

  it('locks a session left idle past the setting, even if its window never said so', async () => {
    const desk = await userOf(s, 'reception', hq, 'desk1');
    expect((await desk.call('auth.idleLock', {})).minutes).toBe(15);
    minutes(10);
    expect((await desk.raw('beneficiaries.search', { query: 'احمد' })).ok).toBe(true);
    minutes(17);
    expect(await desk.raw('beneficiaries.search', { query: 'احمد' })).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
    await desk.call('auth.unlock', { password: 'second-password-2' });
    expect((await desk.raw('beneficiaries.search', { query: 'احمد' })).ok).toBe(true);
  });

  it('lets only an admin set the idle lock, within 1 to 240 minutes', async () => {
    const manager = await userOf(s, 'manager', hq, 'boss');
    expect(await manager.raw('auth.setIdleLock', { minutes: 5 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await s.admin.raw('auth.setIdleLock', { minutes: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await s.admin.raw('auth.setIdleLock', { minutes: 241 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await s.admin.call('auth.setIdleLock', { minutes: 5 })).toEqual({ minutes: 5 });
    expect((await manager.call('auth.idleLock', {})).minutes).toBe(5);
    minutes(7);
    expect(await manager.raw('beneficiaries.search', { query: 'احمد' })).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
  });
});
