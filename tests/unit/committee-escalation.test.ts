import { describe, expect, it } from 'vitest';
import { hijriParts, hijriToGregorian } from '../../src-shared/domain/calendar';
import { clockLevel, daysLeft, escalationMoments, momentsReached } from '../../src-shared/domain/committee-escalation';

/** 10:00 in Riyadh on the given day. */
const at = (day: string) => new Date(`${day}T07:00:00Z`);

describe('escalation moments of the committee clock', () => {
  it('warns on day 10 and escalates on day 14 in calendar days', () => {
    expect(escalationMoments(at('2026-03-01'), { days: 14, mode: 'calendar' })).toEqual({ warningDate: '2026-03-11', escalationDate: '2026-03-15' });
  });

  it('counts working days Sunday to Thursday, skipping the Friday–Saturday weekend', () => {
    // Submitted Sunday 1 March 2026: the 10th working day is Sunday 15th, the 14th Thursday 19th.
    const moments = escalationMoments(at('2026-03-01'), { days: 14, mode: 'working' });
    expect(moments).toEqual({ warningDate: '2026-03-15', escalationDate: '2026-03-19' });
    expect(new Date(`${moments.escalationDate}T00:00:00Z`).getUTCDay()).toBe(4); // a Thursday, never a weekend
  });

  it('uses the Riyadh day: 22:30 UTC on Thursday is Friday for the applicant', () => {
    expect(escalationMoments(new Date('2026-03-05T22:30:00Z'), { days: 14, mode: 'calendar' })).toEqual({ warningDate: '2026-03-16', escalationDate: '2026-03-20' });
  });

  it('keeps four days of notice for a shorter clock, never before the first day', () => {
    expect(escalationMoments(at('2026-03-01'), { days: 7, mode: 'calendar' }).warningDate).toBe('2026-03-04');
    expect(escalationMoments(at('2026-03-01'), { days: 3, mode: 'calendar' }).warningDate).toBe('2026-03-02');
  });

  it('crosses a Hijri month end without losing or adding a day (29-day and 30-day months alike)', () => {
    for (const month of [8, 9]) {
      // The last day of Sha'ban / Ramadan 1447, whatever its length.
      const nextMonthFirst = hijriToGregorian(1447, month + 1, 1)!;
      const lastDay = new Date(nextMonthFirst.getTime() - 86_400_000);
      expect(hijriParts(lastDay).month).toBe(month);
      const submitted = new Date(lastDay.getTime() + 7 * 3_600_000);
      const { escalationDate } = escalationMoments(submitted, { days: 14, mode: 'calendar' });
      expect(Date.parse(`${escalationDate}T00:00:00Z`) - lastDay.getTime()).toBe(14 * 86_400_000);
    }
  });

  it('reaches each moment on its day and not before', () => {
    const moments = escalationMoments(at('2026-03-01'), { days: 14, mode: 'calendar' });
    expect(momentsReached(moments, at('2026-03-10'))).toEqual([]);
    expect(momentsReached(moments, new Date('2026-03-10T21:00:00Z'))).toEqual(['warning']); // midnight in Riyadh
    expect(momentsReached(moments, at('2026-03-15'))).toEqual(['warning', 'escalation']);
    expect(clockLevel(moments, at('2026-03-02'))).toBe('on_time');
    expect(clockLevel(moments, at('2026-03-12'))).toBe('warning');
    expect(clockLevel(moments, at('2026-03-16'))).toBe('overdue');
  });

  it('counts days left in the clock’s own unit', () => {
    expect(daysLeft('2026-03-15', at('2026-03-01'), 'calendar')).toBe(14);
    expect(daysLeft('2026-03-19', at('2026-03-01'), 'working')).toBe(14);
    expect(daysLeft('2026-03-19', at('2026-03-12'), 'working')).toBe(5); // the weekend of 13–14 March does not count
    expect(daysLeft('2026-03-19', at('2026-03-19'), 'working')).toBe(0);
    expect(daysLeft('2026-03-15', at('2026-03-17'), 'calendar')).toBe(-2);
  });
});
