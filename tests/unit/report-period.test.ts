import { describe, expect, it } from 'vitest';
import { hijriParts } from '../../src-shared/domain/calendar';
import { percentiles, periodInstants, previousPeriod, resolvePeriod, sameMonthLastYear } from '../../src-shared/domain/report-period';

describe('report periods', () => {
  it('turns a Hijri month into its Gregorian days, first and last day inside the month', () => {
    const ramadan = resolvePeriod({ kind: 'hijri_month', year: 1447, month: 9 })!;
    expect(hijriParts(new Date(`${ramadan.from}T12:00:00Z`))).toMatchObject({ year: 1447, month: 9, day: 1 });
    expect(hijriParts(new Date(`${ramadan.to}T12:00:00Z`))).toMatchObject({ year: 1447, month: 9 });
    expect(hijriParts(new Date(Date.parse(`${ramadan.to}T12:00:00Z`) + 86_400_000))).toMatchObject({ year: 1447, month: 10, day: 1 });
  });

  it('compares a Hijri month with the month before (across the year) and the same month a year earlier', () => {
    const muharram = resolvePeriod({ kind: 'hijri_month', year: 1447, month: 1 })!;
    expect(previousPeriod(muharram)!.choice).toEqual({ kind: 'hijri_month', year: 1446, month: 12 });
    expect(sameMonthLastYear(muharram)!.choice).toEqual({ kind: 'hijri_month', year: 1446, month: 1 });
    expect(previousPeriod(muharram)!.to < muharram.from).toBe(true);
  });

  it('gives a Gregorian month its days, February of a leap year included', () => {
    expect(resolvePeriod({ kind: 'gregorian_month', year: 2024, month: 2 })).toMatchObject({ from: '2024-02-01', to: '2024-02-29' });
    expect(previousPeriod(resolvePeriod({ kind: 'gregorian_month', year: 2026, month: 1 })!)).toMatchObject({ from: '2025-12-01', to: '2025-12-31' });
  });

  it('refuses a month 13, a range that ends before it starts and a range longer than a year', () => {
    expect(resolvePeriod({ kind: 'hijri_month', year: 1447, month: 13 })).toBeNull();
    expect(resolvePeriod({ kind: 'gregorian_month', year: 2026, month: 0 })).toBeNull();
    expect(resolvePeriod({ kind: 'range', from: '2026-03-10', to: '2026-03-01' })).toBeNull();
    expect(resolvePeriod({ kind: 'range', from: '2025-01-01', to: '2026-03-01' })).toBeNull();
  });

  it('takes a custom range’s comparison as the same length just before it', () => {
    const range = resolvePeriod({ kind: 'range', from: '2026-03-11', to: '2026-03-20' })!;
    expect(previousPeriod(range)).toMatchObject({ from: '2026-03-01', to: '2026-03-10' });
  });

  it('bounds Riyadh days in UTC: midnight in Riyadh is 21:00 the day before', () => {
    expect(periodInstants({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ start: '2026-02-28T21:00:00.000Z', end: '2026-03-31T21:00:00.000Z' });
  });

  it('takes the median and the 90th percentile by nearest rank, and nothing of an empty list', () => {
    expect(percentiles([])).toEqual({ median: null, p90: null });
    expect(percentiles([300, 900])).toEqual({ median: 300, p90: 900 });
    expect(percentiles([5, 1, 4, 2, 3, 6, 7, 8, 9, 10])).toEqual({ median: 5, p90: 9 });
  });
});
