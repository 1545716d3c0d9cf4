import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, beneficiaryInput } from './support/test-runtime';
import { DIALECTS, firstDesk, nextDesk, startHeadOffice, type Desk, type HeadOfficeHarness } from './support/sync-harness';

/**
 * Two desks of one branch register the same citizen while neither has seen the other's record (a
 * branch office offline). Nothing is refused: both records reach head office and both desks, head
 * office opens a review item for the branch, and a reviewer at either desk merges them into one
 * person (or marks them distinct). Each record stays editable while the review is open.
 */

describe.each(DIALECTS)('the same citizen registered at two desks of one branch, on %s', (dialect) => {
  let ho: HeadOfficeHarness;
  const desks: Desk[] = [];
  afterEach(async () => {
    for (const desk of desks.splice(0)) await desk.close();
    await ho.close();
  });

  async function registeredApart() {
    ho = await startHeadOffice(dialect);
    const a = await firstDesk(ho, 'JZN');
    desks.push(a);
    await a.sync();
    const b = await nextDesk(ho, a.enrolment.branchId);
    desks.push(b);
    await b.sync();
    await b.admin.call('auth.login', { username: 'admin-jzn', password: ADMIN_PASSWORD });
    // Both desks offline: each registers the citizen, with the phone each was given.
    const person = beneficiaryInput({ phonePrimary: '0551112223', address: 'حي الروضة' });
    const first = await a.admin.call('beneficiaries.register', { beneficiary: person });
    const second = await b.admin.call('beneficiaries.register', { beneficiary: { ...person, phonePrimary: '0559998887', address: 'حي الصفا' } });
    await a.sync();
    await b.sync();
    await a.sync();
    return { a, b, person, first: first.id, second: second.id };
  }

  it('keeps both records everywhere, refuses nothing, and opens one review item for the branch at both desks', async () => {
    const { a, b, person, first, second } = await registeredApart();
    const reviews = await ho.store.db.selectFrom('duplicate_reviews').selectAll().execute();
    expect(reviews).toEqual([expect.objectContaining({
      beneficiary_id: first, other_beneficiary_id: second, reason: 'same_national_id', branch_id: a.enrolment.branchId, other_branch_id: a.enrolment.branchId,
    })]);
    for (const desk of [a, b]) {
      expect(await desk.runtime.store.db.selectFrom('sync_rejections').select('change_id').execute()).toEqual([]);
      expect((await desk.admin.call('sync.status', {})).parkedChanges).toBe(0);
      const ids = await desk.runtime.store.db.selectFrom('beneficiaries').select('id').orderBy('id').execute();
      expect(ids.map((r) => r.id)).toEqual([first, second]);
      const listed = (await desk.admin.call('sync.reviews', {})).reviews;
      expect(listed).toHaveLength(1);
      expect(listed[0]).toMatchObject({ state: 'open', reason: 'same_national_id' });
      expect(listed[0]?.records.map((r) => r.id)).toEqual([first, second]);
      expect(listed[0]?.differing).toEqual(expect.arrayContaining(['phone_primary', 'address']));
    }
    // A third registration of the ID is still refused at the desk, pointing at a record on file.
    const third = await a.admin.raw('beneficiaries.register', { beneficiary: { ...person, phonePrimary: '0551230000' } });
    expect(third).toMatchObject({ ok: false, error: { code: 'DUPLICATE_NATIONAL_ID' } });
  });

  it('leaves each record editable while the review is open, and still refuses taking another person’s ID', async () => {
    const { a, person, second } = await registeredApart();
    const before = await a.admin.call('beneficiaries.get', { id: second });
    const edited = await a.admin.raw('beneficiaries.update', {
      id: second, expectedVersion: before.version, beneficiary: { ...person, phonePrimary: '0559998887', address: 'حي الصفا، شارع ١٢' }, confirmedDistinctFrom: [],
    });
    expect(edited, JSON.stringify(edited)).toMatchObject({ ok: true });
    const someoneElse = beneficiaryInput({ firstName: 'سالم', fatherName: 'ناصر', grandfatherName: 'فهد', familyName: 'القحطاني', phonePrimary: '0567778889' });
    const other = await a.admin.call('beneficiaries.register', { beneficiary: someoneElse });
    const taking = await a.admin.call('beneficiaries.get', { id: other.id });
    const refused = await a.admin.raw('beneficiaries.update', {
      id: other.id, expectedVersion: taking.version, beneficiary: { ...someoneElse, nationalId: person.nationalId }, confirmedDistinctFrom: [],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'DUPLICATE_NATIONAL_ID' } });
  });

  it('merges the two into one person at every desk; the survivor stays editable and both ids resolve to it', async () => {
    const { a, b, person, first, second } = await registeredApart();
    const [review] = (await b.admin.call('sync.reviews', {})).reviews;
    // The reviewer keeps the newer record and takes the older record's address.
    await b.admin.call('sync.resolveReview', { reviewId: review?.id ?? '', decision: 'merge', survivorId: second, aliasFields: ['address'] });
    await b.sync();
    await a.sync();
    await b.sync();
    for (const desk of [a, b]) {
      for (const db of [ho.store.db, desk.runtime.store.db]) {
        const alias = await db.selectFrom('beneficiaries').select('merged_into').where('id', '=', first).executeTakeFirstOrThrow();
        expect(alias.merged_into).toBe(second);
        const survivor = await db.selectFrom('beneficiaries').select(['phone_primary', 'address']).where('id', '=', second).executeTakeFirstOrThrow();
        expect(survivor).toEqual({ phone_primary: '+966559998887', address: 'حي الروضة' });
      }
      expect((await desk.admin.call('beneficiaries.get', { id: first })).id).toBe(second);
      expect((await desk.admin.call('sync.reviews', {})).reviews[0]).toMatchObject({ state: 'merged', survivorId: second });
    }
    // The survivor, though the merged-away record holds the same ID, is edited like any record.
    const survivor = await a.admin.call('beneficiaries.get', { id: second });
    const edited = await a.admin.raw('beneficiaries.update', {
      id: second, expectedVersion: survivor.version, beneficiary: { ...person, phonePrimary: '0559998887', address: 'حي الروضة، شارع ٥' }, confirmedDistinctFrom: [],
    });
    expect(edited, JSON.stringify(edited)).toMatchObject({ ok: true });
    // A new registration of the ID points at the survivor, not the merged-away record.
    const again = await a.admin.raw('beneficiaries.register', { beneficiary: { ...person, phonePrimary: '0551230000' } });
    expect(again).toMatchObject({ ok: false, error: { code: 'DUPLICATE_NATIONAL_ID', details: { existingId: second } } });
  });
});
