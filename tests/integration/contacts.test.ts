import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTACT_CHANNEL_CODES } from '../../src-shared/domain/contact-channels';
import { beneficiaryInput, setUpStore, userOf, type Caller, type TestStore } from './support/test-runtime';

let s: TestStore;
beforeEach(async () => {
  s = await setUpStore();
});
afterEach(async () => {
  await s.close();
});

const phoneInquiry = (beneficiaryId: string | null, overrides: Record<string, unknown> = {}) => ({
  beneficiaryId,
  channel: 'phone' as const,
  direction: 'inbound' as const,
  contactKind: 'inquiry' as const,
  subject: 'الاستفسار عن موعد صرف السلة الغذائية',
  details: 'سألت الأم عن موعد الصرف القادم.',
  outcome: 'answered' as const,
  nextStep: null,
  followUpOn: null,
  ...overrides,
});

const count = (table: string) => (s.runtime.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

async function twoBranches(): Promise<{ jazanReception: Caller; sabyaReception: Caller; sabyaBeneficiary: string; jazanBeneficiary: string }> {
  const { branches } = await s.admin.call('branches.list', {});
  const hq = branches[0]!.id;
  const sabya = await s.admin.call('branches.create', { code: 'SBY', nameAr: 'مكتب صبيا' });
  const jazanReception = await userOf(s, 'reception', hq, 'desk.hq');
  const sabyaReception = await userOf(s, 'reception', sabya.id, 'desk.sabya');
  const jazan = await jazanReception.call('beneficiaries.register', { beneficiary: beneficiaryInput() });
  const other = await sabyaReception.call('beneficiaries.register', { beneficiary: beneficiaryInput({ firstName: 'سعيد', phonePrimary: '0501112233' }) });
  return { jazanReception, sabyaReception, jazanBeneficiary: jazan.id, sabyaBeneficiary: other.id };
}

describe('contact log: recording over the eight channels', () => {
  it('records an exchange on every channel of the policy against a beneficiary, newest first', async () => {
    const { id } = await s.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput() });
    for (const [i, channel] of CONTACT_CHANNEL_CODES.entries()) {
      await s.admin.call('contacts.record', { contact: phoneInquiry(id, { channel, occurredAt: new Date(Date.now() - (10 - i) * 60_000).toISOString() }) });
    }
    const { items } = await s.admin.call('contacts.forBeneficiary', { beneficiaryId: id });
    expect(items.map((c) => c.channel)).toEqual([...CONTACT_CHANNEL_CODES].reverse());
    expect(items[0]).toMatchObject({ beneficiaryName: 'أحمد عبدالله محمد الحربي', recordedByName: 'مدير النظام', branchName: 'المقر الرئيسي', correctsId: null });
  });

  it('records an anonymous inquiry with the caller’s name and mobile, and lists it on the desk’s day', async () => {
    const entry = await s.admin.call('contacts.record', { contact: phoneInquiry(null, { callerName: 'متصل لم يذكر اسمه كاملاً', callerPhone: '٠٥٥ ١٢٣ ٤٥٦٧' }) });
    expect(entry).toMatchObject({ beneficiaryId: null, callerPhone: '+966551234567' });
    const day = await s.admin.call('contacts.daily', {});
    expect(day.items.map((c) => c.id)).toEqual([entry.id]);
    expect(day.countsByChannel.phone).toBe(1);
    expect(day.countsByChannel.letters).toBe(0);
    expect((await s.admin.call('contacts.daily', { channel: 'letters' })).items).toEqual([]);
  });

  it('lists follow-ups due by today whenever they were logged', async () => {
    const { id } = await s.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput() });
    const lastWeek = new Date(Date.now() - 7 * 86_400_000).toISOString();
    const due = await s.admin.call('contacts.record', { contact: phoneInquiry(id, { outcome: 'follow_up_needed', followUpOn: lastWeek.slice(0, 10), occurredAt: lastWeek, nextStep: 'الاتصال بها بعد صدور قرار اللجنة' }) });
    await s.admin.call('contacts.record', { contact: phoneInquiry(id, { outcome: 'follow_up_needed', followUpOn: '2099-01-01' }) });
    const followUps = await s.admin.call('contacts.daily', { view: 'follow_ups_due' });
    expect(followUps.items.map((c) => c.id)).toEqual([due.id]);
  });

  it('keeps a corrected entry in the store and lists only the correction', async () => {
    const { id } = await s.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput() });
    const first = await s.admin.call('contacts.record', { contact: phoneInquiry(id) });
    const fixed = await s.admin.call('contacts.correct', { id: first.id, contact: phoneInquiry(id, { subject: 'الاستفسار عن موعد صرف الإيجار' }) });
    expect(fixed.correctsId).toBe(first.id);
    const { items } = await s.admin.call('contacts.forBeneficiary', { beneficiaryId: id });
    expect(items.map((c) => c.subject)).toEqual(['الاستفسار عن موعد صرف الإيجار']);
    expect(count('contacts')).toBe(2);
    const again = await s.admin.raw('contacts.correct', { id: first.id, contact: phoneInquiry(id) });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    await s.admin.call('contacts.retract', { id: fixed.id, retractionReason: 'سُجّل على المستفيد الخطأ' });
    expect((await s.admin.call('contacts.forBeneficiary', { beneficiaryId: id })).items).toEqual([]);
    expect(count('contacts')).toBe(3);
    const outbox = s.runtime.store.sqlite.prepare("SELECT count(*) AS n FROM change_log WHERE table_name = 'contacts'").get() as { n: number };
    expect(outbox.n).toBe(3);
  });
});

describe('contact log: bad input changes nothing', () => {
  it('refuses an unknown channel, naming the field in Arabic', async () => {
    const { id } = await s.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput() });
    const before = count('contacts');
    const result = await s.admin.raw('contacts.record', { contact: phoneInquiry(id, { channel: 'fax' }) });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!result.ok) expect(result.error.fields?.['contact.channel']?.message.ar).toBe('اختر قيمة صحيحة للحقل «قناة التواصل».');
    expect(count('contacts')).toBe(before);
  });

  it('refuses an empty subject', async () => {
    const result = await s.admin.raw('contacts.record', { contact: phoneInquiry(null, { subject: '   ' }) });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!result.ok) expect(result.error.fields?.['contact.subject']?.message.ar).toBe('الحقل «الموضوع» مطلوب.');
    expect(count('contacts')).toBe(0);
  });

  it('refuses a contact dated in the future', async () => {
    const result = await s.admin.raw('contacts.record', { contact: phoneInquiry(null, { occurredAt: new Date(Date.now() + 86_400_000).toISOString() }) });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: { ar: 'وقت التواصل لا يمكن أن يكون في المستقبل.' } } });
    expect(count('contacts')).toBe(0);
  });

  it('refuses a contact for a beneficiary of another branch, and hides that branch’s entries', async () => {
    const { jazanReception, sabyaReception, sabyaBeneficiary, jazanBeneficiary } = await twoBranches();
    const result = await jazanReception.raw('contacts.record', { contact: phoneInquiry(sabyaBeneficiary) });
    expect(result).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE', message: { ar: 'هذا السجل تابع لفرع آخر ولا يمكنك الاطلاع عليه.' } } });
    expect(count('contacts')).toBe(0);
    expect(await jazanReception.raw('contacts.forBeneficiary', { beneficiaryId: sabyaBeneficiary })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } });

    const anonymous = await sabyaReception.call('contacts.record', { contact: phoneInquiry(null) });
    await jazanReception.call('contacts.record', { contact: phoneInquiry(jazanBeneficiary) });
    expect((await jazanReception.call('contacts.daily', {})).items.map((c) => c.branchName)).toEqual(['المقر الرئيسي']);
    expect(await jazanReception.raw('contacts.retract', { id: anonymous.id, retractionReason: 'خطأ' })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } });
    // Head office (scope: all branches) sees both desks' days.
    expect((await s.admin.call('contacts.daily', {})).items).toHaveLength(2);
  });

  it('lets a committee member read the log but not write to it', async () => {
    const { branches } = await s.admin.call('branches.list', {});
    const committee = await userOf(s, 'committee', branches[0]!.id, 'committee.one');
    expect(await committee.raw('contacts.record', { contact: phoneInquiry(null) })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await committee.raw('contacts.daily', {})).toMatchObject({ ok: true });
  });
});
