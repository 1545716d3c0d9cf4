import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beneficiaryInput, setUpStoreAt, userOf, type Caller, type TestClock, type TestStore } from './support/test-runtime';
import { REPORT, submittedRequest } from './support/committee-fixtures';
import { b64, signaturePng } from './support/interview-fixtures';

let s: TestStore & { clock: TestClock };
let desk: Caller;
let committee: Caller;
let request = { requestId: '', beneficiaryId: '' };

beforeAll(async () => {
  s = await setUpStoreAt(new Date('2026-03-01T07:00:00Z'));
  const hq = (await s.admin.call('branches.list', {})).branches[0]!.id;
  desk = await userOf(s, 'reception', hq, 'desk1');
  const researcher = await userOf(s, 'researcher', hq, 'researcher1');
  committee = await userOf(s, 'committee', hq, 'committee1');
  request = await submittedRequest(desk);
  await researcher.call('committee.writeReport', { requestId: request.requestId, report: REPORT });
  await committee.call('committee.decide', { requestId: request.requestId, decision: { outcome: 'accepted', amount: 700, schedule: 'monthly', installments: 3 } });
});
afterAll(async () => s.close());

function deliver() {
  return desk.call('delivery.record', { requestId: request.requestId, amount: 700, items: [{ description: 'دفعة شهرية' }], place: 'المقر', signerName: 'المستفيد', signaturePngBase64: b64(signaturePng(true)) });
}

describe('delivery acknowledgements', () => {
  it('gives each instalment its own acknowledgement: the second does not supersede the first', async () => {
    await deliver();
    s.clock.advanceDays(30);
    await desk.call('auth.login', { username: 'desk1', password: 'second-password-2' });
    await committee.call('auth.login', { username: 'committee1', password: 'second-password-2' });
    const view = await deliver();
    const formIds = view.deliveries.map((d) => d.formId);
    expect(new Set(formIds).size).toBe(2);
    const rows = s.runtime.store.sqlite
      .prepare("SELECT f.id, f.delivery_id, f.supersedes_id, d.id AS delivery FROM signed_forms f JOIN deliveries d ON d.form_id = f.id WHERE f.kind = 'delivery_acknowledgement' ORDER BY f.issued_at")
      .all() as Array<{ id: string; delivery_id: string; supersedes_id: string | null; delivery: string }>;
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.delivery_id).toBe(row.delivery);
      expect(row.supersedes_id).toBeNull();
    }
    const { items } = await desk.call('forms.list', { beneficiaryId: request.beneficiaryId });
    expect(items.filter((f) => f.kind === 'delivery_acknowledgement').map((f) => f.status)).toEqual(['current', 'current']);
  });
});

describe('preferred channel', () => {
  it('is kept on the beneficiary, shown on the profile and offered for the decision contact', async () => {
    const before = await committee.call('committee.case', { requestId: request.requestId });
    expect(before.preferredChannel).toBe('phone');
    const profile = await desk.call('beneficiaries.get', { id: request.beneficiaryId });
    expect(profile.preferredChannel).toBeNull();
    await desk.call('beneficiaries.update', {
      id: profile.id,
      expectedVersion: profile.version,
      beneficiary: beneficiaryInput({ firstName: profile.firstName, fatherName: profile.fatherName, grandfatherName: profile.grandfatherName, familyName: profile.familyName, idType: 'none', nationalId: null, phonePrimary: '0553000001', preferredChannel: 'letters' }),
    });
    expect((await desk.call('beneficiaries.get', { id: profile.id })).preferredChannel).toBe('letters');
    expect((await committee.call('committee.case', { requestId: request.requestId })).preferredChannel).toBe('letters');
    const wrong = await desk.raw('beneficiaries.update', { id: profile.id, expectedVersion: profile.version, beneficiary: { ...beneficiaryInput(), preferredChannel: 'carrier_pigeon' } });
    expect(wrong.ok).toBe(false);
  });
});
