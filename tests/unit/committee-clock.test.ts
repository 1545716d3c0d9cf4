import { describe, expect, it } from 'vitest';
import { committeeDueDate, daysUntilDue, riyadhDay } from '../../src-shared/domain/committee-clock';
import { formatBoth, hijriParts } from '../../src-shared/domain/calendar';

const at = (iso: string) => new Date(iso);

describe('committee clock', () => {
  it('gives fourteen calendar days by default, across a Gregorian month end', () => {
    expect(committeeDueDate(at('2025-01-25T09:00:00Z'), { days: 14, mode: 'calendar' })).toBe('2025-02-08');
  });

  it('crosses the Gregorian year end', () => {
    expect(committeeDueDate(at('2025-12-25T09:00:00Z'), { days: 14, mode: 'calendar' })).toBe('2026-01-08');
  });

  it('crosses the Hijri year end (Dhu al-Hijjah 1446 → Muharram 1447)', () => {
    const submitted = at('2025-06-20T09:00:00Z');
    expect(hijriParts(submitted)).toEqual({ year: 1446, month: 12, day: 24 });
    const due = committeeDueDate(submitted, { days: 14, mode: 'calendar' });
    expect(due).toBe('2025-07-04');
    expect(hijriParts(new Date(`${due}T00:00:00Z`))).toEqual({ year: 1447, month: 1, day: 9 });
    expect(formatBoth(due, 'en')).toBe('9 Muharram 1447 AH — 4 July 2025');
  });

  it('crosses a Hijri month end (Ramadan → Shawwal 1446)', () => {
    const submitted = at('2025-03-25T09:00:00Z');
    expect(hijriParts(submitted)).toMatchObject({ year: 1446, month: 9 });
    const due = committeeDueDate(submitted, { days: 14, mode: 'calendar' });
    expect(hijriParts(new Date(`${due}T00:00:00Z`))).toMatchObject({ year: 1446, month: 10 });
  });

  it('counts the day as lived in Riyadh: 22:30 UTC on the 24th is the 25th', () => {
    expect(riyadhDay(at('2025-12-24T22:30:00Z')).toISOString().slice(0, 10)).toBe('2025-12-25');
    expect(committeeDueDate(at('2025-12-24T22:30:00Z'), { days: 14, mode: 'calendar' })).toBe('2026-01-08');
  });

  it('skips the Friday–Saturday weekend in working-day mode, across the year end', () => {
    // Thursday 25 Dec 2025 + 14 working days (Sunday–Thursday) = Wednesday 14 Jan 2026.
    expect(committeeDueDate(at('2025-12-25T09:00:00Z'), { days: 14, mode: 'working' })).toBe('2026-01-14');
  });

  it('never lets a working-day deadline fall on a weekend', () => {
    for (let offset = 0; offset < 14; offset++) {
      const submitted = new Date(Date.UTC(2026, 0, 1 + offset, 9));
      const due = new Date(`${committeeDueDate(submitted, { days: 5, mode: 'working' })}T00:00:00Z`);
      expect([5, 6]).not.toContain(due.getUTCDay());
    }
  });

  it('honours a configured number of days', () => {
    expect(committeeDueDate(at('2026-02-20T09:00:00Z'), { days: 10, mode: 'calendar' })).toBe('2026-03-02');
  });

  it('counts the days left, negative once overdue', () => {
    expect(daysUntilDue('2026-01-08', at('2025-12-25T09:00:00Z'))).toBe(14);
    expect(daysUntilDue('2026-01-08', at('2026-01-10T09:00:00Z'))).toBe(-2);
  });
});
