import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nationalIdTranspositions } from '../../src-shared/domain/national-id';
import { beneficiaryInput, nextNationalId, setUpStore, type TestStore } from './support/test-runtime';

let s: TestStore;
beforeEach(async () => {
  s = await setUpStore();
});
afterEach(async () => {
  await s.close();
});

const names = async (query: string) => (await s.admin.call('beneficiaries.search', { query })).items.map((i) => i.fullName);

describe('registry: search as you type', () => {
  it('finds a person by any part of the name, in any order, whatever the spelling variant', async () => {
    await s.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput({ firstName: 'أحمد', fatherName: 'عبد الله', grandfatherName: 'محمد', familyName: 'الحربي' }) });
    await s.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput({ firstName: 'فاطمة', fatherName: 'علي', grandfatherName: 'حسن', familyName: 'المالكي', gender: 'female', phonePrimary: '0509876543' }) });
    for (const query of ['احمد', 'أحمد', 'عبدالله', 'عبد الله', 'عبد ال', 'حربي', 'الحربي', 'الحربي احمد', 'مُحَمَّد', 'احم عبد']) {
      expect(await names(query), query).toEqual(['أحمد عبد الله محمد الحربي']);
    }
    expect(await names('فاطمه')).toEqual(['فاطمة علي حسن المالكي']);
    expect(await names('احمد المالكي')).toEqual([]);
  });

  it('finds a person by ID prefix and by the phone as a receptionist types it', async () => {
    const nationalId = nextNationalId();
    await s.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput({ nationalId, phonePrimary: '+966 55 123 4567' }) });
    for (const query of [nationalId, nationalId.slice(0, 6), '0551234567', '055 123 4567', '٠٥٥١٢٣٤٥٦٧', '551234', '+9665512']) {
      expect(await names(query), query).toHaveLength(1);
    }
    expect(await names('0559999999')).toEqual([]);
  });
});

describe('registry: duplicates', () => {
  it('refuses a second record with the same national ID', async () => {
    const nationalId = nextNationalId();
    await s.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput({ nationalId }) });
    const again = await s.admin.raw('beneficiaries.register', { beneficiary: beneficiaryInput({ nationalId, firstName: 'سالم', phonePrimary: '0533333333' }), confirmedDistinctFrom: [] });
    expect(again).toMatchObject({ ok: false, error: { code: 'DUPLICATE_NATIONAL_ID' } });
    if (!again.ok) expect(again.error.fields?.['beneficiary.nationalId']?.message.ar).toContain('مسجّل مسبقاً');
  });

  it('holds a likely duplicate until the receptionist decides, then records the decision', async () => {
    const first = await s.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput() });
    const draft = beneficiaryInput({ firstName: 'احمد', fatherName: 'عبد الله', phonePrimary: '0551234567' });
    const { candidates } = await s.admin.call('beneficiaries.checkDuplicates', { beneficiary: draft });
    expect(candidates).toHaveLength(1);
    expect(candidates[0]).toMatchObject({ id: first.id, kind: 'duplicate', inScope: true });
    expect(candidates[0]!.reasons).toEqual(expect.arrayContaining(['same_name', 'same_phone']));

    const held = await s.admin.raw('beneficiaries.register', { beneficiary: draft });
    expect(held).toMatchObject({ ok: false, error: { code: 'DUPLICATE_REVIEW_REQUIRED' } });
    const saved = await s.admin.call('beneficiaries.register', { beneficiary: draft, confirmedDistinctFrom: [first.id] });
    const audit = s.runtime.store.sqlite.prepare("SELECT detail FROM audit_log WHERE action = 'beneficiaries.register' AND entity_id = ?").get(saved.id) as { detail: string };
    expect(JSON.parse(audit.detail)).toMatchObject({ confirmedDistinctFrom: [first.id] });

    await s.admin.call('beneficiaries.resolveDuplicate', { candidateId: first.id, decision: 'same_person' });
    const decision = s.runtime.store.sqlite.prepare("SELECT detail FROM audit_log WHERE action = 'beneficiaries.resolveDuplicate'").get() as { detail: string };
    expect(JSON.parse(decision.detail)).toMatchObject({ decision: 'same_person' });
  });

  it('flags an ID one transposition away and a sibling as a relative, not a duplicate', async () => {
    const nationalId = nextNationalId();
    const first = await s.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput({ nationalId }) });
    const slip = nationalIdTranspositions(nationalId).find((id) => /^1/.test(id));
    if (slip) {
      const { candidates } = await s.admin.call('beneficiaries.checkDuplicates', {
        beneficiary: beneficiaryInput({ nationalId: slip, idType: 'national_id', phonePrimary: '0500000001' }),
      }).catch(() => ({ candidates: [] as { reasons: string[] }[] }));
      // A transposed ID usually fails its own check digit; when it passes, the pair is reported.
      if (candidates.length) expect(candidates[0]!.reasons).toContain('national_id_transposition');
    }
    const { candidates } = await s.admin.call('beneficiaries.checkDuplicates', {
      beneficiary: beneficiaryInput({ firstName: 'خالد', phonePrimary: '0500000002' }),
    });
    expect(candidates).toEqual([expect.objectContaining({ id: first.id, kind: 'relative', reasons: expect.arrayContaining(['relative_same_lineage']) })]);
    // A relative does not hold the save.
    expect(await s.admin.raw('beneficiaries.register', { beneficiary: beneficiaryInput({ firstName: 'خالد', phonePrimary: '0500000002' }) })).toMatchObject({ ok: true });
  });
});

describe('registry: profile, edit and history', () => {
  it('audits every view of a profile', async () => {
    const { id } = await s.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput() });
    await s.admin.call('beneficiaries.get', { id });
    await s.admin.call('beneficiaries.get', { id });
    const views = s.runtime.store.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'beneficiaries.get' AND entity_id = ?").get(id) as { n: number };
    expect(views.n).toBe(2);
  });

  it('records old and new values of each edited field and refuses a stale edit', async () => {
    const { id } = await s.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput({ city: 'صبيا' }) });
    // The edit form reads the record in clear (an audited reveal); the profile would show it masked.
    const profile = await s.admin.call('beneficiaries.getForEdit', { id });
    const edited = await s.admin.call('beneficiaries.update', {
      id,
      expectedVersion: profile.version,
      beneficiary: { ...beneficiaryInput({ nationalId: profile.nationalId, city: 'أبو عريش', phonePrimary: '0561231234' }) },
    });
    expect(edited.city).toBe('أبو عريش');
    const { changes } = await s.admin.call('beneficiaries.history', { id });
    expect(changes).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: 'city', oldValue: 'صبيا', newValue: 'أبو عريش', changedByName: 'مدير النظام' }),
      // The admin's profile policy is masked, and the history follows it.
      expect.objectContaining({ field: 'phone_primary', oldValue: '+9665••••••67', newValue: '+9665••••••34' }),
    ]));
    expect(changes.map((c) => c.field)).not.toContain('name_key');

    const stale = await s.admin.raw('beneficiaries.update', { id, expectedVersion: profile.version, beneficiary: beneficiaryInput({ nationalId: profile.nationalId }) });
    expect(stale).toMatchObject({ ok: false, error: { code: 'STALE_VERSION' } });
  });

  it('adds, edits and removes household members, prisoner flag included', async () => {
    const { id } = await s.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput() });
    const member = await s.admin.call('household.add', { beneficiaryId: id, member: { fullName: 'عبدالله محمد الحربي', relation: 'father', gender: 'male', isPrisoner: true } });
    expect(member.isPrisoner).toBe(true);
    const updated = await s.admin.call('household.update', { id: member.id, expectedVersion: member.version, member: { fullName: 'عبدالله محمد الحربي', relation: 'father', gender: 'male', isPrisoner: false } });
    expect(updated.isPrisoner).toBe(false);
    await s.admin.call('household.remove', { id: member.id });
    expect((await s.admin.call('beneficiaries.get', { id })).household).toEqual([]);
  });
});
