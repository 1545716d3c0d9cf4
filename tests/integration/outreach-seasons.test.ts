import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beneficiaryInput, setUpStoreAt, userOf, type Caller, type TestClock, type TestStore } from './support/test-runtime';
import { REPORT, submittedRequest } from './support/committee-fixtures';
import { b64, distinctName, signaturePng } from './support/interview-fixtures';

let s: TestStore & { clock: TestClock };
let desk: Caller;
let committee: Caller;
let manager: Caller;
const users: Array<[Caller, string]> = [];
const households = { waiting: '', delivered: '', withChild: '', prefersSocial: '' };

async function signIn(name: string, role: 'reception' | 'researcher' | 'committee' | 'manager', branchId: string): Promise<Caller> {
  const caller = await userOf(s, role, branchId, name);
  users.push([caller, name]);
  return caller;
}

async function moveTo(day: string): Promise<void> {
  s.clock.set(new Date(`${day}T07:00:00Z`));
  for (const [caller, name] of users) await caller.call('auth.login', { username: name, password: 'second-password-2' });
}

async function accepted(researcher: Caller): Promise<{ requestId: string; beneficiaryId: string }> {
  const request = await submittedRequest(desk);
  await researcher.call('committee.writeReport', { requestId: request.requestId, report: REPORT });
  await committee.call('committee.decide', { requestId: request.requestId, decision: { outcome: 'accepted', amount: 500, schedule: 'monthly', installments: 2 } });
  return request;
}

async function seasonalTasks(code: string) {
  const open = (await desk.call('outreach.list', { status: 'open' })).items;
  const done = (await desk.call('outreach.list', { status: 'done' })).items;
  return [...open, ...done].filter((t) => t.kind === 'seasonal' && t.ruleCode === code);
}

beforeAll(async () => {
  s = await setUpStoreAt(new Date('2026-01-20T07:00:00Z'));
  const { branches } = await s.admin.call('branches.list', {});
  const hq = branches[0]!.id;
  desk = await signIn('desk1', 'reception', hq);
  const researcher = await signIn('researcher1', 'researcher', hq);
  committee = await signIn('committee1', 'committee', hq);
  manager = await signIn('manager1', 'manager', hq);

  households.waiting = (await accepted(researcher)).beneficiaryId;
  const delivered = await accepted(researcher);
  households.delivered = delivered.beneficiaryId;
  for (let i = 0; i < 2; i++) {
    await desk.call('delivery.record', { requestId: delivered.requestId, amount: 500, items: [{ description: 'سلة غذائية' }], place: 'المقر', signerName: 'المستفيد', signaturePngBase64: b64(signaturePng(true)) });
  }
  const social = await accepted(researcher);
  households.prefersSocial = social.beneficiaryId;
  const profile = await desk.call('beneficiaries.get', { id: social.beneficiaryId });
  await desk.call('beneficiaries.update', {
    id: social.beneficiaryId,
    expectedVersion: profile.version,
    beneficiary: beneficiaryInput({ firstName: profile.firstName, fatherName: profile.fatherName, grandfatherName: profile.grandfatherName, familyName: profile.familyName, nationalId: null, idType: 'none', phonePrimary: '0553000003', preferredChannel: 'social_media' }),
  });
  households.withChild = (
    await desk.call('beneficiaries.register', {
      beneficiary: beneficiaryInput({ ...distinctName(), phonePrimary: '0557000001' }),
      household: [
        { fullName: 'سارة أحمد الحربي', relation: 'daughter', gender: 'female', birthDate: '2015-09-01' },
        { fullName: 'نورة أحمد الحربي', relation: 'daughter', gender: 'female', birthDate: '2024-01-01' },
      ],
      confirmedDistinctFrom: [],
    })
  ).id;
});
afterAll(async () => s.close());

describe('seasonal programmes as outreach data', () => {
  it('lists the four seeded programmes with their next Umm al-Qura day', async () => {
    const { items } = await desk.call('outreach.seasons', {});
    expect(items.map((i) => [i.code, i.season, i.calendar, i.nextOn])).toEqual([
      ['eid_al_adha_gift', 'eid_al_adha', 'hijri', '2026-05-27'],
      ['eid_al_fitr_gift', 'eid_al_fitr', 'hijri', '2026-03-20'],
      ['ramadan_basket', 'ramadan', 'hijri', '2026-02-18'],
      ['school_start_kit', 'school_start', 'gregorian', '2026-08-24'],
    ]);
  });

  it('refuses a day that does not exist every year or a lead time out of range, in Arabic, changing nothing', async () => {
    const before = s.runtime.store.sqlite.prepare('SELECT * FROM outreach_seasons ORDER BY code').all();
    const base = { code: 'ramadan_basket', season: 'ramadan', calendar: 'hijri', month: 9, day: 1, leadDays: 14, eligibility: 'active_entitlement', channel: 'phone', script: 'نص', active: true } as const;
    const badDay = await manager.raw('outreach.saveSeason', { ...base, day: 30 });
    expect(badDay.ok).toBe(false);
    if (!badDay.ok) expect(badDay.error.fields?.day?.message.ar).toContain('يوم البرنامج الموسمي');
    const badLead = await manager.raw('outreach.saveSeason', { ...base, leadDays: 0 });
    expect(badLead.ok).toBe(false);
    if (!badLead.ok) expect(badLead.error.fields?.leadDays?.message.ar).toContain('التنبيه المسبق');
    expect((await desk.raw('outreach.saveSeason', base)).ok).toBe(false);
    expect(s.runtime.store.sqlite.prepare('SELECT * FROM outreach_seasons ORDER BY code').all()).toEqual(before);
  });

  it('calls households with an entitlement still running from 14 days before 1 Ramadan, once, on their preferred channel', async () => {
    await moveTo('2026-02-03');
    await manager.call('outreach.evaluate', {});
    expect(await seasonalTasks('ramadan_basket')).toHaveLength(0);
    await moveTo('2026-02-04');
    await manager.call('outreach.evaluate', {});
    await manager.call('outreach.evaluate', {});
    await moveTo('2026-02-10');
    await manager.call('outreach.evaluate', {});
    const tasks = await seasonalTasks('ramadan_basket');
    expect(tasks.map((t) => [t.beneficiaryId, t.anchorDay, t.dueOn, t.channel]).sort()).toEqual(
      [
        [households.waiting, '2026-02-18', '2026-02-17', 'phone'],
        [households.prefersSocial, '2026-02-18', '2026-02-17', 'social_media'],
      ].sort(),
    );
  });

  it('lands a done seasonal call in the contact log under the programme’s name', async () => {
    const [task] = (await seasonalTasks('ramadan_basket')).filter((t) => t.beneficiaryId === households.waiting);
    await desk.call('outreach.complete', { id: task!.id, outcome: 'informed', details: 'موعد الاستلام الأحد' });
    const { items } = await desk.call('contacts.forBeneficiary', { beneficiaryId: households.waiting });
    expect(items.map((c) => c.subject)).toContain('برنامج شهر رمضان');
  });

  it('calls every household with an accepted case before Eid al-Fitr, delivered or not', async () => {
    await moveTo('2026-03-12');
    await manager.call('outreach.evaluate', {});
    const ids = (await seasonalTasks('eid_al_fitr_gift')).map((t) => t.beneficiaryId).sort();
    expect(ids).toEqual([households.waiting, households.delivered, households.prefersSocial].sort());
  });

  it('calls households with a member of school age before school starts, and no others', async () => {
    await moveTo('2026-08-02');
    await manager.call('outreach.evaluate', {});
    expect(await seasonalTasks('school_start_kit')).toHaveLength(0);
    await moveTo('2026-08-03');
    await manager.call('outreach.evaluate', {});
    expect((await seasonalTasks('school_start_kit')).map((t) => [t.beneficiaryId, t.anchorDay])).toEqual([[households.withChild, '2026-08-24']]);
  });

  it('makes next year’s Ramadan tasks anew, leaving last year’s alone', async () => {
    await moveTo('2027-01-25');
    await manager.call('outreach.evaluate', {});
    await manager.call('outreach.evaluate', {});
    const tasks = await seasonalTasks('ramadan_basket');
    expect(tasks.filter((t) => t.anchorDay === '2026-02-18')).toHaveLength(2);
    expect(tasks.filter((t) => t.anchorDay === '2027-02-08').map((t) => t.beneficiaryId).sort()).toEqual([households.waiting, households.prefersSocial].sort());
  });
});
