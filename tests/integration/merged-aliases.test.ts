import { afterEach, describe, expect, it } from 'vitest';
import type { SubjectExport } from '../../src-shared/contract/privacy';
import { noContactFacts } from '../../src-main/store/outreach';
import { updateTravelling } from '../../src-main/store/row-writer';
import { ADMIN_PASSWORD, beneficiaryInput, setUpStoreAt, type TestClock, type TestStore } from './support/test-runtime';
import { rentCaseData } from './support/interview-fixtures';

/**
 * After a merge (head office sets the alias's merged_into, every desk merges it), the rows that still
 * name the merged-away record belong to the survivor: its household, its contacts and its tickets,
 * whichever id a screen asks by, and the lists show the survivor.
 */

describe('rows naming a merged-away record', () => {
  let s: TestStore & { clock: TestClock };
  afterEach(async () => s.close());

  async function mergedPair() {
    s = await setUpStoreAt(new Date());
    const survivor = (await s.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput() })).id;
    const alias = (await s.admin.call('beneficiaries.register', {
      beneficiary: beneficiaryInput({ firstName: 'سالم', fatherName: 'ناصر', grandfatherName: 'علي', familyName: 'القحطاني', phonePrimary: '0559998887', birthDate: '1990-01-01' }),
    })).id;
    await s.admin.call('household.add', { beneficiaryId: survivor, member: { fullName: 'نورة أحمد الحربي', relation: 'daughter', gender: 'female', birthDate: '2012-05-01' } });
    await s.admin.call('household.add', { beneficiaryId: alias, member: { fullName: 'سارة سالم القحطاني', relation: 'daughter', gender: 'female', birthDate: '2014-03-01' } });
    const contact = (await s.admin.call('contacts.record', { contact: {
      beneficiaryId: alias, channel: 'phone', direction: 'inbound', contactKind: 'inquiry', subject: 'استفسار عن موعد الصرف', details: null, outcome: 'answered', nextStep: null, followUpOn: null,
    } })).id;
    const ticket = (await s.admin.call('queue.issue', { service: 'inquiry', beneficiaryId: alias })).id;
    const interview = (await s.admin.call('interviews.start', { beneficiaryId: alias })).id;
    await s.admin.call('interviews.recordInquiry', { id: interview, questions: 'سؤال', answers: 'جواب' });
    const request = (await s.admin.call('interviews.saveCaseData', { id: interview, caseData: rentCaseData() })).request?.id;
    const exportRequest = (await s.admin.call('privacy.requestExport', { beneficiaryId: alias, channel: 'phone' })).id;
    const correction = (await s.admin.call('privacy.requestCorrection', { beneficiaryId: alias, field: 'address', requestedValue: 'حي الصفا', justification: 'انتقلت الأسرة', channel: 'phone' })).id;
    const complaint = (await s.admin.call('complaints.receive', { beneficiaryId: alias, ticketId: null, kind: 'suggestion', channel: 'phone', subject: 'تمديد ساعات الاستقبال', details: null })).id;
    // The merge as head office writes it and a desk merges it.
    const db = s.runtime.store.db;
    await db.transaction().execute(async (tx) => {
      const row = await tx.selectFrom('beneficiaries').selectAll().where('id', '=', alias).executeTakeFirstOrThrow();
      await updateTravelling(tx, 'beneficiaries', row, { merged_into: survivor }, { hlc: s.runtime.clock.next(), now: new Date().toISOString(), userId: null }, { history: false });
    });
    return { survivor, alias, contact, ticket, interview, request, complaint, exportRequest, correction };
  }

  it('lists the household members added under either record on the survivor’s profile, by either id', async () => {
    const { survivor, alias } = await mergedPair();
    for (const id of [survivor, alias]) {
      const profile = await s.admin.call('beneficiaries.get', { id });
      expect(profile.id).toBe(survivor);
      expect(profile.household.map((m) => m.fullName).sort()).toEqual(['سارة سالم القحطاني', 'نورة أحمد الحربي']);
    }
  });

  it('lists the contacts logged under the alias with the survivor, by either id', async () => {
    const { survivor, alias, contact } = await mergedPair();
    for (const id of [survivor, alias]) {
      const { items } = await s.admin.call('contacts.forBeneficiary', { beneficiaryId: id });
      expect(items.map((i) => i.id)).toContain(contact);
      expect(items.find((i) => i.id === contact)).toMatchObject({ beneficiaryId: survivor, beneficiaryName: 'أحمد عبدالله محمد الحربي' });
    }
    const daily = await s.admin.call('contacts.daily', {});
    expect(daily.items.find((i) => i.id === contact)).toMatchObject({ beneficiaryId: survivor, beneficiaryName: 'أحمد عبدالله محمد الحربي' });
  });

  it('shows the survivor on a ticket taken under the alias, in the queue and on the ticket', async () => {
    const { survivor, ticket } = await mergedPair();
    const today = await s.admin.call('queue.today', {});
    expect(today.tickets.find((t) => t.id === ticket)).toMatchObject({ beneficiaryId: survivor, beneficiaryName: 'أحمد عبدالله محمد الحربي' });
    expect(await s.admin.call('queue.ticket', { id: ticket })).toMatchObject({ beneficiaryId: survivor, beneficiaryName: 'أحمد عبدالله محمد الحربي' });
  });

  it('names the survivor on the request, interview and complaint lists for rows made under the alias', async () => {
    const { interview, request, complaint } = await mergedPair();
    const name = 'أحمد عبدالله محمد الحربي';
    expect((await s.admin.call('requests.list', {})).items.find((r) => r.id === request)?.beneficiaryName).toBe(name);
    expect((await s.admin.call('interviews.listOpen', {})).items.find((i) => i.id === interview)?.beneficiaryName).toBe(name);
    expect((await s.admin.call('complaints.list', {})).items.find((c) => c.id === complaint)?.beneficiaryName).toBe(name);
  });

  it('lists the data-export and correction requests made under the alias on the survivor’s rights, by either id', async () => {
    const { survivor, alias, exportRequest, correction } = await mergedPair();
    for (const id of [survivor, alias]) {
      const rights = await s.admin.call('privacy.rights', { beneficiaryId: id });
      expect(rights.exports.map((e) => e.id)).toEqual([exportRequest]);
      expect(rights.corrections.map((c) => c.id)).toEqual([correction]);
    }
  });

  it('names the survivor on an outreach task made for the alias', async () => {
    const { request } = await mergedPair();
    s.clock.advanceDays(6);
    await s.admin.call('auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    await s.admin.call('outreach.evaluate', {});
    const task = (await s.admin.call('outreach.list', {})).items.find((t) => t.requestId === request);
    expect(task).toMatchObject({ kind: 'missing_documents', beneficiaryName: 'أحمد عبدالله محمد الحربي' });
  });

  it('follows the merged person up once, as the survivor: a request open and a contact logged under the alias are theirs', async () => {
    const { survivor, alias } = await mergedPair();
    const today = new Date().toISOString().slice(0, 10);
    const facts = await noContactFacts(s.runtime.store.db, '1900-01-01', '2999-12-31');
    expect(facts.filter((f) => f.beneficiary_id === alias)).toEqual([]);
    // Anchored on the contact logged under the alias (today), not on a registration with no contact.
    expect(facts.filter((f) => f.beneficiary_id === survivor)).toEqual([expect.objectContaining({ anchor_day: today })]);
    // Not "no contact since" any earlier day: the alias's contact counts.
    expect((await noContactFacts(s.runtime.store.db, '1900-01-01', '2000-01-01')).filter((f) => f.beneficiary_id === survivor)).toEqual([]);
  });

  it('saves a satisfaction answer given under the alias, or about a request made under it, as the survivor’s', async () => {
    const { survivor, alias, request } = await mergedPair();
    const byId = await s.admin.call('surveys.submit', { service: 'reception_visit', channel: 'kiosk', csat: 5, nps: 9, beneficiaryId: alias });
    const byRequest = await s.admin.call('surveys.submit', { service: 'reception_visit', channel: 'phone', csat: 4, nps: 8, requestId: request ?? null });
    const saved = await s.runtime.store.db.selectFrom('survey_responses').select(['id', 'beneficiary_id']).where('id', 'in', [byId.id, byRequest.id]).execute();
    expect(saved.map((r) => r.beneficiary_id)).toEqual([survivor, survivor]);
  });

  it('writes new tickets, interviews, complaints and contacts asked for under the alias as the survivor’s', async () => {
    const { survivor, alias } = await mergedPair();
    const db = s.runtime.store.db;
    const ticket = await s.admin.call('queue.issue', { service: 'inquiry', beneficiaryId: alias });
    const interview = await s.admin.call('interviews.start', { beneficiaryId: alias });
    const complaint = await s.admin.call('complaints.receive', { beneficiaryId: alias, ticketId: null, kind: 'complaint', channel: 'phone', subject: 'تأخر الرد', details: null });
    const contact = await s.admin.call('contacts.record', { contact: {
      beneficiaryId: alias, channel: 'phone', direction: 'outbound', contactKind: 'inquiry', subject: 'متابعة', details: null, outcome: 'answered', nextStep: null, followUpOn: null,
    } });
    expect((await db.selectFrom('contacts').select('beneficiary_id').where('id', '=', contact.id).executeTakeFirstOrThrow()).beneficiary_id).toBe(survivor);
    const anonymous = await s.admin.call('queue.issue', { service: 'inquiry' });
    await s.admin.call('queue.linkBeneficiary', { ticketId: anonymous.id, beneficiaryId: alias });
    expect((await db.selectFrom('tickets').select('beneficiary_id').where('id', 'in', [ticket.id, anonymous.id]).execute()).map((r) => r.beneficiary_id)).toEqual([survivor, survivor]);
    expect((await db.selectFrom('interviews').select('beneficiary_id').where('id', '=', interview.id).executeTakeFirstOrThrow()).beneficiary_id).toBe(survivor);
    expect((await db.selectFrom('complaints').select('beneficiary_id').where('id', '=', complaint.id).executeTakeFirstOrThrow()).beneficiary_id).toBe(survivor);
  });
  it('gives the person’s data export every record made under the alias, and the alias record itself', async () => {
    const { survivor, alias, contact, ticket, interview, request, complaint } = await mergedPair();
    const asked = await s.admin.call('privacy.requestExport', { beneficiaryId: survivor, channel: 'phone' });
    const file = await s.admin.call('privacy.export', { requestId: asked.id, format: 'json' });
    const copy = JSON.parse(Buffer.from(file.contentBase64, 'base64').toString('utf8')) as SubjectExport;
    expect(copy.beneficiary.id).toBe(survivor);
    expect(copy.records.merged_records.map((r) => r.id)).toEqual([alias]);
    expect(copy.records.household_members.map((r) => r.full_name).sort()).toEqual(['سارة سالم القحطاني', 'نورة أحمد الحربي']);
    expect(copy.records.contacts.map((r) => r.id)).toContain(contact);
    expect(copy.records.tickets.map((r) => r.id)).toContain(ticket);
    expect(copy.records.interviews.map((r) => r.id)).toContain(interview);
    expect(copy.records.support_requests.map((r) => r.id)).toContain(request);
    expect(copy.records.complaints.map((r) => r.id)).toContain(complaint);
    const pdf = await s.admin.call('privacy.export', { requestId: asked.id, format: 'pdf' });
    expect(Buffer.from(pdf.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });
});
