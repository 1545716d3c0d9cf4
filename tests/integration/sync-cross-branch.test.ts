import { afterEach, describe, expect, it } from 'vitest';
import { updateTravelling } from '../../src-main/store/row-writer';
import { beneficiaryInput, Caller } from './support/test-runtime';
import { rentCaseData } from './support/interview-fixtures';
import { DIALECTS, firstDesk, startHeadOffice, type Desk, type HeadOfficeHarness } from './support/sync-harness';

/**
 * The same person registered at two branches: head office opens a review item that reaches both
 * branches (each record shared with the other branch); a reviewer merges (one survivor, both ids
 * resolve to it everywhere, the losing values kept in its history) or marks them distinct (never
 * proposed again). The first resolution head office receives is the one every desk ends with.
 */

describe.each(DIALECTS)('cross-branch duplicates on %s', (dialect) => {
  let ho: HeadOfficeHarness;
  const desks: Desk[] = [];
  afterEach(async () => {
    for (const desk of desks.splice(0)) await desk.close();
    await ho.close();
  });

  /** Branch JZN registers a person; branch SBY registers the same citizen (same ID) with another phone. */
  async function sameCitizenAtTwoBranches() {
    ho = await startHeadOffice(dialect);
    const a = await firstDesk(ho, 'JZN');
    const c = await firstDesk(ho, 'SBY');
    desks.push(a, c);
    const person = beneficiaryInput({ phonePrimary: '0551112223', address: 'حي الروضة' });
    const first = await a.admin.call('beneficiaries.register', { beneficiary: person });
    await a.sync();
    const second = await c.admin.call('beneficiaries.register', { beneficiary: { ...person, phonePrimary: '0559998887', address: 'حي الصفا' } });
    await c.sync();
    await a.sync();
    return { a, c, first: first.id, second: second.id };
  }

  it('opens one review item at head office and at both branches, each branch seeing the other’s record', async () => {
    const { a, c, first, second } = await sameCitizenAtTwoBranches();
    const atHeadOffice = await ho.store.db.selectFrom('duplicate_reviews').selectAll().execute();
    expect(atHeadOffice).toEqual([expect.objectContaining({ beneficiary_id: first, other_beneficiary_id: second, reason: 'same_national_id' })]);
    // Nothing was refused: the second branch's record reached head office.
    expect(await c.runtime.store.db.selectFrom('sync_rejections').select('change_id').execute()).toEqual([]);
    for (const desk of [a, c]) {
      const { reviews } = await desk.admin.call('sync.reviews', {});
      expect(reviews).toHaveLength(1);
      expect(reviews[0]).toMatchObject({ state: 'open', reason: 'same_national_id' });
      expect(reviews[0]?.records.map((r) => r.id)).toEqual([first, second]);
    }
    expect((await c.admin.call('beneficiaries.get', { id: first })).id).toBe(first);
    expect((await a.admin.call('beneficiaries.get', { id: second })).id).toBe(second);
    // A receptionist whose scope is her own branch opens and finds the other branch's shared record, and no other.
    await c.admin.call('users.create', { username: 'reception-sby', displayName: 'استقبال', role: 'reception', branchId: c.enrolment.branchId, branchScope: 'own', password: 'first-password-1' });
    const reception = new Caller(c.runtime);
    await reception.call('auth.login', { username: 'reception-sby', password: 'first-password-1' });
    await reception.call('auth.changePassword', { currentPassword: 'first-password-1', newPassword: 'second-password-2' });
    expect((await reception.call('beneficiaries.get', { id: first })).id).toBe(first);
    const found = await reception.call('beneficiaries.search', { query: 'أحمد الحربي', limit: 20 });
    expect(found.items.map((i) => i.id).sort()).toEqual([first, second].sort());
    const review = (await ho.admin('GET', '/admin/reviews')).body as { reviews: Array<{ id: string; state: string }> };
    expect(review.reviews).toEqual([expect.objectContaining({ id: atHeadOffice[0]?.id, state: 'open' })]);
  });

  it('merges into one survivor that both ids resolve to at every desk, keeping both histories and the losing values', async () => {
    const { a, c, first, second } = await sameCitizenAtTwoBranches();
    // The second branch had opened a support request under its own record.
    const interview = await c.admin.call('interviews.start', { beneficiaryId: second });
    await c.admin.call('interviews.recordInquiry', { id: interview.id, questions: 'سؤال', answers: 'جواب' });
    const requestId = (await c.admin.call('interviews.saveCaseData', { id: interview.id, caseData: rentCaseData() })).request?.id;
    const [review] = (await c.admin.call('sync.reviews', {})).reviews;
    // A list: the two records' IDs and phones reach the screen masked; which fields differ is decided unmasked.
    expect(review?.records.map((r) => [r.values.national_id, r.values.phone_primary])).toEqual([
      [expect.stringMatching(/^\d•+\d\d$/), '+9665••••••23'], [expect.stringMatching(/^\d•+\d\d$/), '+9665••••••87'],
    ]);
    expect(review?.differing).toContain('phone_primary');
    expect(review?.differing).not.toContain('national_id');
    // The reviewer at the second branch keeps the first record and takes the newer phone from the second.
    const decided = await c.admin.call('sync.resolveReview', { reviewId: review?.id ?? '', decision: 'merge', survivorId: first, aliasFields: ['phone_primary'] });
    expect(decided.state).toBe('pending');
    await c.sync();
    await a.sync();
    await c.sync();
    for (const db of [ho.store.db, a.runtime.store.db, c.runtime.store.db]) {
      const alias = await db.selectFrom('beneficiaries').select(['merged_into']).where('id', '=', second).executeTakeFirstOrThrow();
      expect(alias.merged_into).toBe(first);
      const survivor = await db.selectFrom('beneficiaries').select(['phone_primary', 'address']).where('id', '=', first).executeTakeFirstOrThrow();
      expect(survivor).toEqual({ phone_primary: '+966559998887', address: 'حي الروضة' });
    }
    for (const desk of [a, c]) {
      expect((await desk.admin.call('beneficiaries.get', { id: second })).id).toBe(first);
      expect((await desk.admin.call('sync.reviews', {})).reviews[0]).toMatchObject({ state: 'merged', survivorId: first });
      const { changes } = await desk.admin.call('beneficiaries.history', { id: second });
      // The phone the survivor had, and the address the alias had, stay in the history as superseded values.
      // (Phones show masked in the history unless revealed, and in the conflicts list below.)
      expect(changes).toContainEqual(expect.objectContaining({ field: 'phone_primary', oldValue: '+9665••••••23', newValue: '+9665••••••87', superseded: true }));
      expect(changes).toContainEqual(expect.objectContaining({ field: 'address', oldValue: 'حي الصفا', newValue: 'حي الروضة', superseded: true }));
      const timeline = await desk.admin.call('timeline.forBeneficiary', { beneficiaryId: second, limit: 50 });
      expect(timeline.events.length).toBeGreaterThan(0);
      const found = await desk.admin.call('beneficiaries.search', { query: 'أحمد الحربي', limit: 20 });
      expect(found.items.map((i) => i.id)).not.toContain(second);
    }
    // Either id lists that request under the merged person.
    for (const id of [first, second]) expect((await c.admin.call('requests.list', { beneficiaryId: id })).items.map((r) => r.id)).toContain(requestId);
    const conflicts = await a.admin.call('sync.conflicts', {});
    expect(conflicts.conflicts.map((x) => x.field).sort()).toEqual(['address', 'phone_primary']);
    expect(conflicts.conflicts.find((x) => x.field === 'phone_primary')).toMatchObject({ losingValue: '+9665••••••23', winningValue: '+9665••••••87', currentValue: '+9665••••••87', losingIsCurrent: false });
    // The values a merge replaced name the reviewer who decided it, where that reviewer is known (their own branch).
    expect((await c.admin.call('sync.conflicts', {})).conflicts.map((x) => x.losingBy)).toEqual(['مدير الفرع', 'مدير الفرع']);
  });

  it('marks two records distinct: not proposed again when either is edited later', async () => {
    const { a, c, second } = await sameCitizenAtTwoBranches();
    const [review] = (await a.admin.call('sync.reviews', {})).reviews;
    await a.admin.call('sync.resolveReview', { reviewId: review?.id ?? '', decision: 'distinct', survivorId: null, aliasFields: [] });
    await a.sync();
    // A later edit of a matching field at the second branch is checked again, and finds only the decided pair.
    await c.runtime.store.db.transaction().execute(async (tx) => {
      const before = await tx.selectFrom('beneficiaries').selectAll().where('id', '=', second).executeTakeFirstOrThrow();
      await updateTravelling(tx, 'beneficiaries', before, { phone_primary: '+966551112223', notes: 'زار الفرع' }, { hlc: c.runtime.clock.next(), now: new Date().toISOString(), userId: null }, { history: true });
    });
    await c.sync();
    await a.sync();
    expect(await ho.store.db.selectFrom('duplicate_reviews').select('id').execute()).toHaveLength(1);
    for (const desk of [a, c]) expect((await desk.admin.call('sync.reviews', {})).reviews.map((r) => r.state)).toEqual(['distinct']);
  });

  it('keeps the first resolution head office receives when both branches decide at once', async () => {
    const { a, c, first, second } = await sameCitizenAtTwoBranches();
    const reviewId = (await a.admin.call('sync.reviews', {})).reviews[0]?.id ?? '';
    await a.admin.call('sync.resolveReview', { reviewId, decision: 'distinct', survivorId: null, aliasFields: [] });
    await c.admin.call('sync.resolveReview', { reviewId, decision: 'merge', survivorId: second, aliasFields: [] });
    await a.sync();
    await c.sync();
    await a.sync();
    for (const desk of [a, c]) expect((await desk.admin.call('sync.reviews', {})).reviews[0]?.state).toBe('distinct');
    const parked = await c.runtime.store.db.selectFrom('sync_rejections').select(['table_name', 'reason']).execute();
    expect(parked).toEqual([{ table_name: 'duplicate_resolutions', reason: 'already_resolved' }]);
    for (const db of [ho.store.db, a.runtime.store.db, c.runtime.store.db]) {
      const rows = await db.selectFrom('beneficiaries').select('merged_into').where('id', 'in', [first, second]).execute();
      expect(rows.every((r) => r.merged_into === null)).toBe(true);
    }
    // A decided review cannot be decided again here.
    const again = await a.admin.raw('sync.resolveReview', { reviewId, decision: 'merge', survivorId: first, aliasFields: [] });
    expect(again).toMatchObject({ ok: false, error: { messageKey: 'error.reviewAlreadyResolved' } });
  });
  it('lets a reviewer at head office merge from the admin page, and both branches follow', async () => {
    const { a, c, first, second } = await sameCitizenAtTwoBranches();
    const [review] = ((await ho.admin('GET', '/admin/reviews')).body as { reviews: Array<{ id: string }> }).reviews;
    expect((await ho.admin('POST', `/admin/reviews/${review?.id}/resolve`, { decision: 'merge', survivorId: second, aliasFields: [] })).status).toBe(200);
    expect((await ho.admin('POST', `/admin/reviews/${review?.id}/resolve`, { decision: 'distinct' })).status).toBe(409);
    await a.sync();
    await c.sync();
    for (const desk of [a, c]) {
      expect((await desk.admin.call('sync.reviews', {})).reviews[0]).toMatchObject({ state: 'merged', survivorId: second });
      expect((await desk.admin.call('beneficiaries.get', { id: first })).id).toBe(second);
    }
  });
});
