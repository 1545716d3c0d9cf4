import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { beneficiaryInput, nextNationalId, setUpStore, userOf, type Caller, type TestStore } from './support/test-runtime';

let s: TestStore;
let hq: string;
let reception: Caller;
beforeEach(async () => {
  s = await setUpStore();
  hq = (await s.admin.call('auth.me', {})).user!.branchId;
  reception = await userOf(s, 'reception', hq, 'desk1');
});
afterEach(async () => {
  await s.close();
});

const auditRows = (action: string) =>
  s.runtime.store.sqlite.prepare('SELECT user_id, entity, entity_id, detail FROM audit_log WHERE action = ? ORDER BY seq').all(action) as {
    user_id: string; entity: string; entity_id: string; detail: string;
  }[];

async function registerAhmad(nationalId = nextNationalId(), others: Parameters<typeof beneficiaryInput>[0] = {}) {
  const { id } = await reception.call('beneficiaries.register', {
    beneficiary: beneficiaryInput({ nationalId, phonePrimary: '0551234512', phoneSecondary: '0569876543', ...others }),
    household: [{ fullName: 'سارة أحمد الحربي', relation: 'daughter', idType: 'national_id', nationalId: '1000000008', gender: 'female', isPrisoner: false }],
  });
  return { id, nationalId };
}

describe('masking: lists and search never carry a clear ID or phone', () => {
  it('masks the ID and the phone in search results for every role, yet finds by the clear value', async () => {
    const { nationalId } = await registerAhmad();
    const researcher = await userOf(s, 'researcher', hq, 'res1');
    for (const caller of [reception, researcher, s.admin]) {
      const { items } = await caller.call('beneficiaries.search', { query: nationalId });
      expect(items).toHaveLength(1);
      expect(items[0]!.nationalId).toBe(`${nationalId[0]}•••••••${nationalId.slice(-2)}`);
      expect(items[0]!.phonePrimary).toBe('+9665••••••12');
      expect(JSON.stringify(items)).not.toContain(nationalId);
    }
    expect((await reception.call('beneficiaries.search', { query: '0551234512' })).items).toHaveLength(1);
  });

  it('still warns of a duplicate on registration, comparing in the service and showing masked values', async () => {
    const { id, nationalId } = await registerAhmad();
    const draft = beneficiaryInput({ nationalId: nextNationalId(), phonePrimary: '0551234512' });
    const { candidates } = await reception.call('beneficiaries.checkDuplicates', { beneficiary: draft });
    expect(candidates.map((c) => c.id)).toEqual([id]);
    expect(candidates[0]!.nationalId).toBe(`${nationalId[0]}•••••••${nationalId.slice(-2)}`);
    expect(candidates[0]!.phonePrimary).toBe('+9665••••••12');
    const held = await reception.raw('beneficiaries.register', { beneficiary: draft });
    expect(held).toMatchObject({ ok: false, error: { code: 'DUPLICATE_REVIEW_REQUIRED' } });
    expect(JSON.stringify(held)).not.toContain(nationalId);
    expect(await reception.raw('beneficiaries.register', { beneficiary: beneficiaryInput({ nationalId }) })).toMatchObject({ ok: false, error: { code: 'DUPLICATE_NATIONAL_ID' } });
  });

  it('shows the profile as the role policy says: masked for reception, clear for the researcher', async () => {
    const { id, nationalId } = await registerAhmad();
    const researcher = await userOf(s, 'researcher', hq, 'res1');
    const masked = await reception.call('beneficiaries.get', { id });
    expect(masked).toMatchObject({ nationalId: `${nationalId[0]}•••••••${nationalId.slice(-2)}`, phonePrimary: '+9665••••••12', phoneSecondary: '+9665••••••43', nationalIdValid: true });
    expect(masked.household[0]!.nationalId).toBe('1•••••••08');
    const clear = await researcher.call('beneficiaries.get', { id });
    expect(clear).toMatchObject({ nationalId, phonePrimary: '+966551234512', phoneSecondary: '+966569876543' });
    expect(clear.household[0]!.nationalId).toBe('1000000008');
  });

  it('masks old and new IDs in the field history for a role whose profile is masked', async () => {
    const { id } = await registerAhmad();
    const editable = await reception.call('beneficiaries.getForEdit', { id });
    const newId = nextNationalId();
    await reception.call('beneficiaries.update', { id, expectedVersion: editable.version, beneficiary: { ...beneficiaryInput(), nationalId: newId, phonePrimary: '0551234512' } });
    const { changes } = await reception.call('beneficiaries.history', { id });
    const change = changes.find((c) => c.field === 'national_id')!;
    expect(change.newValue).toBe(`${newId[0]}•••••••${newId.slice(-2)}`);
    expect(JSON.stringify(changes)).not.toContain(newId);
  });
});

describe('reveal: one field, on demand, audited', () => {
  it('returns the clear value and records who revealed which field of whom, never the value', async () => {
    const { id, nationalId } = await registerAhmad();
    expect(await reception.call('beneficiaries.reveal', { id, field: 'nationalId' })).toEqual({ value: nationalId });
    expect(await reception.call('beneficiaries.reveal', { id, field: 'phoneSecondary' })).toEqual({ value: '+966569876543' });
    const profile = await reception.call('beneficiaries.get', { id });
    const member = profile.household[0]!;
    expect(await reception.call('beneficiaries.reveal', { id, field: 'householdNationalId', memberId: member.id })).toEqual({ value: '1000000008' });
    const rows = auditRows('beneficiaries.reveal');
    expect(rows.map((r) => JSON.parse(r.detail))).toEqual([{ field: 'nationalId' }, { field: 'phoneSecondary' }, { field: 'householdNationalId', memberId: member.id }]);
    expect(rows.every((r) => r.entity === 'beneficiary' && r.entity_id === id)).toBe(true);
    const log = JSON.stringify(s.runtime.store.sqlite.prepare('SELECT * FROM audit_log').all());
    expect(log).not.toContain(nationalId);
    expect(log).not.toContain('569876543');
  });

  it('refuses a reveal outside the branch scope and for a role that may not reveal, and audits nothing', async () => {
    const { id } = await registerAhmad();
    const other = await s.admin.call('branches.create', { code: 'SBY', nameAr: 'مكتب صبيا' });
    const outsider = await userOf(s, 'reception', other.id, 'desk2');
    const committee = await userOf(s, 'committee', hq, 'comm1');
    expect(await outsider.raw('beneficiaries.reveal', { id, field: 'nationalId' })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } });
    expect(await committee.raw('beneficiaries.reveal', { id, field: 'nationalId' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await outsider.raw('beneficiaries.getForEdit', { id })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } });
    expect(await reception.raw('beneficiaries.reveal', { id, field: 'householdNationalId' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(auditRows('beneficiaries.reveal')).toEqual([]);
  });

  it('refuses a household member of another beneficiary', async () => {
    const a = await registerAhmad();
    const b = await registerAhmad(nextNationalId(), { firstName: 'خالد', familyName: 'الزهراني', phonePrimary: '0533334444', phoneSecondary: null, birthDate: '1970-01-01' });
    const memberOfB = (await reception.call('beneficiaries.get', { id: b.id })).household[0]!;
    expect(await reception.raw('beneficiaries.reveal', { id: a.id, field: 'householdNationalId', memberId: memberOfB.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('opens the record in clear for editing and audits it as a reveal of the masked fields', async () => {
    const { id, nationalId } = await registerAhmad();
    const editable = await reception.call('beneficiaries.getForEdit', { id });
    expect(editable.nationalId).toBe(nationalId);
    expect(editable.household[0]!.nationalId).toBe('1000000008');
    expect(JSON.parse(auditRows('beneficiaries.getForEdit')[0]!.detail)).toEqual({ fields: ['nationalId', 'phonePrimary', 'phoneSecondary', 'householdNationalId'] });
  });
});
