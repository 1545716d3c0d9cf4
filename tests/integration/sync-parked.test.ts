import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { hlcToString, parseHlc } from '../../src-shared/domain/hlc';
import { updateTravelling } from '../../src-main/store/row-writer';
import { parkChanges } from '../../src-main/store/sync-state';
import { beneficiaryInput } from './support/test-runtime';
import { DIALECTS, firstDesk, startHeadOffice, type Desk, type HeadOfficeHarness } from './support/sync-harness';

/** An edit stamped two days ahead, as by a desk whose clock is wrong: head office refuses it (clock_skew). */
async function editFromTheFuture(desk: Desk, id: string): Promise<void> {
  const db = desk.runtime.store.db;
  await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('beneficiaries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const now = parseHlc(desk.runtime.clock.next());
    const hlc = hlcToString({ ...now, wallMs: now.wallMs + 2 * 24 * 3600 * 1000 });
    await updateTravelling(tx, 'beneficiaries', before, { notes: 'ملاحظة من ساعة متقدمة' }, { hlc, now: new Date().toISOString(), userId: null }, { history: true });
  });
}

describe.each(DIALECTS)('changes head office refused, settled by a person, on %s', (dialect) => {
  let ho: HeadOfficeHarness;
  let desk: Desk;
  beforeEach(async () => {
    ho = await startHeadOffice(dialect);
    desk = await firstDesk(ho, 'JZN');
  });
  afterEach(async () => {
    await desk.close();
    await ho.close();
  });

  async function parkedEdit(): Promise<string> {
    const { id } = await desk.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput() });
    await desk.sync();
    await editFromTheFuture(desk, id);
    await desk.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput({ firstName: 'سالم', familyName: 'القحطاني', phonePrimary: '0567654321', birthDate: '1990-01-01' }) });
    const counts = await desk.sync();
    // The edit and its history entry (same write, same stamp) are refused together, and settled as one.
    expect(counts.rejected).toBe(2);
    expect((await desk.admin.call('sync.status', {})).parkedChanges).toBe(1);
    const { changes } = await desk.admin.call('sync.parked', {});
    expect(changes).toEqual([expect.objectContaining({ direction: 'push', table: 'beneficiaries', reason: 'clock_skew' })]);
    return changes[0]!.changeId;
  }

  it('parks a refused change without holding up the rest of the queue', async () => {
    await parkedEdit();
    expect((await desk.admin.call('sync.status', {})).pendingChanges).toBe(0);
    expect(await ho.store.db.selectFrom('beneficiaries').select('id').execute()).toHaveLength(2);
  });

  it('sends a parked change again on "retry", audited, and parks it again if head office still refuses', async () => {
    const changeId = await parkedEdit();
    await desk.admin.call('sync.retryParked', { changeId });
    expect((await desk.admin.call('sync.parked', {})).changes).toEqual([]);
    expect((await desk.admin.call('sync.status', {})).pendingChanges).toBe(2);
    const audit = await desk.runtime.store.db.selectFrom('audit_log').select(['action', 'entity_id', 'detail']).where('action', '=', 'sync.retryParked').execute();
    expect(audit).toEqual([expect.objectContaining({ entity_id: changeId })]);
    expect(audit[0]?.detail).not.toContain('ملاحظة');
    await desk.sync();
    expect((await desk.admin.call('sync.parked', {})).changes.map((c) => c.changeId)).toEqual([changeId]);
  });

  it('sets a parked change aside for good on "discard", audited; it is never sent', async () => {
    const changeId = await parkedEdit();
    await desk.admin.call('sync.discardParked', { changeId });
    expect((await desk.admin.call('sync.parked', {})).changes).toEqual([]);
    expect((await desk.admin.call('sync.status', {})).pendingChanges).toBe(0);
    await desk.sync();
    expect(await ho.store.db.selectFrom('sync_changes').select('id').where('id', '=', changeId).execute()).toEqual([]);
    expect(await ho.store.db.selectFrom('sync_changes').select('id').where('table_name', '=', 'field_history').execute()).toEqual([]);
    expect((await desk.admin.call('sync.status', {})).parkedChanges).toBe(0);
    const audit = await desk.runtime.store.db.selectFrom('audit_log').select('action').where('action', '=', 'sync.discardParked').execute();
    expect(audit).toHaveLength(1);
    expect((await desk.admin.call('audit.verify', {})).ok).toBe(true);
  });

  it('refuses to "retry" a change that came from head office, in Arabic, and an unknown one', async () => {
    const incoming = { id: uuidv7(), table_name: 'beneficiaries', row_id: uuidv7(), reason: 'row_unknown' };
    await parkChanges(desk.runtime.store.db, [incoming], 'pull', new Date().toISOString());
    const refused = await desk.admin.raw('sync.retryParked', { changeId: incoming.id });
    expect(refused).toMatchObject({ ok: false, error: { messageKey: 'error.syncParkedNotRetriable' } });
    if (!refused.ok) expect(refused.error.message.ar).toContain('تجاهله');
    const unknown = await desk.admin.raw('sync.discardParked', { changeId: uuidv7() });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', messageKey: 'error.syncParkedNotFound' } });
    await desk.admin.call('sync.discardParked', { changeId: incoming.id });
    expect((await desk.admin.call('sync.parked', {})).changes).toEqual([]);
  });
});
