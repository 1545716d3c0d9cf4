import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beneficiaryInput, setUpStoreAt, userOf, type Caller, type TestClock, type TestStore } from './support/test-runtime';
import { distinctName } from './support/interview-fixtures';

let s: TestStore & { clock: TestClock };
let desk: Caller;
let manager: Caller;
let deskId = '';
let beneficiaryId = '';

/** Sunday 1 March 2026, 10:00 in Riyadh. */
const START = new Date('2026-03-01T07:00:00Z');

beforeAll(async () => {
  s = await setUpStoreAt(START);
  const { branches } = await s.admin.call('branches.list', {});
  desk = await userOf(s, 'reception', branches[0]!.id, 'desk1');
  manager = await userOf(s, 'manager', branches[0]!.id, 'manager1');
  deskId = (await manager.call('complaints.assignees', {})).items.find((u) => u.name === 'desk1')!.id;
  ({ id: beneficiaryId } = await desk.call('beneficiaries.register', { beneficiary: beneficiaryInput({ ...distinctName(), phonePrimary: '0558000222' }), household: [], confirmedDistinctFrom: [] }));
});
afterAll(async () => s.close());

describe('complaints and suggestions', () => {
  it('receives a complaint on a channel with a response day five working days on, logged as an inbound contact', async () => {
    const c = await desk.call('complaints.receive', { beneficiaryId, kind: 'complaint', channel: 'social_media', subject: 'تأخر صرف المساعدة', details: 'مضى شهر دون رد' });
    expect(c).toMatchObject({ status: 'received', responseDue: '2026-03-08', overdue: false });
    const contacts = await desk.call('contacts.forBeneficiary', { beneficiaryId });
    expect(contacts.items[0]).toMatchObject({ channel: 'social_media', direction: 'inbound', contactKind: 'complaint' });
  });

  it('follows the flow, refusing a step out of order, and closes with the beneficiary informed', async () => {
    const [c] = (await desk.call('complaints.list', {})).items;
    const early = await desk.raw('complaints.close', { id: c!.id, channel: 'phone' });
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.error.message.ar).toContain('لا تسمح حالة الشكوى');
    await desk.call('complaints.acknowledge', { id: c!.id });
    expect((await desk.raw('complaints.assign', { id: c!.id, userId: deskId })).ok).toBe(false); // a manager assigns
    await manager.call('complaints.assign', { id: c!.id, userId: deskId });
    const answered = await desk.call('complaints.answer', { id: c!.id, answer: 'صُرفت المساعدة اليوم واعتذرنا عن التأخير' });
    expect(answered.status).toBe('answered');
    const closed = await desk.call('complaints.close', { id: c!.id, channel: 'phone' });
    expect(closed).toMatchObject({ status: 'closed', informedChannel: 'phone' });
    const contacts = await desk.call('contacts.forBeneficiary', { beneficiaryId });
    expect(contacts.items[0]).toMatchObject({ channel: 'phone', direction: 'outbound', outcome: 'informed' });
  });

  it('counts overdue cases and answers on time for the reports, with a configurable answer time', async () => {
    expect((await desk.raw('complaints.setSettings', { responseDays: 0 })).ok).toBe(false);
    await manager.call('complaints.setSettings', { responseDays: 2 });
    const late = await desk.call('complaints.receive', { kind: 'suggestion', channel: 'website', subject: 'إضافة موعد مسائي للاستقبال' });
    expect(late.responseDue).toBe('2026-03-03');
    s.clock.set(new Date('2026-03-04T07:00:00Z'));
    await manager.call('auth.login', { username: 'manager1', password: 'second-password-2' });
    const counts = await manager.call('complaints.counts', {});
    expect(counts).toMatchObject({ overdue: 1, answeredOnTime: 1, answeredLate: 0 });
    expect(counts.byKind.sort((a, b) => a.key.localeCompare(b.key))).toEqual([{ key: 'complaint', count: 1 }, { key: 'suggestion', count: 1 }]);
  });
});
