import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beneficiaryInput, setUpStore, userOf, type Caller, type TestStore } from './support/test-runtime';
import { distinctName, rentCaseData } from './support/interview-fixtures';

let s: TestStore;
let desk: Caller;
let otherDesk: Caller;

beforeAll(async () => {
  s = await setUpStore();
  const { branches } = await s.admin.call('branches.list', {});
  const other = await s.admin.call('branches.create', { code: 'SAB', nameAr: 'مكتب صبيا', city: 'صبيا' });
  desk = await userOf(s, 'reception', branches[0]!.id, 'desk1');
  otherDesk = await userOf(s, 'reception', other.id, 'desk2');
});
afterAll(async () => s.close());

describe('support request types, configured as data', () => {
  it('seeds the nine types of the policy with Arabic names', async () => {
    const { types } = await desk.call('requests.types', {});
    expect(types.map((t) => t.code)).toEqual([
      'financial_aid', 'food_basket', 'rent', 'school_needs', 'medical', 'visit_transport', 'legal_guidance', 'training_employment', 'other',
    ]);
    expect(types.find((t) => t.code === 'food_basket')?.nameAr).toBe('سلة غذائية');
  });

  it('asks every type for the identity, the family register and the prison certificate', async () => {
    const { types } = await desk.call('requests.types', {});
    for (const type of types) {
      const required = type.documents.filter((d) => d.required).map((d) => d.code);
      expect(required).toEqual(expect.arrayContaining(['identity_copy', 'family_register', 'prison_certificate']));
    }
  });

  it('asks the rent type for a lease contract and keeps the IBAN optional', async () => {
    const { types } = await desk.call('requests.types', {});
    const rent = types.find((t) => t.code === 'rent')!;
    expect(rent.documents.find((d) => d.code === 'lease_contract')?.required).toBe(true);
    expect(rent.documents.find((d) => d.code === 'bank_iban')?.required).toBe(false);
  });
});

describe('support requests by branch', () => {
  it('lists a branch’s requests and keeps other branches out', async () => {
    const { id: beneficiaryId } = await desk.call('beneficiaries.register', { beneficiary: beneficiaryInput(distinctName()), household: [], confirmedDistinctFrom: [] });
    const interview = await desk.call('interviews.start', { beneficiaryId });
    await desk.call('interviews.recordInquiry', { id: interview.id, questions: 'سؤال', answers: 'جواب' });
    const view = await desk.call('interviews.saveCaseData', { id: interview.id, caseData: rentCaseData() });
    const requestId = view.request!.id;

    expect((await desk.call('requests.list', { states: ['draft'] })).items.map((r) => r.id)).toContain(requestId);
    expect((await otherDesk.call('requests.list', {})).items).toHaveLength(0);
    const refused = await otherDesk.raw('requests.get', { id: requestId });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('OUT_OF_SCOPE');
    const interviewRefused = await otherDesk.raw('interviews.get', { id: interview.id });
    expect(interviewRefused.ok).toBe(false);
  });

  it('stores the case data in its own columns, not as a blob', async () => {
    const row = s.runtime.store.sqlite
      .prepare("SELECT prisoner_relation, prison_name, case_status, expected_release_date, monthly_income, income_sources, housing_type, monthly_rent FROM support_requests LIMIT 1")
      .get() as Record<string, unknown>;
    expect(row).toMatchObject({ prisoner_relation: 'husband', prison_name: 'سجن جازان العام', case_status: 'sentenced', monthly_income: 1200, income_sources: 'social_security', housing_type: 'rented', monthly_rent: 1500 });
    // 1448/03/15 typed at the desk, stored as the Gregorian ISO day.
    expect(row.expected_release_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('refuses a rented home without its rent, naming the field', async () => {
    const interview = await desk.call('interviews.start', {});
    await desk.call('interviews.recordInquiry', { id: interview.id, questions: 'سؤال', answers: 'جواب' });
    const result = await desk.raw('interviews.saveCaseData', { id: interview.id, caseData: rentCaseData({ monthlyRent: null }) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.fields?.['caseData.monthlyRent']?.message.ar).toContain('الإيجار الشهري');
  });
});
