import { describe, expect, it } from 'vitest';
import { isBackupDue, isBackupOverdue, planRotation, rotationBuckets } from '../../src-shared/domain/backup-rotation';

/** One backup a day at 02:00 Riyadh (23:00 UTC the evening before), for `days` days ending on `last`. */
function dailyBackups(last: string, days: number) {
  const end = Date.parse(`${last}T23:00:00Z`);
  return Array.from({ length: days }, (_, i) => {
    const takenAt = new Date(end - i * 86_400_000).toISOString();
    return { name: `b-${takenAt}`, takenAt };
  });
}

describe('grandfather-father-son rotation', () => {
  it('keeps a year of daily backups down to 7 daily, 4 weekly and 12 monthly ones', () => {
    const backups = dailyBackups('2026-11-25', 400);
    const plan = planRotation(backups);
    const byReason = (r: string) => plan.keep.filter((k) => k.reasons.includes(r as never)).map((k) => k.name);
    expect(byReason('daily')).toEqual(backups.slice(0, 7).map((b) => b.name));
    expect(byReason('weekly')).toHaveLength(4);
    expect(byReason('monthly')).toHaveLength(12);
    // The newest backup counts for its day, its week and its month at once.
    expect(plan.keep[0]).toEqual({ name: backups[0]!.name, reasons: ['daily', 'weekly', 'monthly'] });
    expect(plan.keep.length + plan.remove.length).toBe(400);
    expect(plan.keep.length).toBeLessThanOrEqual(7 + 4 + 12);
    expect(plan.keep.length).toBeGreaterThan(12);
  });

  it('keeps the newest backup of a day and removes the earlier ones of the same day', () => {
    const plan = planRotation([
      { name: 'morning', takenAt: '2026-11-25T06:00:00Z' },
      { name: 'evening', takenAt: '2026-11-25T17:00:00Z' },
    ]);
    expect(plan.keep.map((k) => k.name)).toEqual(['evening']);
    expect(plan.remove).toEqual(['morning']);
  });

  it('keeps the last backup of each month as the monthly one', () => {
    const plan = planRotation(dailyBackups('2026-11-25', 120));
    const monthly = plan.keep.filter((k) => k.reasons.includes('monthly')).map((k) => k.name.slice(2, 12));
    // 23:00 UTC is 02:00 the next day in Riyadh: the last backup of October (Riyadh) was taken 2026-10-30T23:00Z.
    expect(monthly).toEqual(['2026-11-25', '2026-10-30', '2026-09-29', '2026-08-30', '2026-07-30']);
  });

  it('counts days on the Riyadh calendar, not UTC', () => {
    expect(rotationBuckets(new Date('2026-11-25T20:59:00Z')).daily).not.toBe(rotationBuckets(new Date('2026-11-25T21:01:00Z')).daily);
    expect(rotationBuckets(new Date('2026-11-25T21:01:00Z')).daily).toBe(rotationBuckets(new Date('2026-11-26T20:00:00Z')).daily);
  });

  it('starts a week on Sunday', () => {
    // 2026-11-21 is a Saturday, 2026-11-22 a Sunday (noon in Riyadh).
    expect(rotationBuckets(new Date('2026-11-21T09:00:00Z')).weekly).not.toBe(rotationBuckets(new Date('2026-11-22T09:00:00Z')).weekly);
    expect(rotationBuckets(new Date('2026-11-22T09:00:00Z')).weekly).toBe(rotationBuckets(new Date('2026-11-28T09:00:00Z')).weekly);
  });

  it('keeps everything while there are fewer backups than the limits', () => {
    const plan = planRotation(dailyBackups('2026-11-25', 5));
    expect(plan.remove).toEqual([]);
    expect(plan.keep).toHaveLength(5);
  });

  it('says a backup is due once per Riyadh day and overdue after two days without one', () => {
    expect(isBackupDue(null, new Date('2026-11-25T10:00:00Z'))).toBe(true);
    expect(isBackupDue('2026-11-25T08:00:00Z', new Date('2026-11-25T10:00:00Z'))).toBe(false);
    expect(isBackupDue('2026-11-25T08:00:00Z', new Date('2026-11-25T21:30:00Z'))).toBe(true);
    expect(isBackupOverdue('2026-11-23T08:00:00Z', new Date('2026-11-25T07:00:00Z'))).toBe(false);
    expect(isBackupOverdue('2026-11-23T08:00:00Z', new Date('2026-11-25T09:00:00Z'))).toBe(true);
    expect(isBackupOverdue(null, new Date())).toBe(true);
  });
});
