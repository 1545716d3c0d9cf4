import { describe, it, expect } from 'vitest';
import {
  DUPLICATE_THRESHOLD,
  assessDuplicate,
  type PersonForMatching,
} from '../../src-shared/domain/duplicate-score';

const base: PersonForMatching = {
  firstName: 'محمد',
  fatherName: 'عبد الله',
  grandfatherName: 'أحمد',
  familyName: 'الحربي',
  nationalId: '1234567897',
  phones: ['+966551234567'],
  birthDate: '1990-05-01',
};

/** Someone sharing nothing with `base`. */
const stranger: PersonForMatching = {
  firstName: 'خالد',
  fatherName: 'سعيد',
  grandfatherName: 'ناصر',
  familyName: 'القحطاني',
  nationalId: '2000000006',
  phones: ['+966501112233'],
  birthDate: '1985-11-20',
};

const nameOf = (p: PersonForMatching) => ({
  firstName: p.firstName,
  fatherName: p.fatherName,
  grandfatherName: p.grandfatherName,
  familyName: p.familyName,
});

const person = (overrides: Partial<PersonForMatching>): PersonForMatching => ({ ...stranger, ...overrides });

describe('assessDuplicate', () => {
  it('scores the same national ID as certain, whatever else differs', () => {
    const result = assessDuplicate(base, person({ nationalId: '١٢٣٤٥٦٧٨٩٧' }));
    expect(result).toEqual({ score: 100, reasons: ['same_national_id'], kind: 'duplicate' });
  });

  it('flags an ID one adjacent transposition away', () => {
    const result = assessDuplicate(base, person({ nationalId: '1234567879' }));
    expect(result.reasons).toEqual(['national_id_transposition']);
    expect(result.score).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
    expect(result.kind).toBe('duplicate');
  });

  it('grows more certain when a transposed ID comes with the same name', () => {
    const idOnly = assessDuplicate(base, person({ nationalId: '2134567897' }));
    const withName = assessDuplicate(base, { ...base, nationalId: '2134567897', phones: [], birthDate: null });
    expect(withName.reasons).toEqual(['national_id_transposition', 'same_name']);
    expect(withName.score).toBeGreaterThan(idOnly.score);
  });

  it('does not treat an ID two swaps away as a transposition', () => {
    expect(assessDuplicate(base, person({ nationalId: '2143567897' })).reasons).toEqual([]);
  });

  it('flags the same phone for the receptionist to decide', () => {
    const result = assessDuplicate(base, person({ phones: ['+966500000000', '0551234567'] }));
    expect(result.reasons).toEqual(['same_phone']);
    expect(result.score).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
    expect(result.kind).toBe('duplicate');
  });

  it('flags the same four-part name despite spelling, article and عبد spacing', () => {
    const result = assessDuplicate(
      base,
      person({ firstName: 'مُحَمَّد', fatherName: 'عبدالله', grandfatherName: 'احمد', familyName: 'حربي' }),
    );
    expect(result.reasons).toEqual(['same_name']);
    expect(result.score).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
    expect(result.kind).toBe('duplicate');
  });

  it('still matches the name when one side does not know the grandfather', () => {
    const result = assessDuplicate(base, person({ firstName: 'محمد', fatherName: 'عبدالله', grandfatherName: '', familyName: 'الحربي' }));
    expect(result.reasons).toEqual(['same_name']);
  });

  it('treats ى/ي in a name as spelling, not sound', () => {
    const result = assessDuplicate(base, person({ ...nameOf(base), familyName: 'الحربى' }));
    expect(result.reasons).toEqual(['same_name']);
  });

  it('counts a name that only sounds the same as medium evidence, below the threshold alone', () => {
    const draft = { ...base, familyName: 'السعيدي' };
    const result = assessDuplicate(draft, person({ ...nameOf(draft), familyName: 'الصعيدي' }));
    expect(result.reasons).toEqual(['phonetic_name']);
    expect(result.score).toBeLessThan(DUPLICATE_THRESHOLD);
    expect(result.kind).toBe('none');
  });

  it('reaches the threshold with a sound-alike name and the same birth date', () => {
    const draft = { ...base, fatherName: 'طلال' };
    const result = assessDuplicate(draft, person({ ...nameOf(draft), fatherName: 'تلال', birthDate: '1990-05-01' }));
    expect(result.reasons).toEqual(['phonetic_name', 'same_birth_date']);
    expect(result.score).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
    expect(result.kind).toBe('duplicate');
  });

  it('counts the same birth date alone as too weak to ask', () => {
    const result = assessDuplicate(base, person({ birthDate: '1990-05-01' }));
    expect(result.reasons).toEqual(['same_birth_date']);
    expect(result.score).toBeLessThan(DUPLICATE_THRESHOLD);
    expect(result.kind).toBe('none');
  });

  it('lists reasons strongest first and caps the score at 100', () => {
    const result = assessDuplicate(base, { ...base, firstName: 'محمد' });
    expect(result.reasons).toEqual(['same_national_id', 'same_name', 'same_phone', 'same_birth_date']);
    expect(result.score).toBe(100);
  });

  it('recognises a brother: same father, grandfather and family, different given name', () => {
    const result = assessDuplicate(base, { ...base, firstName: 'فهد', nationalId: '1000000008', phones: [], birthDate: null });
    expect(result.kind).toBe('relative');
    expect(result.reasons).toEqual(['relative_same_lineage']);
    expect(result.score).toBeGreaterThan(0);
    expect(result.score).toBeLessThan(DUPLICATE_THRESHOLD);
  });

  it('keeps a sister sharing the family phone a relative', () => {
    const result = assessDuplicate(base, { ...base, firstName: 'نورة', nationalId: null, birthDate: null });
    expect(result.kind).toBe('relative');
    expect(result.reasons).toEqual(['same_phone', 'relative_same_lineage']);
  });

  it('treats a twin (same lineage and birth date, different given name) as a relative', () => {
    const result = assessDuplicate(base, { ...base, firstName: 'أحمد', nationalId: null, phones: [] });
    expect(result.kind).toBe('relative');
    expect(result.score).toBeLessThan(DUPLICATE_THRESHOLD);
  });

  it('lets the same national ID overrule a different given name', () => {
    const result = assessDuplicate(base, { ...base, firstName: 'فهد' });
    expect(result.kind).toBe('duplicate');
    expect(result.reasons).not.toContain('relative_same_lineage');
  });

  it('does not call people relatives when the father is unknown on one side', () => {
    const result = assessDuplicate(base, { ...stranger, fatherName: '', grandfatherName: 'أحمد', familyName: 'الحربي' });
    expect(result.kind).toBe('none');
  });

  it('finds nothing between unrelated people', () => {
    expect(assessDuplicate(base, stranger)).toEqual({ score: 0, reasons: [], kind: 'none' });
  });

  it('finds nothing when both sides lack ID, phone and birth date', () => {
    const blank = { nationalId: null, phones: [], birthDate: null };
    expect(assessDuplicate({ ...base, ...blank }, { ...stranger, ...blank })).toEqual({ score: 0, reasons: [], kind: 'none' });
  });
});
