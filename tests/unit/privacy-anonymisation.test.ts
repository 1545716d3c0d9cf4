import { describe, expect, it } from 'vitest';
import { ANONYMISATION, ANONYMISED_JSON, ANONYMISED_TEXT, anonymisedColumns, isPersonalColumn } from '../../src-shared/domain/anonymisation';

const person = {
  id: '0190a8c2-0000-7000-8000-000000000001',
  branch_id: 'b',
  first_name: 'خالد', father_name: 'سلمان', grandfather_name: 'ناصر', family_name: 'القحطاني', latin_name: 'Khalid',
  id_type: 'national_id', national_id: '1000000008', nationality: 'SA', gender: 'male', birth_date: '1985-04-12',
  phone_primary: '+966551234567', phone_secondary: null, governorate: 'جازان', city: 'صبيا', address: 'حي الروضة', notes: 'يعمل باليومية',
  name_key: 'خالد سلمان ناصر قحطاني', phonetic_key: 'خلد', lineage_key: 'سلمان ناصر قحطاني', created_at: '2020-01-01T00:00:00Z',
};

describe('anonymisation field mapping', () => {
  it('replaces every name, number, address and note of a beneficiary and keeps what figures need', () => {
    const set = anonymisedColumns('beneficiaries', person);
    expect(set).toMatchObject({
      first_name: ANONYMISED_TEXT, father_name: ANONYMISED_TEXT, grandfather_name: ANONYMISED_TEXT, family_name: ANONYMISED_TEXT,
      latin_name: null, id_type: 'none', national_id: null, phone_primary: null, city: null, address: null, notes: null,
      birth_date: '1985-01-01',
    });
    // Unchanged values are not rewritten; what reports count stays.
    expect(set).not.toHaveProperty('phone_secondary');
    for (const kept of ['gender', 'nationality', 'governorate', 'created_at', 'branch_id']) expect(set).not.toHaveProperty(kept);
  });

  it('gives each record duplicate keys that match nobody and carry nothing of the name', () => {
    const a = anonymisedColumns('beneficiaries', person);
    const b = anonymisedColumns('beneficiaries', { ...person, id: '0190a8c2-0000-7000-8000-000000000002' });
    expect(a.name_key).not.toBe(b.name_key);
    for (const key of ['name_key', 'phonetic_key', 'lineage_key']) expect(String(a[key])).not.toMatch(/خالد|سلمان|قحطاني|خلد/);
  });

  it('keeps the amounts and dates of statutory records while removing their free text', () => {
    const report = { id: 'r', branch_id: 'b', needs: 'سداد الإيجار', narrative: 'زار الباحث الأسرة', monthly_income: 1200, monthly_expenses: 2600, visit_date: '2026-03-02' };
    expect(anonymisedColumns('research_reports', report)).toEqual({ needs: ANONYMISED_TEXT, narrative: ANONYMISED_TEXT });
    const delivery = { id: 'd', branch_id: 'b', signer_name: 'خالد', amount: 1000, delivered_at: '2026-03-04T00:00:00Z' };
    expect(anonymisedColumns('deliveries', delivery)).toEqual({ signer_name: ANONYMISED_TEXT });
    expect(anonymisedColumns('signed_forms', { id: 'f', branch_id: 'b', data_json: '{"person":"خالد"}', data_hash: 'h' })).toEqual({ data_json: ANONYMISED_JSON });
  });

  it('is idempotent: an anonymised row has nothing left to change', () => {
    const once = { ...person, ...anonymisedColumns('beneficiaries', person) };
    expect(anonymisedColumns('beneficiaries', once)).toEqual({});
  });

  it('never derives a placeholder from the old value', () => {
    const values = Object.values(anonymisedColumns('beneficiaries', person)).filter((v): v is string => typeof v === 'string');
    for (const original of ['خالد', 'القحطاني', '1000000008', '551234567', 'الروضة', 'Khalid']) {
      for (const value of values) expect(value).not.toContain(original);
    }
  });

  it('names the personal columns of every planned table and refuses a table without a plan', () => {
    expect(isPersonalColumn('contacts', 'caller_phone')).toBe(true);
    expect(isPersonalColumn('deliveries', 'amount')).toBe(false);
    expect(Object.keys(ANONYMISATION)).toContain('household_members');
    expect(() => anonymisedColumns('tickets', { id: 't' })).toThrow(/No anonymisation plan/);
  });
});
