import { describe, expect, it } from 'vitest';
import { draftFromCells, nationalityCode, resolveMapping, splitFullName } from '../../src-main/services/import-mapping';

describe('import mapping', () => {
  it('guesses fields from Arabic and English headings whatever their spelling', () => {
    const mapping = resolveMapping(['الاسم الاول', 'اسم الأب', 'اسم الجد', 'اسم العائلة', 'National_ID', 'Mobile', 'DOB', 'Sex', 'ملاحظات'], {});
    expect(mapping).toEqual({
      firstName: 'الاسم الاول', fatherName: 'اسم الأب', grandfatherName: 'اسم الجد', familyName: 'اسم العائلة',
      nationalId: 'National_ID', phonePrimary: 'Mobile', birthDate: 'DOB', gender: 'Sex', notes: 'ملاحظات',
    });
  });

  it('lets the admin override a guess or switch it off', () => {
    expect(resolveMapping(['الجوال', 'جوال الأب'], { phonePrimary: 'جوال الأب' })).toEqual({ phonePrimary: 'جوال الأب' });
    expect(resolveMapping(['الجوال', 'ملاحظات'], { notes: '' })).toEqual({ phonePrimary: 'الجوال' });
  });

  it('uses a full-name column only when the four parts are absent', () => {
    expect(resolveMapping(['الاسم الكامل', 'الجنس'], {})).toEqual({ fullName: 'الاسم الكامل', gender: 'الجنس' });
    expect(resolveMapping(['الاسم', 'الاسم الأول'], {})).toEqual({ firstName: 'الاسم الأول' });
  });

  it('splits a full name, keeping compound names and dropping «بن»', () => {
    expect(splitFullName('محمد بن عبد الله بن سعد آل حسين')).toEqual({ firstName: 'محمد', fatherName: 'عبد الله', grandfatherName: 'سعد', familyName: 'آل حسين' });
    expect(splitFullName('نورة علي أبو بكر الحازمي')).toEqual({ firstName: 'نورة', fatherName: 'علي', grandfatherName: 'أبو بكر', familyName: 'الحازمي' });
    expect(splitFullName('علي أحمد الحربي')).toEqual({ firstName: 'علي', fatherName: 'أحمد', grandfatherName: '', familyName: 'الحربي' });
  });

  it('reads nationality names and codes, Saudi when empty', () => {
    expect(['', 'سعودي', 'السعودية', 'Saudi', 'sa'].map(nationalityCode)).toEqual(['SA', 'SA', 'SA', 'SA', 'SA']);
    expect(['يمني', 'اليمن', 'مصرية', 'سوداني', 'باكستاني'].map(nationalityCode)).toEqual(['YE', 'YE', 'EG', 'SD', 'PK']);
    expect(nationalityCode('مريخي')).toBe('مريخي');
  });

  it('derives the ID type from the number when the file has no such column', () => {
    const mapping = { nationalId: 'id', gender: 'g' } as const;
    expect(draftFromCells({ id: '1234567890', g: 'ذكر' }, mapping)).toMatchObject({ idType: 'national_id', gender: 'male' });
    expect(draftFromCells({ id: '٢٣٤٥٦٧٨٩٠١', g: 'أنثى' }, mapping)).toMatchObject({ idType: 'iqama', gender: 'female' });
    expect(draftFromCells({ id: '', g: 'F' }, mapping)).toMatchObject({ idType: 'none', nationalId: null, gender: 'female' });
    expect(draftFromCells({ id: 'A1234567', g: 'x' }, mapping)).toMatchObject({ idType: 'passport', gender: 'x' });
  });
});
