import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../../src-main/api/runtime';
import { ADMIN_PASSWORD, Caller, TEST_STORE_KEY, beneficiaryInput, silentLogger, tempDir } from './support/test-runtime';

/** A store whose router reads a clock the test moves, so wait and service times are exact. */
type QueueStore = { runtime: Runtime; admin: Caller; branchId: string; clock: { now: Date }; close(): Promise<void> };

async function setUpQueueStore(): Promise<QueueStore> {
  const temp = tempDir('mamen-queue-');
  // 09:00 in Riyadh.
  const clock = { now: new Date('2025-11-26T06:00:00.000Z') };
  const runtime = await openRuntime({ storePath: join(temp.dir, 'mamen.sqlite'), storeKey: TEST_STORE_KEY, appVersion: 'test', logger: silentLogger(), now: () => clock.now });
  const admin = new Caller(runtime);
  await admin.call('setup.initialise', {
    associationNameAr: 'جمعية مأمن',
    branch: { code: 'HQ', nameAr: 'المقر الرئيسي', city: 'جازان' },
    admin: { username: 'admin', displayName: 'مدير النظام', password: ADMIN_PASSWORD },
  });
  const me = await admin.call('auth.me', {});
  return {
    runtime,
    admin,
    branchId: me.user!.branchId,
    clock,
    close: async () => {
      await runtime.close();
      temp.remove();
    },
  };
}

async function signedIn(s: QueueStore, role: 'reception' | 'researcher' | 'committee' | 'manager', username: string, branchId = s.branchId) {
  await s.admin.call('users.create', { username, displayName: username, role, branchId, branchScope: 'own', password: 'first-password-1' });
  const caller = new Caller(s.runtime);
  await caller.call('auth.login', { username, password: 'first-password-1' });
  await caller.call('auth.changePassword', { currentPassword: 'first-password-1', newPassword: 'second-password-2' });
  return caller;
}

function advance(s: QueueStore, seconds: number) {
  s.clock.now = new Date(s.clock.now.getTime() + seconds * 1000);
}

async function errorOf(caller: Caller, method: string, input: unknown) {
  const result = await caller.raw(method, input);
  if (result.ok) throw new Error(`${method} unexpectedly succeeded`);
  return result.error;
}

async function eventCount(s: QueueStore): Promise<number> {
  const row = await s.runtime.store.db.selectFrom('ticket_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('reception queue', () => {
  let s: QueueStore;
  let desk1: string;
  let desk2: string;
  let researcherDesk: string;

  beforeEach(async () => {
    s = await setUpQueueStore();
    desk1 = (await s.admin.call('queue.saveDesk', { number: 1, name: 'شباك ١', services: ['new_request', 'follow_up', 'inquiry'] })).id;
    desk2 = (await s.admin.call('queue.saveDesk', { number: 2, name: 'شباك ٢', services: ['new_request', 'delivery', 'complaint'] })).id;
    researcherDesk = (await s.admin.call('queue.saveDesk', { number: 9, name: 'مكتب الباحث', services: ['researcher'] })).id;
  });

  afterEach(async () => {
    await s.close();
  });

  it('numbers tickets per service with the service prefix and counts who is ahead', async () => {
    const a1 = await s.admin.call('queue.issue', { service: 'new_request', priority: 'none' });
    const a2 = await s.admin.call('queue.issue', { service: 'new_request', priority: 'none' });
    const b1 = await s.admin.call('queue.issue', { service: 'follow_up', priority: 'none' });
    expect([a1.number, a2.number, b1.number]).toEqual(['A-001', 'A-002', 'B-001']);
    expect(a2.peopleAhead).toBe(1);
    expect(b1.peopleAhead).toBe(0);
    expect(a1.serviceDay).toBe('2025-11-26');
    expect(a1.branchName).toBe('المقر الرئيسي');
  });

  it('restarts the numbering on the next morning in Riyadh, not at midnight UTC', async () => {
    s.clock.now = new Date('2025-11-26T20:55:00.000Z'); // 23:55 in Riyadh
    await s.admin.call('auth.login', { username: 'admin', password: ADMIN_PASSWORD }); // a new shift
    expect((await s.admin.call('queue.issue', { service: 'inquiry' })).number).toBe('D-001');
    // Ten minutes on (within the idle-lock time): 00:05 next day in Riyadh, still the 26th in UTC.
    s.clock.now = new Date('2025-11-26T21:05:00.000Z');
    const next = await s.admin.call('queue.issue', { service: 'inquiry' });
    expect(next.number).toBe('D-001');
    expect(next.serviceDay).toBe('2025-11-27');
  });

  it('calls the highest priority first, then whoever has waited longest', async () => {
    const early = await s.admin.call('queue.issue', { service: 'new_request', priority: 'none' });
    advance(s, 60);
    const elderly = await s.admin.call('queue.issue', { service: 'follow_up', priority: 'elderly' });
    advance(s, 60);
    const urgent = await s.admin.call('queue.issue', { service: 'new_request', priority: 'urgent' });
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      const called = await s.admin.call('queue.callNext', { deskId: desk1 });
      order.push(called.number);
      await s.admin.call('queue.noShow', { deskId: desk1, ticketId: called.id });
    }
    expect(order).toEqual([urgent.number, elderly.number, early.number]);
  });

  it('gives two desks calling at the same moment two different tickets', async () => {
    await s.admin.call('queue.issue', { service: 'new_request' });
    await s.admin.call('queue.issue', { service: 'new_request' });
    const reception = await signedIn(s, 'reception', 'desk.two');
    const [one, two] = await Promise.all([
      s.admin.call('queue.callNext', { deskId: desk1 }),
      reception.call('queue.callNext', { deskId: desk2 }),
    ]);
    expect(one.id).not.toBe(two.id);
    expect(new Set([one.deskNumber, two.deskNumber])).toEqual(new Set([1, 2]));
  });

  it('gives the last waiting ticket to only one of two desks calling together', async () => {
    await s.admin.call('queue.issue', { service: 'new_request' });
    const reception = await signedIn(s, 'reception', 'desk.two');
    const results = await Promise.all([
      s.admin.raw('queue.callNext', { deskId: desk1 }),
      reception.raw('queue.callNext', { deskId: desk2 }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok);
    expect(refused && !refused.ok && refused.error.message.ar).toBe('لا يوجد مراجعون في الانتظار.');
  });

  it('records the wait time (issue to call) and the service time (serving to done)', async () => {
    const ticket = await s.admin.call('queue.issue', { service: 'inquiry' });
    advance(s, 120);
    await s.admin.call('queue.callNext', { deskId: desk1 });
    advance(s, 10);
    await s.admin.call('queue.startServing', { deskId: desk1, ticketId: ticket.id });
    advance(s, 300);
    const done = await s.admin.call('queue.finish', { deskId: desk1, ticketId: ticket.id });
    expect(done.state).toBe('done');
    expect(done.waitSeconds).toBe(120);
    expect(done.serviceSeconds).toBe(300);
    const status = await s.admin.call('queue.deskStatus', { deskId: desk1 });
    expect(status.current).toBeNull();
    expect(status.today).toMatchObject({ issued: 1, served: 1, averageWaitSeconds: 120, averageServiceSeconds: 300 });
    const events = await s.runtime.store.db.selectFrom('ticket_events').select(['event', 'at']).where('ticket_id', '=', ticket.id).orderBy('at').execute();
    expect(events.map((e) => e.event)).toEqual(['issued', 'called', 'serving', 'done']);
  });

  it('sends a skipped visitor back to the end of the line, and records a no-show once the recalls are used up', async () => {
    const first = await s.admin.call('queue.issue', { service: 'new_request' });
    advance(s, 5);
    const second = await s.admin.call('queue.issue', { service: 'new_request' });
    await s.admin.call('queue.callNext', { deskId: desk1 });
    advance(s, 30);
    const skipped = await s.admin.call('queue.skip', { deskId: desk1, ticketId: first.id });
    expect(skipped.state).toBe('waiting');
    expect((await s.admin.call('queue.callNext', { deskId: desk1 })).id).toBe(second.id);
    await s.admin.call('queue.finish', { deskId: desk1, ticketId: second.id }).catch(() => undefined);
    await s.admin.call('queue.noShow', { deskId: desk1, ticketId: second.id });
    expect((await s.admin.call('queue.callNext', { deskId: desk1 })).id).toBe(first.id);
    await s.admin.call('queue.recall', { deskId: desk1, ticketId: first.id });
    const recalled = await s.admin.call('queue.recall', { deskId: desk1, ticketId: first.id });
    expect(recalled.recallCount).toBe(2);
    expect((await s.admin.call('queue.skip', { deskId: desk1, ticketId: first.id })).state).toBe('no_show');
  });

  it('transfers a visitor to the researcher queue with the same number, and the researcher calls it', async () => {
    const ticket = await s.admin.call('queue.issue', { service: 'new_request', priority: 'pregnant' });
    await s.admin.call('queue.callNext', { deskId: desk1 });
    await s.admin.call('queue.startServing', { deskId: desk1, ticketId: ticket.id });
    const moved = await s.admin.call('queue.transfer', { deskId: desk1, ticketId: ticket.id, toService: 'researcher' });
    expect(moved).toMatchObject({ number: ticket.number, service: 'researcher', state: 'waiting', priority: 'pregnant', transferredFromId: ticket.id });
    expect((await s.admin.call('queue.ticket', { id: ticket.id })).state).toBe('transferred');

    const researcher = await signedIn(s, 'researcher', 'researcher.one');
    expect((await errorOf(researcher, 'queue.callNext', { deskId: desk1 })).messageKey).toBe('queue.researcherQueueOnly');
    const called = await researcher.call('queue.callNext', { deskId: researcherDesk });
    expect(called.id).toBe(moved.id);
  });

  it('transfers to one named desk, which alone may call the ticket', async () => {
    const ticket = await s.admin.call('queue.issue', { service: 'inquiry' });
    await s.admin.call('queue.callNext', { deskId: desk1 });
    const moved = await s.admin.call('queue.transfer', { deskId: desk1, ticketId: ticket.id, toDeskId: desk2 });
    expect(moved.targetDeskId).toBe(desk2);
    expect((await errorOf(s.admin, 'queue.callNext', { deskId: desk1 })).messageKey).toBe('queue.emptyQueue');
    expect((await s.admin.call('queue.callNext', { deskId: desk2 })).id).toBe(moved.id);
  });

  it('links a ticket to a beneficiary after it was issued', async () => {
    const { id: beneficiaryId } = await s.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput() });
    const ticket = await s.admin.call('queue.issue', { service: 'delivery' });
    expect(ticket.beneficiaryId).toBeNull();
    const linked = await s.admin.call('queue.linkBeneficiary', { ticketId: ticket.id, beneficiaryId });
    expect(linked.beneficiaryId).toBe(beneficiaryId);
    expect(linked.beneficiaryName).toBe('أحمد عبدالله محمد الحربي');
  });

  it('lets only queue workers issue tickets and only managers configure desks', async () => {
    const committee = await signedIn(s, 'committee', 'committee.one');
    expect((await errorOf(committee, 'queue.issue', { service: 'inquiry' })).code).toBe('FORBIDDEN');
    const reception = await signedIn(s, 'reception', 'reception.one');
    expect((await errorOf(reception, 'queue.saveDesk', { number: 5, name: 'شباك', services: ['inquiry'] })).code).toBe('FORBIDDEN');
    expect((await errorOf(s.admin, 'queue.saveDesk', { number: 1, name: 'مكرر', services: ['inquiry'] })).messageKey).toBe('queue.deskNumberTaken');
  });

  it('orders by configured priority weights', async () => {
    await s.admin.call('queue.setPriorities', { priorities: [{ code: 'elderly', weight: 90, active: true }] });
    await s.admin.call('queue.issue', { service: 'new_request', priority: 'urgent' });
    const elderly = await s.admin.call('queue.issue', { service: 'new_request', priority: 'elderly' });
    expect((await s.admin.call('queue.callNext', { deskId: desk1 })).id).toBe(elderly.id);
  });
});

describe('queue bad input changes nothing', () => {
  let s: QueueStore;
  let desk1: string;
  let desk2: string;

  beforeEach(async () => {
    s = await setUpQueueStore();
    desk1 = (await s.admin.call('queue.saveDesk', { number: 1, name: 'شباك ١', services: ['new_request'] })).id;
    desk2 = (await s.admin.call('queue.saveDesk', { number: 2, name: 'شباك ٢', services: ['new_request'] })).id;
  });

  afterEach(async () => {
    await s.close();
  });

  it('says nobody is waiting when the queue is empty', async () => {
    const error = await errorOf(s.admin, 'queue.callNext', { deskId: desk1 });
    expect(error.message.ar).toBe('لا يوجد مراجعون في الانتظار.');
    expect(await eventCount(s)).toBe(0);
  });

  it('refuses to transfer a finished ticket', async () => {
    const ticket = await s.admin.call('queue.issue', { service: 'new_request' });
    await s.admin.call('queue.callNext', { deskId: desk1 });
    await s.admin.call('queue.startServing', { deskId: desk1, ticketId: ticket.id });
    await s.admin.call('queue.finish', { deskId: desk1, ticketId: ticket.id });
    const before = await eventCount(s);
    const error = await errorOf(s.admin, 'queue.transfer', { deskId: desk1, ticketId: ticket.id, toService: 'researcher' });
    expect(error.messageKey).toBe('queue.ticketFinished');
    expect(error.message.ar).toContain('منتهية');
    expect(await eventCount(s)).toBe(before);
    expect((await s.admin.call('queue.ticket', { id: ticket.id })).state).toBe('done');
  });

  it('refuses to act on a ticket called by another desk', async () => {
    const ticket = await s.admin.call('queue.issue', { service: 'new_request' });
    await s.admin.call('queue.callNext', { deskId: desk1 });
    const before = await eventCount(s);
    for (const method of ['queue.finish', 'queue.recall', 'queue.startServing', 'queue.noShow', 'queue.skip']) {
      const error = await errorOf(s.admin, method, { deskId: desk2, ticketId: ticket.id });
      expect(error.message.ar).toBe('هذه التذكرة لدى شباك آخر؛ لا يمكن التصرف فيها من شباكك.');
    }
    expect(await eventCount(s)).toBe(before);
    const after = await s.admin.call('queue.ticket', { id: ticket.id });
    expect(after).toMatchObject({ state: 'called', deskId: desk1, recallCount: 0 });
  });

  it('refuses a ticket of another branch', async () => {
    const ticket = await s.admin.call('queue.issue', { service: 'new_request' });
    const other = await s.admin.call('branches.create', { code: 'SAB', nameAr: 'مكتب صبيا', city: 'صبيا' });
    const sabya = await signedIn(s, 'manager', 'sabya.manager', other.id);
    const sabyaDesk = (await sabya.call('queue.saveDesk', { number: 1, name: 'شباك صبيا', services: ['new_request'] })).id;
    const before = await eventCount(s);
    expect((await errorOf(sabya, 'queue.ticket', { id: ticket.id })).message.ar).toBe('هذه التذكرة تابعة لفرع آخر.');
    expect((await errorOf(sabya, 'queue.linkBeneficiary', { ticketId: ticket.id, beneficiaryId: ticket.id })).code).toBe('OUT_OF_SCOPE');
    expect((await errorOf(sabya, 'queue.recall', { deskId: sabyaDesk, ticketId: ticket.id })).code).toBe('OUT_OF_SCOPE');
    // Their own queue is empty: HQ's waiting visitor is not theirs to call.
    expect((await errorOf(sabya, 'queue.callNext', { deskId: sabyaDesk })).messageKey).toBe('queue.emptyQueue');
    // Nor is an HQ desk theirs to use.
    expect((await errorOf(sabya, 'queue.callNext', { deskId: desk1 })).messageKey).toBe('queue.deskUnavailable');
    expect(await eventCount(s)).toBe(before);
  });

  it('refuses a second call while the desk still has a visitor, and names the ticket', async () => {
    const ticket = await s.admin.call('queue.issue', { service: 'new_request' });
    await s.admin.call('queue.issue', { service: 'new_request' });
    await s.admin.call('queue.callNext', { deskId: desk1 });
    const error = await errorOf(s.admin, 'queue.callNext', { deskId: desk1 });
    expect(error.message.ar).toContain(ticket.number);
  });

  it('refuses a transfer with no target or to the same queue', async () => {
    const ticket = await s.admin.call('queue.issue', { service: 'new_request' });
    await s.admin.call('queue.callNext', { deskId: desk1 });
    const noTarget = await errorOf(s.admin, 'queue.transfer', { deskId: desk1, ticketId: ticket.id });
    expect(noTarget.code).toBe('VALIDATION');
    expect(noTarget.fields?.toService?.message.ar).toBe('اختر جهة التحويل: خدمة أو شباكاً واحداً.');
    expect((await errorOf(s.admin, 'queue.transfer', { deskId: desk1, ticketId: ticket.id, toService: 'new_request' })).messageKey).toBe('queue.transferSameQueue');
    expect((await s.admin.call('queue.ticket', { id: ticket.id })).state).toBe('called');
  });

  it('refuses an unknown service with a message naming the field', async () => {
    const error = await errorOf(s.admin, 'queue.issue', { service: 'breakfast' });
    expect(error.fields?.service?.message.ar).toBe('اختر قيمة صحيحة للحقل «الخدمة».');
  });
});
