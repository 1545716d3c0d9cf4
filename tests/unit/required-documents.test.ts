import { describe, expect, it } from 'vitest';
import { documentShortfalls, documentsComplete } from '../../src-shared/domain/required-documents';

const rent = [
  { code: 'identity_copy', required: true },
  { code: 'lease_contract', required: true },
  { code: 'bank_iban', required: false },
];

describe('documents rule per request type', () => {
  it('is complete when every required document is seen and verified', () => {
    const statuses = [
      { code: 'identity_copy', seen: true, verified: true },
      { code: 'lease_contract', seen: true, verified: true },
    ];
    expect(documentsComplete(rent, statuses)).toBe(true);
  });

  it('never blocks on an optional document', () => {
    const statuses = [
      { code: 'identity_copy', seen: true, verified: true },
      { code: 'lease_contract', seen: true, verified: true },
      { code: 'bank_iban', seen: false, verified: false },
    ];
    expect(documentShortfalls(rent, statuses)).toEqual([]);
  });

  it('names a required document that is missing', () => {
    expect(documentShortfalls(rent, [{ code: 'identity_copy', seen: true, verified: true }])).toEqual([{ code: 'lease_contract', problem: 'missing' }]);
  });

  it('names a required document seen but not verified', () => {
    const statuses = [
      { code: 'identity_copy', seen: true, verified: false },
      { code: 'lease_contract', seen: true, verified: true },
    ];
    expect(documentShortfalls(rent, statuses)).toEqual([{ code: 'identity_copy', problem: 'unverified' }]);
  });

  it('treats a type with no required documents as complete', () => {
    expect(documentsComplete([{ code: 'cv', required: false }], [])).toBe(true);
  });
});
