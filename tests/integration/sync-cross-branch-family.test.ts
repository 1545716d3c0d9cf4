import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { beneficiaryKeys } from '../../src-main/store/beneficiary-keys';
import { insertTravelling } from '../../src-main/store/row-writer';
import { beneficiaryInput } from './support/test-runtime';
import { DIALECTS, firstDesk, startHeadOffice, type Desk, type HeadOfficeHarness } from './support/sync-harness';

/**
 * Head office's cross-branch check looks for the other branches' records of a person only: a large
 * family at the person's own branch (one shared phone, one lineage) must not crowd the other
 * branch's record of the same citizen out of the candidates it scores.
 */

const FAMILY_SIZE = 60;

describe.each(DIALECTS)('cross-branch check beside a large family on %s', (dialect) => {
  let ho: HeadOfficeHarness;
  const desks: Desk[] = [];
  afterEach(async () => {
    for (const desk of desks.splice(0)) await desk.close();
    await ho.close();
  });

  /** A row of the desk's branch written as the registry would (stamped, logged), without its duplicate prompt. */
  async function writePerson(desk: Desk, template: Record<string, string | number | null>, firstName: string, nationalId: string | null) {
    const id = uuidv7();
    const names = { firstName, fatherName: String(template.father_name), grandfatherName: String(template.grandfather_name), familyName: String(template.family_name) };
    const stamp = { hlc: desk.runtime.clock.next(), now: new Date().toISOString(), userId: null };
    await insertTravelling(desk.runtime.store.db, 'beneficiaries', {
      ...template, id, branch_id: desk.enrolment.branchId, first_name: firstName, national_id: nationalId, id_type: nationalId ? 'national_id' : 'none', ...beneficiaryKeys(names),
    }, stamp);
    return id;
  }

  it('finds the other branch’s record of the citizen although sixty relatives at his own branch share his phone', async () => {
    ho = await startHeadOffice(dialect);
    const jazan = await firstDesk(ho, 'JZN');
    const sabya = await firstDesk(ho, 'SBY');
    desks.push(jazan, sabya);
    const person = beneficiaryInput({ phonePrimary: '0551112223' });
    // Sabya's family is on file first (older ids than anything Jazan writes next).
    const registered = await sabya.admin.call('beneficiaries.register', { beneficiary: { ...person, firstName: 'سعد', nationalId: null, idType: 'none' } });
    const template = await sabya.runtime.store.db.selectFrom('beneficiaries').selectAll().where('id', '=', registered.id).executeTakeFirstOrThrow();
    const { created_at: _c, updated_at: _u, hlc: _h, merged_into: _m, ...fields } = template;
    for (let i = 0; i < FAMILY_SIZE; i += 1) await writePerson(sabya, fields, `سعد ${'ب'.repeat(i + 1)}`, null);

    const atJazan = await jazan.admin.call('beneficiaries.register', { beneficiary: person });
    await jazan.sync();
    // The same citizen (same ID) registered at Sabya, after his family.
    const atSabya = await writePerson(sabya, fields, person.firstName, person.nationalId);
    await sabya.sync();

    const reviews = await ho.store.db.selectFrom('duplicate_reviews').select(['beneficiary_id', 'other_beneficiary_id', 'reason']).execute();
    expect(reviews).toEqual([{ beneficiary_id: atJazan.id, other_beneficiary_id: atSabya, reason: 'same_national_id' }]);
  });
});
