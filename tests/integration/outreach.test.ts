import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beneficiaryInput, setUpStoreAt, userOf, type Caller, type TestClock, type TestStore } from './support/test-runtime';
import { REPORT, submittedRequest } from './support/committee-fixtures';
import { b64, distinctName, rentCaseData, signaturePng } from './support/interview-fixtures';

let s: TestStore & { clock: TestClock };
let desk: Caller;
let researcher: Caller;
let committee: Caller;
let manager: Caller;
const users: Array<[Caller, string]> = [];

async function signIn(name: string, role: 'reception' | 'researcher' | 'committee' | 'manager', branchId: string): Promise<Caller> {
  const caller = await userOf(s, role, branchId, name);
  users.push([caller, name]);
  return caller;
}

async function moveTo(at: Date): Promise<void> {
  s.clock.set(at);
  for (const [caller, name] of users) await caller.call('auth.login', { username: name, password: 'second-password-2' });
}

function count(table: string, where = '1 = 1'): number {
  return (s.runtime.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n;
}

const START = new Date('2026-03-01T07:00:00Z');
let deliveredRequest = '';
let deliveredBeneficiary = '';
let draftRequest = '';

beforeAll(async () => {
  s = await setUpStoreAt(START);
  const { branches } = await s.admin.call('branches.list', {});
  const hq = branches[0]!.id;
  desk = await signIn('desk1', 'reception', hq);
  researcher = await signIn('researcher1', 'researcher', hq);
  committee = await signIn('committee1', 'committee', hq);
  manager = await signIn('manager1', 'manager', hq);

  ({ requestId: deliveredRequest, beneficiaryId: deliveredBeneficiary } = await submittedRequest(desk));
  await researcher.call('committee.writeReport', { requestId: deliveredRequest, report: REPORT });
  await committee.call('committee.decide', { requestId: deliveredRequest, decision: { outcome: 'accepted', amount: 800, schedule: 'one_off', installments: 1 } });
  await desk.call('delivery.record', { requestId: deliveredRequest, amount: 800, items: [{ description: 'سلة غذائية' }], place: 'المقر', signerName: 'المستفيد', signaturePngBase64: b64(signaturePng(true)) });

  // A request left at the desk with its documents unchecked.
  const { id } = await desk.call('beneficiaries.register', { beneficiary: beneficiaryInput({ ...distinctName(), phonePrimary: '0559000111', preferredChannel: 'social_media' }), household: [], confirmedDistinctFrom: [] });
  const interview = await desk.call('interviews.start', { beneficiaryId: id });
  await desk.call('interviews.recordInquiry', { id: interview.id, questions: 'سؤال', answers: 'جواب' });
  draftRequest = (await desk.call('interviews.saveCaseData', { id: interview.id, caseData: rentCaseData({ expectedReleaseDate: '2026-06-20' }) })).request!.id;
});
afterAll(async () => s.close());

describe('outreach rules as data', () => {
  it('refuses a rule with an invalid schedule in Arabic and changes nothing', async () => {
    const before = s.runtime.store.sqlite.prepare('SELECT * FROM outreach_rules ORDER BY code').all();
    for (const [kind, days] of [['after_service', 0], ['after_service', 2.5], ['no_contact', 10], ['release_approaching', 400]] as const) {
      const result = await manager.raw('outreach.saveRule', { code: 'after_service_7', kind, days, channel: 'phone', script: 'نص', active: true });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.fields?.days?.message.ar).toContain('جدول القاعدة');
    }
    expect(s.runtime.store.sqlite.prepare('SELECT * FROM outreach_rules ORDER BY code').all()).toEqual(before);
    expect((await desk.raw('outreach.saveRule', { code: 'after_service_7', kind: 'after_service', days: 7, channel: 'phone', script: 'نص', active: true })).ok).toBe(false);
  });

  it('makes the follow-up task 7 days after a delivery, exactly once', async () => {
    await moveTo(new Date('2026-03-07T07:00:00Z'));
    await manager.call('outreach.evaluate', {});
    expect(count('outreach_tasks', "kind = 'after_service'")).toBe(0);
    await moveTo(new Date('2026-03-08T07:00:00Z'));
    await manager.call('outreach.evaluate', {});
    await manager.call('outreach.evaluate', {});
    const tasks = (await desk.call('outreach.list', {})).items.filter((t) => t.kind === 'after_service');
    expect(tasks.map((t) => [t.requestId, t.dueOn, t.channel])).toEqual([[deliveredRequest, '2026-03-08', 'phone']]);
  });

  it('reminds about missing documents on a pending request 5 days after it was opened', async () => {
    const tasks = (await desk.call('outreach.list', {})).items.filter((t) => t.kind === 'missing_documents');
    expect(tasks.map((t) => t.requestId)).toEqual([draftRequest]);
    // The family asked to be reached on social media: the rule's phone gives way to their choice.
    expect(tasks[0]!.channel).toBe('social_media');
    // Tasks made in bulk travel like any row: each has its change-log entry, with its fields.
    expect(count('change_log', "table_name = 'outreach_tasks' AND op = 'insert'")).toBe(count('outreach_tasks'));
    expect(count('change_log', `table_name = 'outreach_tasks' AND row_id = '${tasks[0]!.id}' AND fields LIKE '%social_media%'`)).toBe(1);
  });

  it('warns 30 days before an expected release, and not earlier', async () => {
    await moveTo(new Date('2026-05-20T07:00:00Z'));
    await manager.call('outreach.evaluate', {});
    expect(count('outreach_tasks', "kind = 'release_approaching'")).toBe(0);
    await moveTo(new Date('2026-05-21T07:00:00Z'));
    await manager.call('outreach.evaluate', {});
    const tasks = (await desk.call('outreach.list', {})).items.filter((t) => t.kind === 'release_approaching');
    expect(tasks.map((t) => [t.requestId, t.dueOn])).toEqual([[draftRequest, '2026-06-20']]);
  });

  it('is worked by phone: the call lands in the contact log and the task is done', async () => {
    const task = (await desk.call('outreach.list', {})).items.find((t) => t.kind === 'after_service')!;
    const done = await desk.call('outreach.complete', { id: task.id, outcome: 'answered', details: 'استلمت الأسرة السلة كاملة' });
    expect(done).toMatchObject({ status: 'done', outcome: 'answered' });
    const contacts = await desk.call('contacts.forBeneficiary', { beneficiaryId: deliveredBeneficiary });
    expect(contacts.items[0]).toMatchObject({ channel: 'phone', direction: 'outbound', contactKind: 'follow_up', subject: 'متابعة بعد تقديم الخدمة' });
    expect((await desk.raw('outreach.complete', { id: task.id, outcome: 'answered' })).ok).toBe(false);
  });

  it('calls a family 90 days after the last contact', async () => {
    const last = (s.runtime.store.sqlite.prepare('SELECT max(occurred_at) AS at FROM contacts WHERE beneficiary_id = ?').get(deliveredBeneficiary) as { at: string }).at;
    const due = new Date(Date.parse(`${last.slice(0, 10)}T07:00:00Z`) + 90 * 86_400_000);
    await moveTo(new Date(due.getTime() - 86_400_000));
    await manager.call('outreach.evaluate', {});
    expect(count('outreach_tasks', `kind = 'no_contact' AND beneficiary_id = '${deliveredBeneficiary}'`)).toBe(0);
    await moveTo(due);
    await manager.call('outreach.evaluate', {});
    await manager.call('outreach.evaluate', {});
    expect(count('outreach_tasks', `kind = 'no_contact' AND beneficiary_id = '${deliveredBeneficiary}'`)).toBe(1);
  });
});
