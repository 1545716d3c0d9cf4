import { afterEach, describe, expect, it } from 'vitest';
import { hlcToString, parseHlc } from '../../src-shared/domain/hlc';
import { readHlcFloor } from '../../src-main/store/sync-rebuild';
import { ADMIN_PASSWORD, beneficiaryInput, Caller } from './support/test-runtime';
import { DIALECTS, editNotes, firstDesk, nextDesk, setUpDesk, startHeadOffice, type Desk, type HeadOfficeHarness } from './support/sync-harness';

/**
 * A restore on a desk enrolled with head office (docs/backups.md): the restored store is as it was
 * at backup time, so the desk re-syncs — its pulls include its own changes until they reach head
 * office's head — and its clock goes on after every stamp it had already sent.
 */

async function notesAt(desk: Desk, id: string): Promise<string | null | undefined> {
  return (await desk.runtime.store.db.selectFrom('beneficiaries').select('notes').where('id', '=', id).executeTakeFirst())?.notes;
}

/** Restores a backup through the admin's API, then signs in again (a restore ends every session). */
async function restore(desk: Desk, name: string): Promise<void> {
  const outcome = await desk.admin.call('backups.restore', { name });
  expect(outcome.preRestoreBackup).toMatch(/-pre-restore$/);
  desk.admin = new Caller(desk.runtime);
  await desk.admin.call('auth.login', { username: 'admin-jzn', password: ADMIN_PASSWORD });
}

describe.each(DIALECTS)('a restore on an enrolled desk, head office on %s', (dialect) => {
  let ho: HeadOfficeHarness;
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of cleanup.splice(0).reverse()) await close();
  });

  async function start(): Promise<Desk> {
    ho = await startHeadOffice(dialect);
    cleanup.push(() => ho.close());
    const desk = await firstDesk(ho, 'JZN');
    cleanup.push(() => desk.close());
    return desk;
  }

  it('brings back from head office what the desk sent after the backup, says it is re-syncing, then pulls only others’ work again', async () => {
    const desk = await start();
    const kept = await desk.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput() });
    await desk.admin.call('sync.now', {});
    const backup = await desk.admin.call('backups.create', {});

    const later = await desk.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput({ firstName: 'خالد', phonePrimary: '0561112223' }) });
    await editNotes(desk, kept.id, 'بعد النسخة');
    expect((await desk.admin.call('sync.now', {})).state).toBe('synced');
    const other = await nextDesk(ho, desk.enrolment.branchId);
    cleanup.push(() => other.close());
    await other.sync();
    const fromOther = await other.admin.call('auth.login', { username: 'admin-jzn', password: ADMIN_PASSWORD })
      .then(() => other.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput({ firstName: 'سالم', phonePrimary: '0561112224' }) }));
    await other.sync();
    const logged = await ho.store.db.selectFrom('sync_changes').select('id').execute();

    await restore(desk, backup.name);
    expect(await notesAt(desk, later.id)).toBeUndefined();
    expect(await notesAt(desk, kept.id)).not.toBe('بعد النسخة');
    const before = await desk.admin.call('sync.status', {});
    expect(before).toMatchObject({ state: 'resyncing', resyncingSince: expect.any(String) });
    expect((await desk.admin.call('system.status', {})).sync.state).toBe('resyncing');
    const audit = await desk.runtime.store.db.selectFrom('audit_log').select('detail').where('action', '=', 'backups.restore').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail!)).toMatchObject({ backup: backup.name, resyncing: true });

    const after = await desk.admin.call('sync.now', {});
    expect(after).toMatchObject({ state: 'synced', resyncingSince: null, error: null });
    expect(after.lastRun?.pulled).toBeGreaterThan(0);
    // Its own work after the backup is back, and so is the other desk's.
    expect(await notesAt(desk, later.id)).not.toBeUndefined();
    expect(await notesAt(desk, kept.id)).toBe('بعد النسخة');
    expect(await notesAt(desk, fromOther.id)).not.toBeUndefined();
    expect((await desk.admin.call('beneficiaries.get', { id: later.id })).id).toBe(later.id);
    // Nothing entered head office's log twice, and the next sync pulls nothing of its own again.
    expect(await ho.store.db.selectFrom('sync_changes').select('id').execute()).toHaveLength(logged.length);
    expect((await desk.admin.call('sync.now', {})).lastRun?.pulled).toBe(0);
  });

  it('resends the backup’s unsent changes harmlessly: head office keeps one copy and the later value', async () => {
    const desk = await start();
    // Nothing has been sent yet: the backup's outbox holds the whole branch, including this record.
    const { id } = await desk.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput() });
    await editNotes(desk, id, 'قبل النسخة');
    const backup = await desk.admin.call('backups.create', {});
    await desk.admin.call('sync.now', {});
    await editNotes(desk, id, 'أحدث قيمة');
    await desk.admin.call('sync.now', {});
    const logged = await ho.store.db.selectFrom('sync_changes').select('id').execute();

    await restore(desk, backup.name);
    expect((await desk.admin.call('sync.status', {})).pendingChanges).toBeGreaterThan(0);
    const after = await desk.admin.call('sync.now', {});
    expect(after).toMatchObject({ state: 'synced', pendingChanges: 0, parkedChanges: 0 });
    // Every resent change was already known by its id: accepted, not applied or logged again.
    expect(after.lastRun?.pushed).toBeGreaterThan(0);
    expect(after.lastRun?.rejected).toBe(0);
    expect(await ho.store.db.selectFrom('sync_changes').select('id').execute()).toHaveLength(logged.length);
    const atHeadOffice = await ho.store.db.selectFrom('beneficiaries').select('notes').where('id', '=', id).executeTakeFirstOrThrow();
    expect(atHeadOffice.notes).toBe('أحدث قيمة');
    expect(await notesAt(desk, id)).toBe('أحدث قيمة');
    // A desk that joins the branch now receives the later value too.
    const joining = await nextDesk(ho, desk.enrolment.branchId);
    cleanup.push(() => joining.close());
    await joining.sync();
    expect(await notesAt(joining, id)).toBe('أحدث قيمة');
  });

  it('stamps later edits after everything the desk had sent, even when its clock runs behind them and the app restarts', async () => {
    const desk = await start();
    const { id } = await desk.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput() });
    await desk.admin.call('sync.now', {});
    const backup = await desk.admin.call('backups.create', {});
    // The desk had taken in a stamp two hours ahead of its wall clock (another desk's fast clock),
    // so what it sent after the backup is stamped ahead of the time of the restore.
    desk.runtime.clock.observe(hlcToString({ wallMs: Date.now() + 2 * 3600_000, counter: 0, node: 'fastdesk' }));
    const sent = await editNotes(desk, id, 'أُرسلت بعد النسخة');
    await desk.admin.call('sync.now', {});

    await restore(desk, backup.name);
    await desk.restart();
    desk.admin = new Caller(desk.runtime);
    await desk.admin.call('auth.login', { username: 'admin-jzn', password: ADMIN_PASSWORD });
    expect(await readHlcFloor(desk.runtime.store.db)).toBe(sent);
    const typedAfter = await editNotes(desk, id, 'كُتبت بعد الاستعادة');
    expect(typedAfter > sent).toBe(true);
    expect(parseHlc(typedAfter).wallMs).toBeGreaterThanOrEqual(parseHlc(sent).wallMs);

    // The edit made after the restore wins over the one that comes back from head office.
    expect((await desk.admin.call('sync.now', {})).state).toBe('synced');
    expect(await notesAt(desk, id)).toBe('كُتبت بعد الاستعادة');
    const atHeadOffice = await ho.store.db.selectFrom('beneficiaries').select('notes').where('id', '=', id).executeTakeFirstOrThrow();
    expect(atHeadOffice.notes).toBe('كُتبت بعد الاستعادة');
  });

  it('lists another desk’s value as superseded when an edit made on the restored data replaces it unseen', async () => {
    const desk = await start();
    const { id } = await desk.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput() });
    await desk.admin.call('sync.now', {});
    const other = await nextDesk(ho, desk.enrolment.branchId);
    cleanup.push(() => other.close());
    await other.sync();
    const backup = await desk.admin.call('backups.create', {});
    await editNotes(other, id, 'من الجهاز الثاني');
    await other.sync();
    // The desk had pulled the other desk's value before the restore (and told head office so, by
    // pulling again); the restored data has not.
    await desk.admin.call('sync.now', {});
    await desk.admin.call('sync.now', {});
    expect(await notesAt(desk, id)).toBe('من الجهاز الثاني');

    await restore(desk, backup.name);
    await editNotes(desk, id, 'بعد الاستعادة');
    await desk.admin.call('sync.now', {});
    const conflicts = await ho.store.db.selectFrom('field_conflicts').select(['field', 'losing_value', 'winning_value']).execute();
    expect(conflicts).toEqual([{ field: 'notes', losing_value: 'من الجهاز الثاني', winning_value: 'بعد الاستعادة' }]);
    expect(await notesAt(desk, id)).toBe('بعد الاستعادة');
  });

  it('stays enrolled as itself when the backup was taken before the desk was enrolled', async () => {
    ho = await startHeadOffice(dialect);
    cleanup.push(() => ho.close());
    const desk = await setUpDesk('JZN');
    cleanup.push(() => desk.close());
    const backup = await desk.admin.call('backups.create', {});
    expect((await desk.admin.call('sync.enrol', { serverUrl: ho.url, code: await ho.newCode(desk.branchId) })).state).toBe('synced');
    const { id } = await desk.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput() });
    await desk.admin.call('sync.now', {});
    const devices = await ho.store.db.selectFrom('sync_devices').select('id').execute();

    await desk.admin.call('backups.restore', { name: backup.name });
    const admin = new Caller(desk.runtime);
    await admin.call('auth.login', { username: 'admin-jzn', password: ADMIN_PASSWORD });
    expect(await admin.call('sync.status', {})).toMatchObject({ state: 'resyncing', serverUrl: ho.url, branchId: desk.branchId });
    expect((await admin.call('sync.now', {})).state).toBe('synced');
    expect((await admin.call('beneficiaries.get', { id })).id).toBe(id);
    // Still the one device head office enrolled: no new code was needed.
    expect(await ho.store.db.selectFrom('sync_devices').select('id').execute()).toEqual(devices);
  });

  it('keeps the highest stamp it pulled back as the clock’s floor when the replaced store could not be read', async () => {
    const desk = await start();
    const { id } = await desk.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput() });
    await desk.admin.call('sync.now', {});
    const backup = await desk.admin.call('backups.create', {});
    desk.runtime.clock.observe(hlcToString({ wallMs: Date.now() + 3600_000, counter: 0, node: 'fastdesk' }));
    const sent = await editNotes(desk, id, 'أُرسلت بعد النسخة');
    await desk.admin.call('sync.now', {});

    await restore(desk, backup.name);
    // As after restoring over a damaged store: no floor came from the file the restore replaced.
    await desk.runtime.store.db.deleteFrom('settings').where('key', '=', 'hlc_floor').execute();
    await desk.admin.call('sync.now', {});
    expect(await readHlcFloor(desk.runtime.store.db)).toBe(sent);
    await desk.restart();
    expect(desk.runtime.clock.next() > sent).toBe(true);
  });
});
