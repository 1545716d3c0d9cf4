import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { beneficiaryInput, setUpStore, userOf, type TestStore } from './support/test-runtime';

let s: TestStore;
beforeEach(async () => {
  s = await setUpStore();
});
afterEach(async () => {
  await s.close();
});

const contact = (beneficiaryId: string, subject: string, occurredAt?: string) => ({
  beneficiaryId,
  channel: 'phone' as const,
  direction: 'outbound' as const,
  contactKind: 'follow_up' as const,
  subject,
  outcome: 'informed' as const,
  ...(occurredAt ? { occurredAt } : {}),
});

describe('case timeline', () => {
  it('merges registration, edits, household changes and contacts, newest first', async () => {
    const { id } = await s.admin.call('beneficiaries.register', {
      beneficiary: beneficiaryInput(),
      household: [{ fullName: 'سارة أحمد الحربي', relation: 'daughter', gender: 'female' }],
    });
    await s.admin.call('contacts.record', { contact: contact(id, 'إبلاغ بموعد المقابلة') });
    const profile = await s.admin.call('beneficiaries.getForEdit', { id });
    await s.admin.call('beneficiaries.update', { id, expectedVersion: profile.version, beneficiary: beneficiaryInput({ nationalId: profile.nationalId, city: 'صبيا', address: 'حي الروضة' }) });
    await s.admin.call('household.remove', { id: profile.household[0]!.id });
    // Logged afterwards, but it happened before everything else on the timeline.
    await s.admin.call('contacts.record', { contact: contact(id, 'اتصال قبل التسجيل', '2020-01-01T09:00:00.000Z') });

    const { events, hasMore } = await s.admin.call('timeline.forBeneficiary', { beneficiaryId: id });
    expect(hasMore).toBe(false);
    const kinds = events.map((e) => e.kind);
    expect(kinds[kinds.length - 1]).toBe('contact');
    expect(events[events.length - 1]!.summary).toBe('اتصال قبل التسجيل');
    expect(new Set(kinds)).toEqual(new Set(['registered', 'household_added', 'contact', 'record_edited', 'household_removed']));
    const times = events.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    const edit = events.find((e) => e.kind === 'record_edited')!;
    expect(edit.fields.sort()).toEqual(['address', 'city']);
    expect(edit.actorName).toBe('مدير النظام');
    expect(events.find((e) => e.kind === 'contact' && e.summary === 'إبلاغ بموعد المقابلة')?.attributes).toMatchObject({ channel: 'phone', direction: 'outbound' });
    expect(events.find((e) => e.kind === 'household_removed')?.summary).toBe('سارة أحمد الحربي');
  });

  it('shows a corrected contact once, as corrected, and pages back with `before`', async () => {
    const { id } = await s.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput() });
    const first = await s.admin.call('contacts.record', { contact: contact(id, 'موضوع خاطئ', '2024-05-01T08:00:00.000Z') });
    await s.admin.call('contacts.correct', { id: first.id, contact: contact(id, 'موضوع مصحح', '2024-05-01T08:00:00.000Z') });
    for (let day = 10; day < 20; day += 1) await s.admin.call('contacts.record', { contact: contact(id, `متابعة ${day}`, `2024-06-${day}T08:00:00.000Z`) });

    const all = await s.admin.call('timeline.forBeneficiary', { beneficiaryId: id });
    expect(all.events.filter((e) => e.kind === 'contact').map((e) => e.summary)).not.toContain('موضوع خاطئ');
    expect(all.events.filter((e) => e.summary === 'موضوع مصحح')).toHaveLength(1);

    const page1 = await s.admin.call('timeline.forBeneficiary', { beneficiaryId: id, limit: 5 });
    expect(page1.hasMore).toBe(true);
    const page2 = await s.admin.call('timeline.forBeneficiary', { beneficiaryId: id, limit: 50, before: page1.events[4]!.at });
    expect([...page1.events, ...page2.events].map((e) => e.id)).toEqual(all.events.map((e) => e.id));
  });

  it('adds the queue ticket and the interview’s steps from the reception areas', async () => {
    const { id } = await s.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput() });
    const ticket = await s.admin.call('queue.issue', { service: 'new_request', beneficiaryId: id });
    const interview = await s.admin.call('interviews.start', { beneficiaryId: id });
    await s.admin.call('interviews.recordInquiry', { id: interview.id, questions: 'متى يصدر قرار اللجنة؟', answers: 'خلال أسبوعين من تقديم الطلب.' });
    await s.admin.call('contacts.record', { contact: contact(id, 'إبلاغ بموعد الزيارة') });

    const { events } = await s.admin.call('timeline.forBeneficiary', { beneficiaryId: id });
    expect(events.find((e) => e.kind === 'ticket')).toMatchObject({ summary: ticket.number, attributes: { ticketEvent: 'issued', service: 'new_request' } });
    expect(events.find((e) => e.kind === 'interview_step')).toMatchObject({ attributes: { step: 'reception' }, actorName: 'مدير النظام' });
    expect(events[0]).toMatchObject({ kind: 'contact', summary: 'إبلاغ بموعد الزيارة' });
    expect(events[events.length - 1]!.kind).toBe('registered');
  });

  it('refuses the timeline of a beneficiary outside the user’s branch', async () => {
    const sabya = await s.admin.call('branches.create', { code: 'SBY', nameAr: 'مكتب صبيا' });
    const { branches } = await s.admin.call('branches.list', {});
    const hqDesk = await userOf(s, 'reception', branches.find((b) => b.code === 'HQ')!.id, 'desk.hq');
    const sabyaDesk = await userOf(s, 'reception', sabya.id, 'desk.sabya');
    const { id } = await sabyaDesk.call('beneficiaries.register', { beneficiary: beneficiaryInput() });
    expect(await hqDesk.raw('timeline.forBeneficiary', { beneficiaryId: id })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } });
  });
});
