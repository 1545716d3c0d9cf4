import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, beneficiaryInput } from './support/test-runtime';
import { DIALECTS, editNotes, firstDesk, nextDesk, startHeadOffice, type Desk, type HeadOfficeHarness } from './support/sync-harness';

/**
 * Head office restored from a backup older than what its desks have sent and read: its log is
 * shorter than their cursors, and the changes they sent since are gone from it. Each desk notices at
 * its next pull (head office no longer holds the entry its cursor names, or the newest change it had
 * accepted from the desk), sends everything again (head office keeps what it still has by id) and
 * reads the log again from the start. Nothing is lost, nothing is applied twice.
 */

describe.each(DIALECTS)('head office restored from an older backup, on %s', (dialect) => {
  let ho: HeadOfficeHarness;
  const desks: Desk[] = [];
  afterEach(async () => {
    for (const desk of desks.splice(0)) await desk.close();
    await ho.close();
  });

  it('gets back from its desks every change it lost, and every desk ends with everything', async () => {
    ho = await startHeadOffice(dialect);
    const a = await firstDesk(ho, 'JZN');
    desks.push(a);
    const first = (await a.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput({ phonePrimary: '0551000001' }) })).id;
    await a.sync();
    const b = await nextDesk(ho, a.enrolment.branchId);
    desks.push(b);
    await b.sync();
    await b.admin.call('auth.login', { username: 'admin-jzn', password: ADMIN_PASSWORD });
    const backup = await ho.backup();

    // After the backup: each desk registers someone, the first edits its record; all of it reaches head office and the other desk.
    const second = (await a.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput({ firstName: 'سالم', phonePrimary: '0551000002' }) })).id;
    await editNotes(a, first, 'زارنا بعد النسخة');
    await a.sync();
    const third = (await b.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput({ firstName: 'فهد', phonePrimary: '0551000003' }) })).id;
    await b.sync();
    await a.sync();
    const logBefore = (await ho.store.db.selectFrom('sync_changes').select('id').execute()).length;

    await backup.restore();
    const restored = await ho.store.db.selectFrom('beneficiaries').select('id').execute();
    expect(restored.map((r) => r.id)).toEqual([first]);

    // The first desk notices at its pull, sends again and reads again. The second has new work: head
    // office refuses its first batch (sent past its log), and it does the same.
    const counts = await a.sync();
    expect(counts.pushed).toBeGreaterThan(0);
    expect(counts.rejected).toBe(0);
    const fourth = (await b.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput({ firstName: 'ناصر', phonePrimary: '0551000004' }) })).id;
    expect(await b.sync()).toMatchObject({ rejected: 0 });
    await a.sync();
    const everyone = [first, second, third, fourth].sort();
    for (const db of [ho.store.db, a.runtime.store.db, b.runtime.store.db]) {
      expect((await db.selectFrom('beneficiaries').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual(everyone);
      expect((await db.selectFrom('beneficiaries').select('notes').where('id', '=', first).executeTakeFirstOrThrow()).notes).toBe('زارنا بعد النسخة');
    }
    // Head office's log holds each change once: as many entries as before the restore, and the new registration's.
    const ids = (await ho.store.db.selectFrom('sync_changes').select('id').where('audience_branch', 'is', null).execute()).map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const fourthEntries = await ho.store.db.selectFrom('sync_changes').select('id').where('row_id', '=', fourth).where('audience_branch', 'is', null).execute();
    expect(ids.length).toBe(logBefore + fourthEntries.length);
    for (const desk of [a, b]) {
      expect(await desk.runtime.store.db.selectFrom('sync_rejections').select('change_id').execute()).toEqual([]);
      // Back to normal: the next sync sends and reads nothing again.
      expect(await desk.sync()).toMatchObject({ pushed: 0, rejected: 0 });
    }
    // A desk that joins now receives everything.
    const joining = await nextDesk(ho, a.enrolment.branchId);
    desks.push(joining);
    await joining.sync();
    expect((await joining.runtime.store.db.selectFrom('beneficiaries').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual(everyone);
  });

  it('answers log_rewound to a pull or push whose cursor mark the log no longer holds, and pages normally otherwise', async () => {
    ho = await startHeadOffice(dialect);
    const a = await firstDesk(ho, 'JZN');
    desks.push(a);
    await a.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput() });
    await a.sync();
    const page = await a.server.pull(0, 5);
    expect(page.mark).toEqual(expect.any(String));
    await expect(a.server.pull(page.nextCursor, 5, { mark: page.mark ?? null })).resolves.toMatchObject({ changes: expect.any(Array) });
    await expect(a.server.pull(page.nextCursor, 5, { mark: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' })).rejects.toMatchObject({ code: 'log_rewound', status: 409 });
    await expect(a.server.pull(0, 5, { sent: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' })).rejects.toMatchObject({ code: 'log_rewound', status: 409 });
    // A push made past the log is refused whole, and applies nothing.
    await a.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput({ firstName: 'سالم' }) });
    const outbox = await a.runtime.store.db.selectFrom('change_log').selectAll().where('pushed_at', 'is', null).execute();
    const wire = outbox.map((e) => ({ id: e.id, table_name: e.table_name, row_id: e.row_id, op: e.op, fields: JSON.parse(e.fields) as Record<string, string | number | null>, hlc: e.hlc, branch_id: e.branch_id }));
    const logSize = (await ho.store.db.selectFrom('sync_changes').select('id').execute()).length;
    await expect(a.server.push('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c', wire, page.nextCursor, '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b')).rejects.toMatchObject({ code: 'log_rewound', status: 409 });
    expect(await ho.store.db.selectFrom('sync_changes').select('id').execute()).toHaveLength(logSize);
  });
});
