import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { beneficiaryInput } from './support/test-runtime';
import { writeRefusedChange } from './support/refused-change';
import { setUpDesk, startHeadOffice, type HeadOfficeHarness } from './support/sync-harness';

describe('the desk’s sync methods', () => {
  let ho: HeadOfficeHarness;
  let desk: Awaited<ReturnType<typeof setUpDesk>>;
  beforeEach(async () => {
    ho = await startHeadOffice('sqlite');
    desk = await setUpDesk('JZN');
  });
  afterEach(async () => {
    await desk.close();
    await ho.close();
  });

  it('shows "not configured" until enrolled, then "synced" with nothing pending, in the status bar too', async () => {
    expect((await desk.admin.call('sync.status', {})).state).toBe('not_configured');
    const code = await ho.newCode(desk.branchId);
    const status = await desk.admin.call('sync.enrol', { serverUrl: ho.url, code });
    expect(status).toMatchObject({ state: 'synced', pendingChanges: 0, parkedChanges: 0, serverUrl: ho.url, branchId: desk.branchId, error: null });
    expect(status.lastRun?.pushed).toBeGreaterThan(0);
    expect((await desk.admin.call('system.status', {})).sync.state).toBe('synced');
    const audit = await desk.runtime.store.db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', '=', 'sync.enrol').execute();
    expect(audit).toHaveLength(1);
    expect((await desk.admin.call('audit.verify', {})).ok).toBe(true);
  });

  it('counts new work as pending until "sync now" sends it', async () => {
    await desk.admin.call('sync.enrol', { serverUrl: ho.url, code: await ho.newCode(desk.branchId) });
    await desk.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput() });
    const pending = await desk.admin.call('sync.status', {});
    expect(pending.state).toBe('pending');
    expect(pending.pendingChanges).toBeGreaterThan(0);
    const after = await desk.admin.call('sync.now', {});
    expect(after).toMatchObject({ state: 'synced', pendingChanges: 0 });
  });

  it('says since when it is offline when head office cannot be reached, and keeps the work pending', async () => {
    await desk.admin.call('sync.enrol', { serverUrl: ho.url, code: await ho.newCode(desk.branchId) });
    await ho.app.close();
    await desk.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput() });
    const offline = await desk.admin.call('sync.now', {});
    expect(offline.state).toBe('offline');
    expect(offline.offlineSince).toEqual(expect.any(String));
    expect(offline.pendingChanges).toBeGreaterThan(0);
    expect((await desk.admin.call('system.status', {})).sync.state).toBe('offline');
  });

  it('refuses a code for another branch with a clear message on the code field, without using it up', async () => {
    const otherBranch = await setUpDesk('SBY');
    try {
      const code = await ho.newCode(otherBranch.branchId);
      const refused = await desk.admin.raw('sync.enrol', { serverUrl: ho.url, code });
      expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { code: { messageKey: 'error.syncEnrolmentRefused' } } } });
      if (!refused.ok) expect(refused.error.message.ar).toContain('رمز التسجيل');
      expect((await otherBranch.admin.call('sync.enrol', { serverUrl: ho.url, code })).state).toBe('synced');
    } finally {
      await otherBranch.close();
    }
  });

  it('says the server cannot be reached when enrolling against a wrong address', async () => {
    const refused = await desk.admin.raw('sync.enrol', { serverUrl: 'http://127.0.0.1:9', code: 'ABCD-EFGH-JKLM' });
    expect(refused).toMatchObject({ ok: false, error: { messageKey: 'error.syncOffline' } });
    expect((await desk.admin.call('sync.status', {})).state).toBe('not_configured');
  });

  it('lists a change head office refused with its reason for the manager, without the person’s data', async () => {
    const other = await setUpDesk('SBY');
    try {
      const person = beneficiaryInput();
      await other.admin.call('sync.enrol', { serverUrl: ho.url, code: await ho.newCode(other.branchId) });
      await other.admin.call('beneficiaries.register', { beneficiary: person });
      await other.admin.call('sync.now', {});
      await desk.admin.call('sync.enrol', { serverUrl: ho.url, code: await ho.newCode(desk.branchId) });
      await desk.admin.call('beneficiaries.register', { beneficiary: person });
      // A decision on a review item head office never opened: refused (the same person at two branches is not: it opens a review).
      await writeRefusedChange(desk.runtime, desk.branchId);
      const status = await desk.admin.call('sync.now', {});
      expect(status).toMatchObject({ state: 'synced', pendingChanges: 0, parkedChanges: 1 });
      const { changes } = await desk.admin.call('sync.parked', {});
      expect(changes).toEqual([expect.objectContaining({ direction: 'push', table: 'duplicate_resolutions', reason: 'review_unknown' })]);
      expect(JSON.stringify(changes)).not.toContain(person.nationalId);
    } finally {
      await other.close();
    }
  });
});
