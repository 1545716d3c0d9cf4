import { describe, expect, it } from 'vitest';
import { needsFollowUp, summarise, summariseBy } from '../../src-shared/domain/survey-scores';

describe('survey aggregation', () => {
  it('averages CSAT to one decimal and counts the satisfied (4–5)', () => {
    expect(summarise([{ csat: 5, nps: null }, { csat: 4, nps: null }, { csat: 2, nps: null }])).toMatchObject({ responses: 3, csatAverage: 3.7, satisfiedPercent: 67 });
  });

  it('computes the NPS from promoters minus detractors over NPS answers only', () => {
    const rows = [{ csat: 5, nps: 10 }, { csat: 5, nps: 9 }, { csat: 3, nps: 7 }, { csat: 1, nps: 2 }, { csat: 4, nps: null }];
    expect(summarise(rows)).toMatchObject({ nps: 25, npsResponses: 4, responses: 5 });
  });

  it('says nothing rather than zero when there are no answers', () => {
    expect(summarise([])).toEqual({ responses: 0, csatAverage: null, satisfiedPercent: null, nps: null, npsResponses: 0 });
    expect(summarise([{ csat: 3, nps: null }]).nps).toBeNull();
  });

  it('groups by service, branch, channel or month in first-seen order', () => {
    const rows = [
      { csat: 5, nps: 10, service: 'delivery' },
      { csat: 1, nps: 0, service: 'phone_call' },
      { csat: 3, nps: 8, service: 'delivery' },
    ];
    expect(summariseBy(rows, (r) => r.service).map((g) => [g.key, g.responses, g.csatAverage])).toEqual([['delivery', 2, 4], ['phone_call', 1, 1]]);
  });

  it('opens a follow-up for scores of 1 and 2 only', () => {
    expect([1, 2, 3, 4, 5].map(needsFollowUp)).toEqual([true, true, false, false, false]);
  });
});
