import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hlcToString } from '../../src-shared/domain/hlc';
import { openRuntime } from '../../src-main/api/runtime';
import { stopScheduler } from '../../src-main/sync/scheduler';
import { ADMIN_PASSWORD, beneficiaryInput, Caller, silentLogger, tempDir, TEST_STORE_KEY } from './support/test-runtime';
import { DIALECTS, editNotes, firstDesk, nextDesk, setUpDesk, startHeadOffice, type HeadOfficeHarness } from './support/sync-harness';

/**
 * Several desks at one branch: a desk joins the branch from an empty store with an enrolment code
 * (its first run), receives the branch and its staff, and each desk sees the other's work. Two
 * desks editing the same field at once: the later edit wins everywhere and the other value is kept
 * as a superseded value that shows in the history and can be typed again.
 */

describe.each(DIALECTS)('desks of one branch on %s', (dialect) => {
  let ho: HeadOfficeHarness;
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of cleanup.splice(0).reverse()) await close();
  });

  it('joins a branch from an empty desk with an enrolment code: the branch arrives, its staff sign in, each desk sees the other’s work', async () => {
    ho = await startHeadOffice(dialect);
    cleanup.push(() => ho.close());
    const a = await firstDesk(ho, 'JZN');
    cleanup.push(() => a.close());
    await a.admin.call('users.create', { username: 'reception-1', displayName: 'موظف الاستقبال', role: 'reception', branchId: a.enrolment.branchId, branchScope: 'own', password: 'first-password-1' });
    const first = await a.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput() });
    await a.sync();

    const temp = tempDir();
    const runtime = await openRuntime({ storePath: join(temp.dir, 'desk.sqlite'), storeKey: TEST_STORE_KEY, appVersion: 'test', logger: silentLogger() });
    cleanup.push(async () => { stopScheduler(runtime.store.path); await runtime.close(); temp.remove(); });
    const b = new Caller(runtime);
    expect((await b.call('setup.status', {})).initialised).toBe(false);
    const refused = await b.raw('setup.join', { serverUrl: ho.url, code: 'ABCD-EFGH-JKLM' });
    expect(refused).toMatchObject({ ok: false, error: { fields: { code: { messageKey: 'error.syncEnrolmentRefused' } } } });
    expect((await b.call('setup.status', {})).initialised).toBe(false);

    const joined = await b.call('setup.join', { serverUrl: ho.url, code: await ho.newCode(a.enrolment.branchId, 'desk 2') });
    expect(joined).toMatchObject({ branchName: 'فرع JZN', users: 2 });
    expect((await b.call('setup.status', {})).initialised).toBe(true);
    // Staff of the branch sign in with the passwords they set at the first desk.
    await b.call('auth.login', { username: 'admin-jzn', password: ADMIN_PASSWORD });
    expect((await b.call('beneficiaries.get', { id: first.id })).id).toBe(first.id);
    const reception = new Caller(runtime);
    await reception.call('auth.login', { username: 'reception-1', password: 'first-password-1' });
    // A second set-up is refused once joined.
    expect(await b.raw('setup.join', { serverUrl: ho.url, code: 'ABCD-EFGH-JKLM' })).toMatchObject({ ok: false, error: { messageKey: 'error.alreadyInitialised' } });

    // Work done at the new desk reaches the first one, and the other way round.
    const second = await b.call('beneficiaries.register', { beneficiary: beneficiaryInput({ firstName: 'خالد', phonePrimary: '0561112223' }) });
    await b.call('sync.now', {});
    await a.sync();
    expect((await a.admin.call('beneficiaries.get', { id: second.id })).id).toBe(second.id);
    // A password changed at one desk works at the other.
    await reception.call('auth.changePassword', { currentPassword: 'first-password-1', newPassword: 'second-password-2' });
    await b.call('sync.now', {});
    await a.sync();
    const atFirstDesk = new Caller(a.runtime);
    await atFirstDesk.call('auth.login', { username: 'reception-1', password: 'second-password-2' });
  });

  it('keeps the value that lost to a concurrent edit as a superseded value, shown in the history and the conflicts list, and reapplies it', async () => {
    ho = await startHeadOffice(dialect);
    cleanup.push(() => ho.close());
    const a = await firstDesk(ho, 'JZN');
    cleanup.push(() => a.close());
    const { id } = await a.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput() });
    await a.sync();
    const b = await nextDesk(ho, a.enrolment.branchId);
    cleanup.push(() => b.close());
    await b.sync();
    // Sequential edits (the second desk saw the first value) are no conflict.
    await editNotes(a, id, 'ملاحظة أولى');
    await a.sync();
    await b.sync();
    await editNotes(b, id, 'ملاحظة ثانية');
    await b.sync();
    await a.sync();
    expect(await ho.store.db.selectFrom('field_conflicts').select('id').execute()).toHaveLength(0);

    // Concurrent: neither desk has seen the other's edit.
    const admin = await a.runtime.store.db.selectFrom('users').select('id').where('username', '=', 'admin-jzn').executeTakeFirstOrThrow();
    await editNotes(a, id, 'من المكتب الأول', admin.id);
    await new Promise((r) => setTimeout(r, 5));
    await editNotes(b, id, 'من المكتب الثاني');
    await a.sync();
    await b.sync();
    await a.sync();
    const atHeadOffice = await ho.store.db.selectFrom('field_conflicts').select(['field', 'losing_value', 'winning_value']).execute();
    expect(atHeadOffice).toEqual([{ field: 'notes', losing_value: 'من المكتب الأول', winning_value: 'من المكتب الثاني' }]);
    const { conflicts } = await a.admin.call('sync.conflicts', {});
    expect(conflicts).toEqual([expect.objectContaining({ field: 'notes', losingValue: 'من المكتب الأول', winningValue: 'من المكتب الثاني', currentValue: 'من المكتب الثاني' })]);
    // The other desk of the branch names who typed the losing value too (the history entry travelled).
    for (const desk of [a, b]) {
      await desk.admin.call('auth.login', { username: 'admin-jzn', password: ADMIN_PASSWORD }).catch(() => undefined);
    }
    expect((await b.admin.call('sync.conflicts', {})).conflicts).toEqual([expect.objectContaining({ losingBy: 'مدير الفرع' })]);
    const history = await a.admin.call('beneficiaries.history', { id });
    expect(history.changes).toContainEqual(expect.objectContaining({ field: 'notes', oldValue: 'من المكتب الأول', newValue: 'من المكتب الثاني', superseded: true }));

    // The person who typed the losing value types it again: a new edit, which wins everywhere.
    await a.admin.call('sync.reapplyConflict', { conflictId: conflicts[0]?.id ?? '' });
    await a.sync();
    await b.sync();
    for (const db of [ho.store.db, a.runtime.store.db, b.runtime.store.db]) {
      expect((await db.selectFrom('beneficiaries').select('notes').where('id', '=', id).executeTakeFirstOrThrow()).notes).toBe('من المكتب الأول');
    }
  });

  it('keeps a superseded value when the earlier edit reaches head office last', async () => {
    ho = await startHeadOffice(dialect);
    cleanup.push(() => ho.close());
    const a = await firstDesk(ho, 'JZN');
    cleanup.push(() => a.close());
    const { id } = await a.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput() });
    await a.sync();
    const b = await nextDesk(ho, a.enrolment.branchId);
    cleanup.push(() => b.close());
    await b.sync();
    await editNotes(a, id, 'أقدم');
    await new Promise((r) => setTimeout(r, 5));
    await editNotes(b, id, 'أحدث');
    await b.sync();
    await a.sync();
    await b.sync();
    const conflicts = await ho.store.db.selectFrom('field_conflicts').select(['losing_value', 'winning_value']).execute();
    expect(conflicts).toEqual([{ losing_value: 'أقدم', winning_value: 'أحدث' }]);
    expect((await b.admin.call('auth.login', { username: 'admin-jzn', password: ADMIN_PASSWORD })).username).toBe('admin-jzn');
    expect((await b.admin.call('sync.conflicts', {})).conflicts).toHaveLength(1);
  });
  it('stamps a desk’s later edit after the changes it pulled, even after a restart and with its clock behind theirs', async () => {
    ho = await startHeadOffice(dialect);
    cleanup.push(() => ho.close());
    const a = await firstDesk(ho, 'JZN');
    cleanup.push(() => a.close());
    const { id } = await a.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput() });
    // The first desk's clock runs two hours fast: its edit is stamped ahead of the second desk's time.
    a.runtime.clock.observe(hlcToString({ wallMs: Date.now() + 2 * 3600_000, counter: 0, node: 'fastdesk' }));
    await editNotes(a, id, 'من الجهاز المتقدم');
    await a.sync();
    const b = await nextDesk(ho, a.enrolment.branchId);
    cleanup.push(() => b.close());
    await b.sync();
    await b.restart();
    // Typed after the second desk saw the first's value: it must win everywhere.
    await editNotes(b, id, 'كُتبت بعد إعادة التشغيل');
    await b.sync();
    await a.sync();
    for (const db of [ho.store.db, a.runtime.store.db, b.runtime.store.db]) {
      expect((await db.selectFrom('beneficiaries').select('notes').where('id', '=', id).executeTakeFirstOrThrow()).notes).toBe('كُتبت بعد إعادة التشغيل');
    }
  });

  it('carries the association’s name by enrolment: head office learns it from the first desk, a desk joining the branch prints it', async () => {
    ho = await startHeadOffice(dialect);
    cleanup.push(() => ho.close());
    const a = await setUpDesk('JZN');
    cleanup.push(() => a.close());
    await a.admin.call('sync.enrol', { serverUrl: ho.url, code: await ho.newCode(a.branchId) });
    const known = await ho.store.db.selectFrom('settings').select(['key', 'value']).where('key', 'like', 'association_name_%').execute();
    expect(known).toEqual([{ key: 'association_name_ar', value: 'جمعية مأمن' }]);

    // A desk set up under another name does not rename the association at head office.
    const other = await setUpDesk('SBY');
    cleanup.push(() => other.close());
    await other.runtime.store.db.updateTable('settings').set({ value: 'اسم آخر' }).where('key', '=', 'association_name_ar').execute();
    await other.admin.call('sync.enrol', { serverUrl: ho.url, code: await ho.newCode(other.branchId) });
    expect((await ho.store.db.selectFrom('settings').select('value').where('key', '=', 'association_name_ar').executeTakeFirstOrThrow()).value).toBe('جمعية مأمن');

    const temp = tempDir();
    const runtime = await openRuntime({ storePath: join(temp.dir, 'desk.sqlite'), storeKey: TEST_STORE_KEY, appVersion: 'test', logger: silentLogger() });
    cleanup.push(async () => { stopScheduler(runtime.store.path); await runtime.close(); temp.remove(); });
    const b = new Caller(runtime);
    await b.call('setup.join', { serverUrl: ho.url, code: await ho.newCode(a.branchId, 'desk 2') });
    expect(await b.call('setup.status', {})).toEqual({ initialised: true, associationNameAr: 'جمعية مأمن', associationNameEn: null });
  });
});
