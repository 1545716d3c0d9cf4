import { afterEach, describe, expect, it } from 'vitest';
import { applyChanges, readColumnCatalog, type Change } from '../../src-main/store/change-apply';
import { noContactFacts } from '../../src-main/store/outreach';
import { eligibleHouseholds } from '../../src-main/store/outreach-seasons';
import { ADMIN_PASSWORD, beneficiaryInput } from './support/test-runtime';
import { rentCaseData } from './support/interview-fixtures';
import { DIALECTS, firstDesk, nextDesk, startHeadOffice, type Desk, type HeadOfficeHarness } from './support/sync-harness';

/**
 * A visit: a row of one branch (a ticket, a contact, an interview and its request, a complaint…)
 * naming a beneficiary another branch owns. Head office shares that beneficiary, with its history,
 * with the visited branch once, so every desk of that branch can show the person its rows name.
 */

describe.each(DIALECTS)('beneficiaries shared with the branches that visited or saw them on %s', (dialect) => {
  let ho: HeadOfficeHarness;
  const desks: Desk[] = [];
  afterEach(async () => {
    for (const desk of desks.splice(0)) await desk.close();
    await ho.close();
  });

  async function branches(...codes: string[]): Promise<Desk[]> {
    ho = await startHeadOffice(dialect);
    const made: Desk[] = [];
    for (const code of codes) made.push(await firstDesk(ho, code));
    desks.push(...made);
    return made;
  }

  /**
   * The record as the visited desk holds it, however it came there (the rule at head office does not
   * depend on it): the owner's logged history merged into the desk's store, with no share behind it.
   */
  async function holdWithoutShare(desk: Desk, beneficiaryId: string): Promise<void> {
    const entries = await ho.store.db.selectFrom('sync_changes').selectAll()
      .where('table_name', '=', 'beneficiaries').where('row_id', '=', beneficiaryId).where('audience_branch', 'is', null).orderBy('seq').execute();
    const db = desk.runtime.store.db;
    const changes: Change[] = entries.map((e) => ({ id: e.id, table_name: e.table_name, row_id: e.row_id, op: e.op as Change['op'], fields: JSON.parse(e.fields) as Change['fields'], hlc: e.hlc, branch_id: e.branch_id }));
    const columns = await readColumnCatalog(db);
    const outcomes = await db.transaction().execute(async (tx) => applyChanges(tx, changes, columns, new Date().toISOString()));
    expect(outcomes.every((o) => o.applied)).toBe(true);
  }

  async function sharesAtHeadOffice() {
    return ho.store.db.selectFrom('beneficiary_shares').select(['branch_id', 'beneficiary_id', 'owner_branch_id', 'reason']).execute();
  }

  it('shares the person once with a branch whose tickets, contacts, interviews, requests, complaints and household entries name them, before those rows in the log', async () => {
    const [a, c] = await branches('JZN', 'SBY') as [Desk, Desk];
    const person = (await a.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput({ address: 'حي الروضة' }) })).id;
    await a.sync();
    await c.sync();
    await holdWithoutShare(c, person);
    expect(await sharesAtHeadOffice()).toEqual([]);

    const ticket = await c.admin.call('queue.issue', { service: 'inquiry', beneficiaryId: person });
    const contact = await c.admin.call('contacts.record', { contact: {
      beneficiaryId: person, channel: 'phone', direction: 'inbound', contactKind: 'inquiry', subject: 'استفسار عن الطلب', details: null, outcome: 'answered', nextStep: null, followUpOn: null,
    } });
    const interview = await c.admin.call('interviews.start', { beneficiaryId: person });
    await c.admin.call('interviews.recordInquiry', { id: interview.id, questions: 'سؤال', answers: 'جواب' });
    const request = (await c.admin.call('interviews.saveCaseData', { id: interview.id, caseData: rentCaseData() })).request?.id;
    await c.admin.call('complaints.receive', { beneficiaryId: person, ticketId: ticket.id, kind: 'suggestion', channel: 'in_person_interview', subject: 'تمديد ساعات الاستقبال', details: null });
    await c.admin.call('household.add', { beneficiaryId: person, member: { fullName: 'نورة أحمد الحربي', relation: 'daughter', gender: 'female', birthDate: '2012-05-01' } });
    await c.sync();
    expect(await c.runtime.store.db.selectFrom('sync_rejections').select('change_id').execute()).toEqual([]);

    const sby = c.enrolment.branchId;
    expect(await sharesAtHeadOffice()).toEqual([{ branch_id: sby, beneficiary_id: person, owner_branch_id: a.enrolment.branchId, reason: 'visit' }]);
    // The person's history is copied to the visited branch before the rows that name them.
    const log = await ho.store.db.selectFrom('sync_changes').select(['seq', 'table_name', 'row_id', 'audience_branch']).orderBy('seq').execute();
    const seqOf = (pick: (e: (typeof log)[number]) => boolean) => Number(log.find(pick)?.seq ?? -1);
    const personCopied = seqOf((e) => e.table_name === 'beneficiaries' && e.row_id === person && e.audience_branch === sby);
    expect(personCopied).toBeGreaterThan(0);
    for (const [table, id] of [['tickets', ticket.id], ['contacts', contact.id], ['interviews', interview.id], ['support_requests', request]] as const) {
      expect(seqOf((e) => e.table_name === table && e.row_id === id && e.audience_branch === null)).toBeGreaterThan(personCopied);
    }
    const copies = log.filter((e) => e.audience_branch === sby).length;
    // The visited branch's outreach for the person (its open request, the member it added) is its own row to push.
    const everyDay = { from: '1900-01-01', to: '2999-12-31' };
    expect((await noContactFacts(c.runtime.store.db, everyDay.from, everyDay.to)).filter((f) => f.beneficiary_id === person)).toEqual([expect.objectContaining({ branch_id: sby })]);
    expect((await eligibleHouseholds(c.runtime.store.db, 'school_age_members', everyDay)).filter((h) => h.beneficiary_id === person)).toEqual([expect.objectContaining({ branch_id: sby })]);

    // A later visit changes nothing: the share exists.
    await c.admin.call('queue.issue', { service: 'new_request', beneficiaryId: person });
    await c.sync();
    expect(await sharesAtHeadOffice()).toHaveLength(1);
    expect(await ho.store.db.selectFrom('sync_changes').select('id').where('audience_branch', '=', sby).execute()).toHaveLength(copies);

    // Another desk of the visited branch receives the person before the rows, and shows them.
    const c2 = await nextDesk(ho, sby);
    desks.push(c2);
    await c2.sync();
    expect(await c2.runtime.store.db.selectFrom('sync_rejections').select(['table_name', 'reason']).execute()).toEqual([]);
    await c2.admin.call('auth.login', { username: 'admin-sby', password: ADMIN_PASSWORD });
    const profile = await c2.admin.call('beneficiaries.get', { id: person });
    expect(profile).toMatchObject({ id: person });
    expect(profile.household.map((m) => m.fullName)).toEqual(['نورة أحمد الحربي']);
    expect((await c2.admin.call('beneficiaries.search', { query: 'أحمد الحربي', limit: 20 })).items.map((i) => i.id)).toEqual([person]);
    const today = await c2.admin.call('queue.today', {});
    expect(today.tickets.find((t) => t.id === ticket.id)).toMatchObject({ beneficiaryId: person, beneficiaryName: expect.stringContaining('الحربي') });
    expect((await c2.admin.call('contacts.forBeneficiary', { beneficiaryId: person })).items.map((i) => i.id)).toContain(contact.id);
    expect((await c2.admin.call('requests.list', { beneficiaryId: person })).items.map((r) => r.id)).toEqual([request]);
    // The owner's branch is not given the visiting branch's rows, but for the person's own file: the member added there.
    await a.sync();
    expect(await a.runtime.store.db.selectFrom('tickets').select('id').where('beneficiary_id', '=', person).execute()).toEqual([]);
    expect((await a.admin.call('beneficiaries.get', { id: person })).household.map((m) => m.fullName)).toEqual(['نورة أحمد الحربي']);
  });

  it('lets a branch that saw a record open the survivor it was later merged into at another branch', async () => {
    const [a, c, d] = await branches('JZN', 'SBY', 'ABH') as [Desk, Desk, Desk];
    const input = beneficiaryInput();
    const first = (await a.admin.call('beneficiaries.register', { beneficiary: input })).id;
    await a.sync();
    // SBY registers the same ID under a mistyped name; the pair is reviewed and told apart, and SBY keeps seeing JZN's record.
    const other = { firstName: 'سالم', fatherName: 'ناصر', grandfatherName: 'علي', familyName: 'القحطاني', phonePrimary: '0559998887', birthDate: '1990-01-01' };
    await c.admin.call('beneficiaries.register', { beneficiary: { ...input, ...other } });
    await c.sync();
    const [review] = (await c.admin.call('sync.reviews', {})).reviews;
    await c.admin.call('sync.resolveReview', { reviewId: review?.id ?? '', decision: 'distinct', survivorId: null, aliasFields: [] });
    await c.sync();
    const visit = await c.admin.call('queue.issue', { service: 'inquiry', beneficiaryId: first });
    await c.sync();
    // ABH registers JZN's person under another ID (same name): reviewed with JZN's record only, and merged, ABH's surviving.
    const third = (await d.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput({ phonePrimary: '0557776665' }) })).id;
    await d.sync();
    const reviews = (await d.admin.call('sync.reviews', {})).reviews;
    const withFirst = reviews.find((r) => r.records.some((x) => x.id === first));
    await d.admin.call('sync.resolveReview', { reviewId: withFirst?.id ?? '', decision: 'merge', survivorId: third, aliasFields: [] });
    await d.sync();
    await c.sync();
    expect((await c.admin.call('beneficiaries.get', { id: first })).id).toBe(third);
    expect((await c.admin.call('queue.ticket', { id: visit.id })).beneficiaryId).toBe(third);
    expect(await ho.store.db.selectFrom('beneficiary_shares').select('reason').where('branch_id', '=', c.enrolment.branchId).where('beneficiary_id', '=', third).execute())
      .toEqual([{ reason: 'merge' }]);
  });
  it('keeps merges one hop deep: a record merged into one that is merged again points at the last survivor everywhere', async () => {
    const [a, c, d] = await branches('JZN', 'SBY', 'ABH') as [Desk, Desk, Desk];
    const input = beneficiaryInput();
    const first = (await a.admin.call('beneficiaries.register', { beneficiary: input })).id;
    const ticket = await a.admin.call('queue.issue', { service: 'inquiry', beneficiaryId: first });
    await a.sync();
    const second = (await c.admin.call('beneficiaries.register', { beneficiary: { ...input, phonePrimary: '0559998887' } })).id;
    await c.sync();
    const third = (await d.admin.call('beneficiaries.register', { beneficiary: { ...input, phonePrimary: '0557776665' } })).id;
    await d.sync();
    await c.sync();
    const reviews = (await c.admin.call('sync.reviews', {})).reviews;
    const pair = (x: string, y: string) => reviews.find((r) => r.records.every((rec) => [x, y].includes(rec.id)))?.id ?? '';
    await c.admin.call('sync.resolveReview', { reviewId: pair(first, second), decision: 'merge', survivorId: second, aliasFields: [] });
    await c.sync();
    await c.admin.call('sync.resolveReview', { reviewId: pair(second, third), decision: 'merge', survivorId: third, aliasFields: [] });
    await c.sync();
    for (const desk of [a, d, c]) await desk.sync();
    for (const db of [ho.store.db, a.runtime.store.db, c.runtime.store.db, d.runtime.store.db]) {
      const rows = await db.selectFrom('beneficiaries').select(['id', 'merged_into']).where('id', 'in', [first, second]).orderBy('id').execute();
      expect(rows.map((r) => r.merged_into)).toEqual([third, third]);
    }
    // The branch that registered the first record opens the last survivor, and its ticket shows it.
    expect((await a.admin.call('beneficiaries.get', { id: first })).id).toBe(third);
    expect((await a.admin.call('queue.today', {})).tickets.find((t) => t.id === ticket.id)?.beneficiaryId).toBe(third);
  });
});
