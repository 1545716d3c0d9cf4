import { describe, it, expect } from 'vitest';
import {
  formatBoth,
  formatGregorian,
  formatHijri,
  hijriParts,
  hijriToGregorian,
  parseDateInput,
  toIsoDate,
} from '../../src-shared/domain/calendar';

const POLICY_APPROVED = new Date('2025-02-27T00:00:00Z');

describe('Umm al-Qura support', () => {
  it('is present in this ICU (otherwise every Hijri date here would be wrong)', () => {
    const calendar = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura').resolvedOptions().calendar;
    expect(calendar).toBe('islamic-umalqura');
  });
});

describe('formatting', () => {
  it('shows the Hijri date in Arabic with Arabic-Indic digits', () => {
    expect(formatHijri(POLICY_APPROVED, 'ar')).toBe('٢٨ شعبان ١٤٤٦ هـ');
  });

  it('shows the Hijri date in English with Latin digits', () => {
    expect(formatHijri(POLICY_APPROVED, 'en')).toMatch(/^28 Sha.?ban 1446 AH$/);
  });

  it('shows the Gregorian date in both languages', () => {
    expect(formatGregorian(POLICY_APPROVED, 'ar')).toBe('٢٧ فبراير ٢٠٢٥ م');
    expect(formatGregorian(POLICY_APPROVED, 'en')).toBe('27 February 2025');
  });

  it('shows Hijri beside Gregorian', () => {
    expect(formatBoth(POLICY_APPROVED, 'ar')).toBe('٢٨ شعبان ١٤٤٦ هـ — ٢٧ فبراير ٢٠٢٥ م');
    expect(formatBoth('2025-02-27', 'en')).toMatch(/^28 Sha.?ban 1446 AH — 27 February 2025$/);
  });

  it('reads a stored date-only string as that calendar day', () => {
    expect(formatGregorian('2025-02-27', 'en')).toBe('27 February 2025');
    expect(formatHijri('2025-02-27', 'ar')).toBe(formatHijri(POLICY_APPROVED, 'ar'));
  });

  it('shows a late-evening timestamp on the day it was in Riyadh', () => {
    expect(formatGregorian('2025-02-27T22:30:00Z', 'en')).toBe('28 February 2025');
    expect(formatGregorian('2025-02-27T20:59:59Z', 'en')).toBe('27 February 2025');
  });

  it('gives an empty string for an invalid date instead of throwing', () => {
    expect(formatBoth('not a date', 'ar')).toBe('');
    expect(formatGregorian(new Date(Number.NaN), 'en')).toBe('');
  });
});

describe('hijriParts', () => {
  it('gives the policy approval date as 28/08/1446', () => {
    expect(hijriParts(POLICY_APPROVED)).toEqual({ year: 1446, month: 8, day: 28 });
  });

  it('gives 1 Ramadan 1446 on 1 March 2025', () => {
    expect(hijriParts(new Date('2025-03-01T00:00:00Z'))).toEqual({ year: 1446, month: 9, day: 1 });
  });
});

describe('hijriToGregorian', () => {
  it('converts the policy approval date', () => {
    const date = hijriToGregorian(1446, 8, 28);
    expect(date && toIsoDate(date)).toBe('2025-02-27');
  });

  it('round-trips every day of the Hijri years 1440 to 1450', () => {
    let previous: number | null = null;
    let days = 0;
    for (let year = 1440; year <= 1450; year++) {
      for (let month = 1; month <= 12; month++) {
        const lengthOfMonth = hijriToGregorian(year, month, 30) ? 30 : 29;
        for (let day = 1; day <= lengthOfMonth; day++) {
          const date = hijriToGregorian(year, month, day);
          expect(date, `${year}/${month}/${day}`).not.toBeNull();
          if (!date) continue;
          expect(hijriParts(date)).toEqual({ year, month, day });
          // Consecutive Hijri days are consecutive Gregorian days: nothing skipped or repeated.
          if (previous !== null) expect(date.getTime() - previous).toBe(86_400_000);
          previous = date.getTime();
          days++;
        }
      }
    }
    expect(days).toBeGreaterThan(11 * 354);
    expect(days).toBeLessThan(11 * 356);
  });

  it('refuses dates that do not exist', () => {
    expect(hijriToGregorian(1446, 13, 1)).toBeNull();
    expect(hijriToGregorian(1446, 0, 1)).toBeNull();
    expect(hijriToGregorian(1446, 1, 31)).toBeNull();
    expect(hijriToGregorian(1446, 1, 0)).toBeNull();
    expect(hijriToGregorian(1446, 1.5, 1)).toBeNull();
    // Sha'ban 1446 has 29 days: 29 Sha'ban is 28 February 2025 and 1 Ramadan is 1 March.
    expect(hijriToGregorian(1446, 8, 29)).not.toBeNull();
    expect(hijriToGregorian(1446, 8, 30)).toBeNull();
  });

  it('returns UTC midnight', () => {
    expect(hijriToGregorian(1446, 9, 1)?.toISOString()).toBe('2025-03-01T00:00:00.000Z');
  });

  it('is fast enough to call while the user types', () => {
    const started = performance.now();
    let calls = 0;
    for (let year = 1380; year <= 1460; year++) {
      for (let month = 1; month <= 12; month++) {
        hijriToGregorian(year, month, 15);
        calls++;
      }
    }
    expect((performance.now() - started) / calls).toBeLessThan(0.2);
  });
});

describe('toIsoDate', () => {
  it('gives the UTC calendar day', () => {
    expect(toIsoDate(new Date('2025-02-27T23:59:59Z'))).toBe('2025-02-27');
    expect(toIsoDate(new Date('2025-02-28T00:00:00+03:00'))).toBe('2025-02-27');
  });
});

describe('parseDateInput', () => {
  it.each([
    ['2025-02-27', '2025-02-27', 'gregorian'],
    ['27/02/2025', '2025-02-27', 'gregorian'],
    ['2025/02/27', '2025-02-27', 'gregorian'],
    ['7/3/2025', '2025-03-07', 'gregorian'],
    ['28/08/1446', '2025-02-27', 'hijri'],
    ['1446/08/28', '2025-02-27', 'hijri'],
    ['1446-08-28', '2025-02-27', 'hijri'],
    ['٢٨/٠٨/١٤٤٦', '2025-02-27', 'hijri'],
    ['٢٨/٠٨/١٤٤٦ هـ', '2025-02-27', 'hijri'],
    ['۲۷/۰۲/۲۰۲۵', '2025-02-27', 'gregorian'],
    ['27/02/2025م', '2025-02-27', 'gregorian'],
    ['  \u200f2024-02-29 ', '2024-02-29', 'gregorian'],
  ])('reads %j as %s (%s)', (input, iso, calendar) => {
    expect(parseDateInput(input)).toEqual({ ok: true, iso, calendar });
  });

  it.each([
    ['2025-02-30'],
    ['2023-02-29'],
    ['2025-13-01'],
    ['2025-00-10'],
    ['1446/13/01'],
    ['1446/08/30'],
    ['30/08/1446'],
    ['1446/01/00'],
    ['1600-01-01'],
    ['2025-02-27 هـ'],
  ])('refuses the impossible date %j', (input) => {
    expect(parseDateInput(input)).toEqual({ ok: false, reason: 'impossible' });
  });

  it.each([[''], ['tomorrow'], ['27-2'], ['2025/2'], ['20250227'], ['27/02/25'], ['2025-02-27T10:00']])(
    'refuses %j as not a date',
    (input) => {
      expect(parseDateInput(input)).toEqual({ ok: false, reason: 'format' });
    },
  );
});
