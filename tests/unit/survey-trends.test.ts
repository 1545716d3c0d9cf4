import { describe, expect, it } from 'vitest';
import { trendLines, trendPeriod, trendPeriods } from '../../src-shared/domain/survey-trends';

describe('survey trends', () => {
  it('puts an answer in its Riyadh week (Sunday to Saturday) and month', () => {
    // Saturday 2026-03-07 22:00 UTC is already Sunday 8 March in Riyadh: a new week.
    expect(trendPeriod('2026-03-07T20:00:00.000Z', 'week')).toBe('2026-03-01');
    expect(trendPeriod('2026-03-07T22:00:00.000Z', 'week')).toBe('2026-03-08');
    expect(trendPeriod('2026-03-31T21:30:00.000Z', 'month')).toBe('2026-04');
  });

  it('averages CSAT and NPS per line and period, periods in order', () => {
    const rows = [
      { answered_at: '2026-03-02T08:00:00Z', csat: 5, nps: 10, service: 'delivery' },
      { answered_at: '2026-03-03T08:00:00Z', csat: 3, nps: 5, service: 'delivery' },
      { answered_at: '2026-02-10T08:00:00Z', csat: 1, nps: null, service: 'delivery' },
      { answered_at: '2026-03-04T08:00:00Z', csat: 4, nps: 9, service: 'phone_call' },
    ];
    expect(trendPeriods(rows, 'month')).toEqual(['2026-02', '2026-03']);
    expect(trendLines(rows, (r) => r.service, 'month')).toEqual([
      { key: 'delivery', points: [{ period: '2026-02', responses: 1, csatAverage: 1, nps: null }, { period: '2026-03', responses: 2, csatAverage: 4, nps: 0 }] },
      { key: 'phone_call', points: [{ period: '2026-03', responses: 1, csatAverage: 4, nps: 100 }] },
    ]);
  });
});
