import { describe, expect, it } from 'vitest';
import { dueOccurrence, schoolAgeBirthRange, seasonOccurrence, validSeasonDate } from '../../src-shared/domain/outreach-seasons';

const RAMADAN = { calendar: 'hijri', month: 9, day: 1, leadDays: 14 } as const;
const NEW_HIJRI_YEAR = { calendar: 'hijri', month: 1, day: 1, leadDays: 14 } as const;
const JANUARY_SCHOOL = { calendar: 'gregorian', month: 1, day: 4, leadDays: 14 } as const;

describe('seasonal programme days', () => {
  it('finds 1 Ramadan from the Umm al-Qura calendar', () => {
    expect(seasonOccurrence(RAMADAN, 1447)).toBe('2026-02-18');
    expect(seasonOccurrence(RAMADAN, 1448)).toBe('2027-02-08');
  });

  it('is due from fourteen days before 1 Ramadan until the day itself, and not before or after', () => {
    expect(dueOccurrence(RAMADAN, '2026-02-03')).toBeNull();
    expect(dueOccurrence(RAMADAN, '2026-02-04')).toEqual({ day: '2026-02-18', year: 1447 });
    expect(dueOccurrence(RAMADAN, '2026-02-18')).toEqual({ day: '2026-02-18', year: 1447 });
    expect(dueOccurrence(RAMADAN, '2026-02-19')).toBeNull();
  });

  it('finds next Hijri year’s programme from the last days of Dhu al-Hijja', () => {
    // 2026-06-05 is 19 Dhu al-Hijja 1447; 1 Muharram 1448 is 2026-06-16.
    expect(dueOccurrence(NEW_HIJRI_YEAR, '2026-06-05')).toEqual({ day: '2026-06-16', year: 1448 });
    expect(dueOccurrence(NEW_HIJRI_YEAR, '2026-06-01')).toBeNull();
  });

  it('finds a January school start from the last days of December', () => {
    expect(dueOccurrence(JANUARY_SCHOOL, '2026-12-25')).toEqual({ day: '2027-01-04', year: 2027 });
    expect(dueOccurrence(JANUARY_SCHOOL, '2027-01-04')).toEqual({ day: '2027-01-04', year: 2027 });
    expect(dueOccurrence(JANUARY_SCHOOL, '2026-12-20')).toBeNull();
  });

  it('gives each year its own occurrence, so next year’s season makes new tasks', () => {
    expect(dueOccurrence(RAMADAN, '2027-01-30')).toEqual({ day: '2027-02-08', year: 1448 });
  });

  it('refuses days that do not exist every year', () => {
    expect(validSeasonDate({ calendar: 'hijri', month: 9, day: 30 })).toBe(false);
    expect(validSeasonDate({ calendar: 'hijri', month: 13, day: 1 })).toBe(false);
    expect(validSeasonDate({ calendar: 'gregorian', month: 2, day: 29 })).toBe(false);
    expect(validSeasonDate({ calendar: 'gregorian', month: 4, day: 31 })).toBe(false);
    expect(validSeasonDate({ calendar: 'gregorian', month: 8, day: 24 })).toBe(true);
    expect(validSeasonDate({ calendar: 'hijri', month: 12, day: 10 })).toBe(true);
  });
});

describe('school age on the programme day', () => {
  it('takes in six- to eighteen-year-olds, birthdays included', () => {
    expect(schoolAgeBirthRange('2026-08-24')).toEqual({ from: '2007-08-25', to: '2020-08-24' });
  });

  it('reads 29 February as the 28th in a year without one', () => {
    expect(schoolAgeBirthRange('2028-02-29')).toEqual({ from: '2009-03-01', to: '2022-02-28' });
  });
});
