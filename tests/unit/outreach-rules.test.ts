import { describe, expect, it } from 'vitest';
import { anchorWindow, isDue, taskDueOn, taskKey, validSchedule } from '../../src-shared/domain/outreach-rules';

describe('outreach rule evaluation', () => {
  it('accepts schedules within each kind’s limits and refuses the rest', () => {
    expect(validSchedule('after_service', 7)).toBe(true);
    expect(validSchedule('after_service', 0)).toBe(false);
    expect(validSchedule('after_service', 2.5)).toBe(false);
    expect(validSchedule('no_contact', 90)).toBe(true);
    expect(validSchedule('no_contact', 10)).toBe(false);
    expect(validSchedule('release_approaching', 181)).toBe(false);
  });

  it('falls due N days after a service, not before', () => {
    expect(isDue('after_service', 7, '2026-03-01', '2026-03-07')).toBe(false);
    expect(isDue('after_service', 7, '2026-03-01', '2026-03-08')).toBe(true);
    expect(taskDueOn('after_service', 7, '2026-03-01', '2026-03-10')).toBe('2026-03-10');
  });

  it('falls due from N days before an expected release until the day itself', () => {
    expect(isDue('release_approaching', 30, '2026-04-15', '2026-03-15')).toBe(false);
    expect(isDue('release_approaching', 30, '2026-04-15', '2026-03-16')).toBe(true);
    expect(isDue('release_approaching', 30, '2026-04-15', '2026-04-15')).toBe(true);
    expect(isDue('release_approaching', 30, '2026-04-15', '2026-04-16')).toBe(false);
    expect(taskDueOn('release_approaching', 30, '2026-04-15', '2026-03-20')).toBe('2026-04-15');
  });

  it('falls due 90 days after the last contact', () => {
    expect(isDue('no_contact', 90, '2026-01-01', '2026-03-31')).toBe(false);
    expect(isDue('no_contact', 90, '2026-01-01', '2026-04-01')).toBe(true);
  });

  it('reads only the window of facts that can be due today', () => {
    expect(anchorWindow('after_service', 7, '2026-03-31')).toEqual({ from: '2026-02-22', to: '2026-03-24' });
    expect(anchorWindow('release_approaching', 30, '2026-03-01')).toEqual({ from: '2026-03-01', to: '2026-03-31' });
  });

  it('keys a task by rule, subject and anchor so a fact makes one task', () => {
    expect(taskKey('follow_up_7', 'abc', '2026-03-01')).toBe('follow_up_7:abc:2026-03-01');
  });
});
