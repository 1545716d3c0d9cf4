import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../../src-shared/contract';
import { Caller, beneficiaryInput, setUpStore, userOf, type TestStore } from './support/test-runtime';

let s: TestStore;
beforeEach(async () => {
  s = await setUpStore();
});
afterEach(async () => {
  await s.close();
});

const count = (table: string) => (s.runtime.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const snapshot = () => ({ beneficiaries: count('beneficiaries'), changes: count('change_log'), audit: count('audit_log'), users: count('users') });

async function homeBranchId(): Promise<string> {
  const { branches } = await s.admin.call('branches.list', {});
  return branches[0]!.id;
}

describe('router: sessions, roles and branch scope', () => {
  it('answers an unknown method with its own code and an Arabic message', async () => {
    const result = await s.admin.raw('beneficiaries.delete_everything', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD', message: { ar: 'طلب غير معروف للنظام.' } } });
  });

  it('refuses a call without a session and writes nothing', async () => {
    const before = snapshot();
    const anonymous = new Caller(s.runtime);
    const result = await anonymous.raw('beneficiaries.register', { beneficiary: beneficiaryInput() });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(result.ok ? '' : result.error.message.ar).toContain('سجّل الدخول');
    expect(snapshot()).toEqual(before);
  });

  it('refuses a role the method does not allow', async () => {
    const reception = await userOf(s, 'reception', await homeBranchId(), 'desk1');
    expect(await reception.raw('users.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const committee = await userOf(s, 'committee', await homeBranchId(), 'committee1');
    expect(await committee.raw('beneficiaries.register', { beneficiary: beneficiaryInput() })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('keeps a branch user out of another branch’s records', async () => {
    const other = await s.admin.call('branches.create', { code: 'SAB', nameAr: 'مكتب صبيا', city: 'صبيا' });
    const hq = await homeBranchId();
    const sabya = await userOf(s, 'reception', other.id, 'sabya1');
    const headOffice = await userOf(s, 'reception', hq, 'hq1');
    const { id } = await headOffice.call('beneficiaries.register', { beneficiary: beneficiaryInput() });

    const before = snapshot();
    const denied = await sabya.raw('beneficiaries.get', { id });
    expect(denied).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } });
    expect(denied.ok ? '' : denied.error.message.ar).toContain('فرع آخر');
    expect(snapshot()).toEqual(before);
    expect((await sabya.call('beneficiaries.search', { query: 'احمد' })).items).toEqual([]);
    expect((await headOffice.call('beneficiaries.search', { query: 'احمد' })).items).toHaveLength(1);
    // The duplicate check still sees the other branch's person, without revealing their ID.
    const { candidates } = await sabya.call('beneficiaries.checkDuplicates', { beneficiary: beneficiaryInput({ phonePrimary: '0551234567' }) });
    expect(candidates[0]).toMatchObject({ id, inScope: false, nationalId: null, branchName: 'المقر الرئيسي' });
  });

  it('locks an account after five wrong passwords, even against the right one', async () => {
    const desk = new Caller(s.runtime);
    for (let i = 0; i < 4; i += 1) {
      expect(await desk.raw('auth.login', { username: 'admin', password: 'wrong-password' })).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    }
    const fifth = await desk.raw('auth.login', { username: 'admin', password: 'wrong-password' });
    expect(fifth).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    expect(fifth.ok ? '' : fifth.error.message.ar).toContain('دقيقة');
    expect(await desk.raw('auth.login', { username: 'admin', password: 'correct horse battery' })).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    const locked = s.runtime.store.sqlite.prepare("SELECT locked_until FROM users WHERE username = 'admin'").get() as { locked_until: string | null };
    expect(locked.locked_until).not.toBeNull();
    const audit = s.runtime.store.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action IN ('auth.login.failed', 'auth.account.locked')").get() as { n: number };
    expect(audit.n).toBe(5);
  });

  it('holds a user with an admin-set password to changing it first', async () => {
    await s.admin.call('users.create', { username: 'newdesk', displayName: 'موظف', role: 'reception', branchId: await homeBranchId(), branchScope: 'own', password: 'temporary-pass-1' });
    const desk = new Caller(s.runtime);
    const me = await desk.call('auth.login', { username: 'newdesk', password: 'temporary-pass-1' });
    expect(me.mustChangePassword).toBe(true);
    expect(await desk.raw('beneficiaries.search', { query: 'احمد' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await desk.call('auth.changePassword', { currentPassword: 'temporary-pass-1', newPassword: 'my-own-password-2' });
    expect(await desk.raw('beneficiaries.search', { query: 'احمد' })).toMatchObject({ ok: true });
  });

  it('ends the session on logout', async () => {
    await s.admin.call('auth.logout', {});
    expect(await s.admin.call('auth.me', {})).toEqual({ user: null });
    expect(await s.admin.raw('users.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('router: bad input changes nothing', () => {
  it('refuses a national ID with a wrong check digit, naming the field in Arabic', async () => {
    const before = snapshot();
    const result = await s.admin.raw('beneficiaries.register', { beneficiary: beneficiaryInput({ nationalId: '1000000001' }) });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (result.ok) return;
    expect(result.error.fields?.['beneficiary.nationalId']?.message.ar).toContain('خانة التحقق');
    expect(result.error.message.ar).toContain('رقم الهوية/الإقامة');
    expect(snapshot()).toEqual(before);
  });

  it('names the field in the summary of a refusal the service makes for one field (a branch that does not exist)', async () => {
    const before = snapshot();
    const result = await s.admin.raw('users.create', { username: 'ghost', displayName: 'غير موجود', role: 'reception', branchId: '01a2194d-9ab2-7de5-acf1-3d3033344b90', branchScope: 'own', password: 'first-password-1' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { branchId: { messageKey: 'validation.invalidChoice' } } } });
    if (result.ok) return;
    expect(result.error.message.ar).toContain('«الفرع»');
    expect(result.error.message.en).toContain('“Branch”');
    expect(snapshot()).toEqual(before);
  });

  it('refuses an impossible date in either calendar', async () => {
    for (const birthDate of ['2023-02-30', '1445/13/01', '1440/03/30', '3000-01-01', '31/31/1990']) {
      const result = await s.admin.raw('beneficiaries.register', { beneficiary: beneficiaryInput({ birthDate }) });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.fields?.['beneficiary.birthDate']?.message.ar).toMatch(/تاريخ/);
    }
    expect(count('beneficiaries')).toBe(0);
  });

  it('accepts a Hijri birth date and stores it as Gregorian', async () => {
    const { id } = await s.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput({ birthDate: '١٤٠٥/٠٨/٢٢' }) });
    const profile = await s.admin.call('beneficiaries.get', { id });
    expect(profile.birthDate).toBe('1985-05-13');
  });

  it('rejects malformed input to every method with a validation error and writes nothing', async () => {
    const before = snapshot();
    for (const [method, definition] of Object.entries(contract)) {
      for (const bad of [42, 'text', [1, 2], { unexpected: { deeply: ['nested'] } }]) {
        // Inputs the schema accepts (every field optional or defaulted) are not malformed: not sent.
        if (definition.input.safeParse(bad).success) continue;
        const result = await s.admin.raw(method, bad);
        // Roles are checked before input: a method the administrator may not call is refused as such.
        const adminMayCall = typeof definition.access === 'string' || definition.access.includes('admin');
        const expected = adminMayCall ? 'VALIDATION' : 'FORBIDDEN';
        expect(result, `${method} with ${JSON.stringify(bad)}`).toMatchObject({ ok: false, error: { code: expected } });
        if (!result.ok) expect(result.error.message.ar.length).toBeGreaterThan(5);
      }
    }
    expect(snapshot()).toEqual(before);
  });
});
