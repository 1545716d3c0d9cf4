import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mayHaveTwin } from '../../src-main/headoffice/duplicate-prefilter';
import { beneficiaryInput } from './support/test-runtime';
import { firstDesk, startHeadOffice, type Desk, type HeadOfficeHarness } from './support/sync-harness';

describe('head office looks for cross-branch twins only among rows sharing a key with another branch', () => {
  let ho: HeadOfficeHarness;
  const desks: Desk[] = [];
  beforeEach(async () => { ho = await startHeadOffice('sqlite'); });
  afterEach(async () => {
    for (const desk of desks.splice(0)) await desk.close();
    await ho.close();
  });

  it('keeps rows sharing a phone, an ID or a name key with another branch, and skips the rest', async () => {
    const jzn = await firstDesk(ho, 'JZN');
    const sby = await firstDesk(ho, 'SBY');
    desks.push(jzn, sby);
    await jzn.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput({ firstName: 'ناصر', familyName: 'الشهري', phonePrimary: '0551112233', birthDate: '1970-01-01' }) });
    await jzn.sync();
    const samePhone = await sby.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput({ firstName: 'فهد', familyName: 'العتيبي', phonePrimary: '0551112233', birthDate: '1999-09-09' }) });
    const sameName = await sby.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput({ firstName: 'ناصر', familyName: 'الشهري', phonePrimary: '0560000001', birthDate: '1971-02-02' }) });
    const unrelated = await sby.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput({ firstName: 'زياد', fatherName: 'مسفر', grandfatherName: 'عايض', familyName: 'القرني', phonePrimary: '0579998877', birthDate: '2001-03-03' }) });
    await sby.sync();
    const ids = [samePhone.id, unrelated.id, sameName.id];
    const worth = await ho.store.db.transaction().execute((tx) => mayHaveTwin(tx, ids));
    expect(worth.has(samePhone.id)).toBe(true);
    expect(worth.has(unrelated.id)).toBe(false);
    expect(worth.has(sameName.id)).toBe(true);
  });
});
