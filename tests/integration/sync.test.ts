import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { updateTravelling } from '../../src-main/store/row-writer';
import { SyncFailure } from '../../src-main/sync/server-client';
import { beneficiaryInput } from './support/test-runtime';
import { writeRefusedChange } from './support/refused-change';
import { DIALECTS, firstDesk, nextDesk, startHeadOffice, startSecondServer, type Desk, type HeadOfficeHarness } from './support/sync-harness';

/** A desk edits a beneficiary directly in its store (as a service would: stamped, logged, with history). */
async function edit(desk: Desk, id: string, after: Record<string, string | null>): Promise<void> {
  const db = desk.runtime.store.db;
  await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('beneficiaries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const stamp = { hlc: desk.runtime.clock.next(), now: new Date().toISOString(), userId: null };
    await updateTravelling(tx, 'beneficiaries', before, after, stamp, { history: true });
  });
}

async function beneficiary(desk: Desk, id: string) {
  return desk.runtime.store.db.selectFrom('beneficiaries').selectAll().where('id', '=', id).executeTakeFirst();
}

describe.each(DIALECTS)('branch sync through a head office on %s', (dialect) => {
  let ho: HeadOfficeHarness;
  const desks: Desk[] = [];
  beforeEach(async () => { ho = await startHeadOffice(dialect); });
  afterEach(async () => {
    for (const desk of desks.splice(0)) await desk.close();
    await ho.close();
  });

  async function twoDesksOfOneBranch(): Promise<{ a: Desk; b: Desk; id: string }> {
    const a = await firstDesk(ho, 'JZN');
    desks.push(a);
    const { id } = await a.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput() });
    await a.sync();
    const b = await nextDesk(ho, a.enrolment.branchId);
    desks.push(b);
    await b.sync();
    return { a, b, id };
  }

  it('gives a new desk of the branch everything the first desk wrote, searchable', async () => {
    const { a, b, id } = await twoDesksOfOneBranch();
    expect(await beneficiary(b, id)).toEqual(await beneficiary(a, id));
    expect((await a.runtime.store.db.selectFrom('change_log').select('id').where('pushed_at', 'is', null).execute())).toHaveLength(0);
    const indexed = await sql<{ n: number }>`select count(*) as n from beneficiary_search`.execute(b.runtime.store.db);
    expect(Number(indexed.rows[0]?.n)).toBe(1);
    const branches = await b.runtime.store.db.selectFrom('branches').select('code').execute();
    expect(branches.map((r) => r.code)).toEqual(['JZN']);
  });

  it('merges concurrent edits of different fields of one record field by field', async () => {
    const { a, b, id } = await twoDesksOfOneBranch();
    await edit(a, id, { phone_secondary: '0559876543' });
    await edit(b, id, { address: 'حي الروضة' });
    await a.sync();
    await b.sync();
    await a.sync();
    const onA = await beneficiary(a, id);
    const onB = await beneficiary(b, id);
    expect(onA).toMatchObject({ phone_secondary: '0559876543', address: 'حي الروضة' });
    expect(onB).toEqual(onA);
  });

  it('lets the later edit of the same field win everywhere and keeps the losing value in the history', async () => {
    const { a, b, id } = await twoDesksOfOneBranch();
    await edit(a, id, { notes: 'ملاحظة الأولى' });
    await new Promise((r) => setTimeout(r, 5));
    await edit(b, id, { notes: 'ملاحظة الثانية' });
    // The later writer syncs first: the earlier value arrives at head office after it and loses there.
    await b.sync();
    await a.sync();
    await b.sync();
    expect((await beneficiary(a, id))?.notes).toBe('ملاحظة الثانية');
    expect((await beneficiary(b, id))?.notes).toBe('ملاحظة الثانية');
    const lostAtHeadOffice = await ho.store.db.selectFrom('field_history').select(['old_value', 'new_value'])
      .where('row_id', '=', id).where('field', '=', 'notes').execute();
    expect(lostAtHeadOffice).toContainEqual({ old_value: 'ملاحظة الأولى', new_value: 'ملاحظة الثانية' });
    const lostOnA = await a.runtime.store.db.selectFrom('field_history').select(['new_value']).where('row_id', '=', id).where('field', '=', 'notes').execute();
    expect(lostOnA.map((r) => r.new_value)).toContain('ملاحظة الأولى');
  });

  it('applies a replayed batch once, and a change resent in a new batch after a cut once', async () => {
    const a = await firstDesk(ho, 'JZN');
    desks.push(a);
    const outbox = await a.runtime.store.db.selectFrom('change_log').selectAll().orderBy('seq').execute();
    const changes = outbox.map((e) => ({ id: e.id, table_name: e.table_name, row_id: e.row_id, op: e.op, fields: JSON.parse(e.fields) as Record<string, string | number | null>, hlc: e.hlc, branch_id: e.branch_id }));
    const batchId = uuidv7();
    const first = await a.server.push(batchId, changes);
    const logSize = async () => (await ho.store.db.selectFrom('sync_changes').select('id').execute()).length;
    const size = await logSize();
    const replay = await a.server.push(batchId, changes);
    expect(replay).toEqual({ ...first, replayed: true });
    expect(await logSize()).toBe(size);
    // The reply was "lost": the desk still thinks nothing was sent and pushes it all again.
    const counts = await a.sync();
    expect(counts.rejected).toBe(0);
    expect(await logSize()).toBe(size);
    expect(size).toBe(changes.length);
  });

  it('refuses a whole batch that carries a row of another branch, and writes nothing', async () => {
    const a = await firstDesk(ho, 'JZN');
    desks.push(a);
    const entry = await a.runtime.store.db.selectFrom('change_log').selectAll().where('table_name', '=', 'users').executeTakeFirstOrThrow();
    const foreign = { id: uuidv7(), table_name: 'users', row_id: uuidv7(), op: 'insert' as const, fields: JSON.parse(entry.fields) as Record<string, string | number | null>, hlc: entry.hlc, branch_id: uuidv7() };
    await expect(a.server.push(uuidv7(), [foreign])).rejects.toMatchObject({ code: 'branch_not_allowed', status: 403 });
    expect(await ho.store.db.selectFrom('sync_changes').select('id').execute()).toHaveLength(0);
  });

  it('parks a change head office refuses with its reason, and the rest of the queue still goes through', async () => {
    const a = await firstDesk(ho, 'JZN');
    const c = await firstDesk(ho, 'SBY');
    desks.push(a, c);
    await a.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput() });
    await a.sync();
    // A decision on a review item head office never opened: refused.
    await writeRefusedChange(c.runtime, c.enrolment.branchId);
    const other = await c.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput({ firstName: 'خالد', fatherName: 'سعيد', familyName: 'الزهراني', phonePrimary: '0561112223' }) });
    const counts = await c.sync();
    expect(counts.rejected).toBeGreaterThan(0);
    const parked = await c.runtime.store.db.selectFrom('sync_rejections').select(['table_name', 'reason']).execute();
    expect(parked).toEqual([{ table_name: 'duplicate_resolutions', reason: 'review_unknown' }]);
    expect(await ho.store.db.selectFrom('beneficiaries').select('id').where('id', '=', other.id).executeTakeFirst()).toBeDefined();
    expect(await c.runtime.store.db.selectFrom('change_log').select('id').where('pushed_at', 'is', null).execute()).toHaveLength(0);
  });

  it('pulls only what the branch may see: its own records and every branch as reference data', async () => {
    const a = await firstDesk(ho, 'JZN');
    const c = await firstDesk(ho, 'SBY');
    desks.push(a, c);
    const { id } = await a.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput() });
    await a.sync();
    await c.sync();
    expect(await beneficiary(c, id)).toBeUndefined();
    const codes = (await c.runtime.store.db.selectFrom('branches').select('code').orderBy('code').execute()).map((r) => r.code);
    expect(codes).toEqual(['JZN', 'SBY']);
  });

  it('refuses a revoked credential and a one-time code used twice', async () => {
    const a = await firstDesk(ho, 'JZN');
    desks.push(a);
    const code = await ho.newCode(a.enrolment.branchId, 'second desk');
    const { enrolWithServer } = await import('../../src-main/sync/server-client');
    await enrolWithServer(ho.url, code);
    await expect(enrolWithServer(ho.url, code)).rejects.toMatchObject({ code: 'enrolment_refused' });
    const revoked = await ho.admin('POST', `/admin/devices/${a.enrolment.deviceId}/revoke`);
    expect(revoked.body).toEqual({ revoked: true });
    await expect(a.sync()).rejects.toBeInstanceOf(SyncFailure);
    await expect(a.server.pull(0, 10)).rejects.toMatchObject({ code: 'unauthenticated', status: 401 });
  });
});

describe.each(DIALECTS)('insert-only records on %s', (dialect) => {
  it('accepts a ticket event once and refuses any later change to it', async () => {
    const ho = await startHeadOffice(dialect);
    const a = await firstDesk(ho, 'JZN');
    try {
      await a.admin.call('queue.issue', { service: 'new_request', priority: 'none' });
      await a.sync();
      const event = await a.runtime.store.db.selectFrom('change_log').selectAll().where('table_name', '=', 'ticket_events').executeTakeFirstOrThrow();
      const fields = JSON.parse(event.fields) as Record<string, string | number | null>;
      const rewrite = { id: uuidv7(), table_name: 'ticket_events', row_id: event.row_id, op: 'update' as const, fields: { to_state: 'done' }, hlc: a.runtime.clock.next(), branch_id: event.branch_id };
      const again = { id: uuidv7(), table_name: 'ticket_events', row_id: event.row_id, op: 'insert' as const, fields: { ...fields, to_state: 'done' }, hlc: a.runtime.clock.next(), branch_id: event.branch_id };
      const reply = await a.server.push(uuidv7(), [rewrite, again]);
      expect(reply.rejected).toEqual([{ id: rewrite.id, reason: 'insert_only' }]);
      const stored = await ho.store.db.selectFrom('ticket_events').select('to_state').where('id', '=', event.row_id).executeTakeFirstOrThrow();
      expect(stored.to_state).toBe(fields.to_state);
    } finally {
      await a.close();
      await ho.close();
    }
  });
});

describe.runIf(process.env.DATABASE_URL)('two head-office servers on one PostgreSQL database', () => {
  it('lets desks pointed at either server converge', async () => {
    const first = await startHeadOffice('postgres');
    const second = await startSecondServer(first);
    const a = await firstDesk(first, 'JZN');
    const { id } = await a.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput() });
    await a.sync();
    const b = await nextDesk(second.harness, a.enrolment.branchId);
    try {
      await b.sync();
      await edit(b, id, { address: 'حي الشاطئ' });
      await edit(a, id, { notes: 'زيارة ثانية' });
      await b.sync();
      await a.sync();
      await b.sync();
      expect(await beneficiary(a, id)).toMatchObject({ address: 'حي الشاطئ', notes: 'زيارة ثانية' });
      expect(await beneficiary(b, id)).toEqual(await beneficiary(a, id));
    } finally {
      await a.close();
      await b.close();
      await second.close();
      await first.close();
    }
  });
});
