import { describe, expect, it } from 'vitest';
import { applicableRule, ruleApplies, yearsBefore, type RetentionFacts, type RetentionRule } from '../../src-shared/domain/retention';

const NOW = new Date('2026-11-26T10:00:00Z');
const closed: RetentionRule = { code: 'closed_cases', kind: 'closed_inactive', years: 10, active: true };
const registered: RetentionRule = { code: 'registered_only', kind: 'no_request_inactive', years: 5, active: true };
const facts = (over: Partial<RetentionFacts> = {}): RetentionFacts => ({ requests: 2, openRequests: 0, lastActivityAt: '2015-01-01T00:00:00Z', anonymised: false, ...over });

describe('retention rules', () => {
  it('anonymises a closed case quiet for longer than the rule’s years', () => {
    expect(ruleApplies(closed, facts(), NOW)).toBe(true);
  });

  it('keeps a case with any request still open, however old', () => {
    expect(ruleApplies(closed, facts({ openRequests: 1 }), NOW)).toBe(false);
  });

  it('keeps a case with activity inside the window, up to the exact cutoff', () => {
    expect(ruleApplies(closed, facts({ lastActivityAt: '2020-05-01T00:00:00Z' }), NOW)).toBe(false);
    expect(ruleApplies(closed, facts({ lastActivityAt: '2016-11-26T10:00:00.000Z' }), NOW)).toBe(false);
    expect(ruleApplies(closed, facts({ lastActivityAt: '2016-11-26T09:59:59.999Z' }), NOW)).toBe(true);
  });

  it('never applies an inactive rule, nor to someone already anonymised', () => {
    expect(ruleApplies({ ...closed, active: false }, facts(), NOW)).toBe(false);
    expect(ruleApplies(closed, facts({ anonymised: true }), NOW)).toBe(false);
  });

  it('tells a file that never had a request from a closed case', () => {
    expect(ruleApplies(closed, facts({ requests: 0 }), NOW)).toBe(false);
    expect(ruleApplies(registered, facts({ requests: 0 }), NOW)).toBe(true);
    expect(ruleApplies(registered, facts({ requests: 1 }), NOW)).toBe(false);
  });

  it('picks the first rule that applies, in the listed order', () => {
    expect(applicableRule([registered, closed], facts(), NOW)?.code).toBe('closed_cases');
    expect(applicableRule([registered, closed], facts({ requests: 0 }), NOW)?.code).toBe('registered_only');
    expect(applicableRule([registered, closed], facts({ lastActivityAt: '2026-01-01T00:00:00Z' }), NOW)).toBeNull();
  });

  it('counts whole calendar years back, 29 February falling to 28 February', () => {
    expect(yearsBefore(new Date('2024-02-29T12:00:00Z'), 1).toISOString()).toBe('2023-02-28T12:00:00.000Z');
    expect(yearsBefore(NOW, 10).toISOString()).toBe('2016-11-26T10:00:00.000Z');
  });
});
