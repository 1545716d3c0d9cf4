import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../src-shared/contract/errors';
import { setUpStoreAt, userOf, type Caller, type TestClock, type TestStore } from './support/test-runtime';
import { REPORT, submittedRequest } from './support/committee-fixtures';
import { b64, signaturePng } from './support/interview-fixtures';

let s: TestStore & { clock: TestClock };
let desk: Caller;
let researcher: Caller;
let committee: Caller;
let manager: Caller;
const users: Array<[Caller, string]> = [];

/** Sundays 10:00 in Riyadh. */
const START = new Date('2026-03-01T07:00:00Z');

async function signIn(name: string, role: 'reception' | 'researcher' | 'committee' | 'manager', branchId: string): Promise<Caller> {
  const caller = await userOf(s, role, branchId, name);
  users.push([caller, name]);
  return caller;
}

/** Moving the clock days ahead ends idle sessions; everyone signs in again, as they would each morning. */
async function advanceDays(days: number): Promise<void> {
  s.clock.advanceDays(days);
  for (const [caller, name] of users) await caller.call('auth.login', { username: name, password: 'second-password-2' });
}

function count(table: string): number {
  return (s.runtime.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

function expectRefusal(result: ApiResult<unknown>, key: string): void {
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.error.messageKey).toBe(key);
    expect(result.error.message.ar).toMatch(/[\u0600-\u06FF]/);
  }
}

beforeAll(async () => {
  s = await setUpStoreAt(START);
  const { branches } = await s.admin.call('branches.list', {});
  const hq = branches[0]!.id;
  desk = await signIn('desk1', 'reception', hq);
  researcher = await signIn('researcher1', 'researcher', hq);
  committee = await signIn('committee1', 'committee', hq);
  manager = await signIn('manager1', 'manager', hq);
});
afterAll(async () => s.close());

describe('the committee clock on real SQLite with a settable clock', () => {
  it('writes the day-10 warning and the day-14 escalation exactly once each, and nothing for a decided request', async () => {
    const { requestId } = await submittedRequest(desk);
    const decided = await submittedRequest(desk);
    await researcher.call('committee.writeReport', { requestId: decided.requestId, report: REPORT });
    await committee.call('committee.decide', { requestId: decided.requestId, decision: { outcome: 'rejected', reason: 'الدخل يكفي الأسرة' } });

    const board = await committee.call('committee.board', {});
    const item = board.items.find((i) => i.requestId === requestId)!;
    expect(item).toMatchObject({ dueDate: '2026-03-15', warningDate: '2026-03-11', daysLeft: 14, level: 'on_time', state: 'submitted' });
    expect(board.items.find((i) => i.requestId === decided.requestId)).toBeUndefined(); // rejected: off the default board
    const withRejected = await committee.call('committee.board', { states: ['submitted', 'under_study', 'decided_rejected'] });
    expect(withRejected.items.find((i) => i.requestId === decided.requestId)?.level).toBe('decided');

    await advanceDays(9);
    expect((await manager.call('committee.checkClocks', {})).created).toBe(0);

    await advanceDays(1); // day 10
    await committee.call('committee.board', {});
    expect((await manager.call('committee.checkClocks', {})).created).toBe(0); // the board load already wrote it
    await committee.call('committee.board', {});
    let list = await manager.call('notifications.list', {});
    expect(list.items.map((n) => [n.requestId, n.moment])).toEqual([[requestId, 'warning']]);
    expect((await committee.call('committee.board', {})).items.find((i) => i.requestId === requestId)).toMatchObject({ daysLeft: 4, level: 'warning' });

    await advanceDays(3);
    expect((await manager.call('committee.checkClocks', {})).created).toBe(0);
    await advanceDays(1); // day 14, the due day
    expect((await manager.call('committee.checkClocks', {})).created).toBe(1);
    expect((await manager.call('committee.checkClocks', {})).created).toBe(0);
    await advanceDays(2);
    await committee.call('committee.board', {});
    list = await manager.call('notifications.list', {});
    expect(list.items.map((n) => n.moment).sort()).toEqual(['escalation', 'warning']);
    expect(list.items.every((n) => n.requestId === requestId)).toBe(true);
    expect(list.unread).toBe(2);
    expect((await committee.call('committee.board', {})).items.find((i) => i.requestId === requestId)).toMatchObject({ daysLeft: -2, level: 'overdue' });

    await manager.call('notifications.markRead', { id: list.items[0]!.id });
    expect((await manager.call('notifications.list', { unreadOnly: true })).items).toHaveLength(1);
    expect((await desk.raw('notifications.list', {})).ok).toBe(false); // the manager's list
  });
});

describe('decisions are written once; corrections supersede', () => {
  let requestId: string;
  let beneficiaryId: string;

  beforeAll(async () => {
    ({ requestId, beneficiaryId } = await submittedRequest(desk));
  });

  it('refuses a decision on a request not yet under study, in Arabic, writing nothing', async () => {
    const before = count('committee_decisions');
    expectRefusal(await committee.raw('committee.decide', { requestId, decision: { outcome: 'accepted', amount: 1500, schedule: 'monthly', installments: 3 } }), 'error.decisionNeedsStudy');
    expect(count('committee_decisions')).toBe(before);
  });

  it('starts the study with the research report and keeps the report written once', async () => {
    const view = await researcher.call('committee.writeReport', { requestId, report: REPORT });
    expect(view.state).toBe('under_study');
    expect(view.reports).toHaveLength(1);
    expectRefusal(await researcher.raw('committee.writeReport', { requestId, report: REPORT }), 'error.reportExists');
    const revised = await researcher.call('committee.writeReport', { requestId, supersedesId: view.reports[0]!.id, report: { ...REPORT, recommendedAmount: 4000 } });
    expect(revised.reports.filter((r) => r.current).map((r) => r.recommendedAmount)).toEqual([4000]);
  });

  it('refuses impossible decision input with the field named', async () => {
    const oneOff = await committee.raw('committee.decide', { requestId, decision: { outcome: 'accepted', amount: 1500, schedule: 'one_off', installments: 3 } });
    expectRefusal(oneOff, 'error.validation');
    if (!oneOff.ok) expect(Object.keys(oneOff.error.fields ?? {})).toContain('decision.installments');
    const noReason = await committee.raw('committee.decide', { requestId, decision: { outcome: 'rejected', reason: '  ' } });
    expect(noReason.ok).toBe(false);
    if (!noReason.ok) expect(noReason.error.fields?.['decision.reason']?.message.ar).toContain('سبب');
  });

  it('records a session with its agenda and an accepted decision, then refuses a second decision without superseding', async () => {
    const session = await committee.call('committee.createSession', { heldOn: '2026-03-20', membersPresent: ['رئيس اللجنة', 'عضو اللجنة'], agenda: [requestId] });
    const view = await committee.call('committee.decide', { requestId, sessionId: session.id, decision: { outcome: 'accepted', amount: 1500, items: 'إيجار ثلاثة أشهر', schedule: 'monthly', installments: 3 } });
    expect(view.state).toBe('decided_accepted');
    expect(view.entitlement).toMatchObject({ approvedTotal: 4500, remaining: 4500, installments: 3 });
    expect(view.sessions[0]?.membersPresent).toEqual(['رئيس اللجنة', 'عضو اللجنة']);

    const before = count('committee_decisions');
    expectRefusal(await committee.raw('committee.decide', { requestId, decision: { outcome: 'rejected', reason: 'تصحيح' } }), 'error.decisionExists');
    expect(count('committee_decisions')).toBe(before);
    expect(count('committee_decisions')).toBeGreaterThan(0);
  });

  it('shows the beneficiary\'s phone to the committee masked and to the researcher in clear (PROFILE_VISIBILITY)', async () => {
    const seen = await committee.call('committee.case', { requestId });
    expect(seen.beneficiaryPhone).toMatch(/^05•+\d\d$/);
    expect((await researcher.call('committee.case', { requestId })).beneficiaryPhone).toMatch(/^05\d{8}$/);
  });

  it('corrects by a new decision and keeps the first row unchanged', async () => {
    const first = (await committee.call('committee.case', { requestId })).decisions[0]!;
    const stored = s.runtime.store.sqlite.prepare('SELECT * FROM committee_decisions WHERE id = ?').get(first.id);
    const corrected = await committee.call('committee.decide', { requestId, supersedesId: first.id, decision: { outcome: 'accepted', amount: 1000, schedule: 'monthly', installments: 3 } });
    expect(corrected.decisions.map((d) => [d.amount, d.current])).toEqual([[1500, false], [1000, true]]);
    expect(s.runtime.store.sqlite.prepare('SELECT * FROM committee_decisions WHERE id = ?').get(first.id)).toEqual(stored);
    expectRefusal(await committee.raw('committee.decide', { requestId, supersedesId: first.id, decision: { outcome: 'rejected', reason: 'x' } }), 'error.decisionNotCurrent');
  });

  it('issues the decision letter from the decision row and records informing the beneficiary', async () => {
    const letter = await committee.call('forms.generateDecisionLetter', { requestId });
    expect(letter).toMatchObject({ kind: 'committee_decision', beneficiaryId, status: 'current' });
    const informed = await desk.call('committee.informBeneficiary', { requestId, channel: 'phone' });
    expect(informed.informed).toBe(true);
    expect(informed.letter?.id).toBe(letter.id);
    const contacts = await desk.call('contacts.forBeneficiary', { beneficiaryId });
    expect(contacts.items[0]).toMatchObject({ channel: 'phone', direction: 'outbound', outcome: 'informed' });
  });

  it('never delivers above the approved amount; a delivery is signed, stored once and moves the request', async () => {
    const before = count('deliveries');
    const attachmentsBefore = count('attachments');
    const above = await desk.raw('delivery.record', { requestId, amount: 3001, items: [{ description: 'دفعة إيجار' }], place: 'مقر الجمعية', signerName: 'المستفيد', signaturePngBase64: b64(signaturePng(true)) });
    expectRefusal(above, 'error.deliveryAboveApproved');
    if (!above.ok) expect(above.error.message.ar).toContain('3000');
    expect(count('deliveries')).toBe(before);
    expect(count('attachments')).toBe(attachmentsBefore);
    expectRefusal(await desk.raw('delivery.record', { requestId, amount: 1000, items: [{ description: 'دفعة' }], place: 'مقر الجمعية', signerName: 'المستفيد', signaturePngBase64: b64(signaturePng(false)) }), 'error.signatureEmpty');

    const view = await desk.call('delivery.record', { requestId, amount: 1000, items: [{ description: 'دفعة إيجار', quantity: 'شهر' }], place: 'مقر الجمعية', signerName: 'المستفيد', signaturePngBase64: b64(signaturePng(true)) });
    expect(view.state).toBe('delivered');
    expect(view.entitlement).toMatchObject({ deliveredTotal: 1000, remaining: 2000, deliveriesMade: 1 });
    expect(view.deliveries[0]?.formId).toBeTruthy();
    expectRefusal(await committee.raw('committee.decide', { requestId, supersedesId: view.decisions.at(-1)!.id, decision: { outcome: 'rejected', reason: 'x' } }), 'error.decisionHasDeliveries');
  });

  it('shows the report, the decisions and the delivery on the case timeline', async () => {
    const { events } = await desk.call('timeline.forBeneficiary', { beneficiaryId });
    const kinds = events.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['research_report', 'committee_decision', 'delivery']));
    expect(kinds.filter((k) => k === 'committee_decision')).toHaveLength(2);
  });
});
