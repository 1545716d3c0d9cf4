/**
 * Grandfather-father-son rotation of the scheduled backups: the newest backup of each of the last
 * 7 days that have one, of each of the last 4 weeks, and of each of the last 12 months. A backup may
 * be kept for several reasons at once; everything else may be deleted. Days, weeks and months are
 * counted on the Riyadh calendar (UTC+3, no daylight saving), where the desks are, and a week starts
 * on Sunday, the first working day there.
 */
export const ROTATION_LIMITS = { daily: 7, weekly: 4, monthly: 12 } as const;

export type RotationReason = keyof typeof ROTATION_LIMITS;

export type RotatedBackup = { name: string; takenAt: string };

export type RotationPlan = {
  keep: Array<{ name: string; reasons: RotationReason[] }>;
  remove: string[];
};

const RIYADH_OFFSET_MS = 3 * 3_600_000;
const MS_PER_DAY = 86_400_000;

/** The Riyadh calendar day of an instant, as days since 1970-01-01. */
function riyadhDayNumber(at: Date): number {
  return Math.floor((at.getTime() + RIYADH_OFFSET_MS) / MS_PER_DAY);
}

export function rotationBuckets(at: Date): Record<RotationReason, string> {
  const day = riyadhDayNumber(at);
  // 1970-01-01 was a Thursday: day + 4 counts from a Sunday.
  const weekStart = day - ((day + 4) % 7);
  const local = new Date(day * MS_PER_DAY);
  return {
    daily: `d${day}`,
    weekly: `w${weekStart}`,
    monthly: `m${local.getUTCFullYear()}-${local.getUTCMonth() + 1}`,
  };
}

export function planRotation(backups: readonly RotatedBackup[], limits: Record<RotationReason, number> = ROTATION_LIMITS): RotationPlan {
  const newestFirst = [...backups].sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : 0));
  const seen: Record<RotationReason, Set<string>> = { daily: new Set(), weekly: new Set(), monthly: new Set() };
  const plan: RotationPlan = { keep: [], remove: [] };
  for (const backup of newestFirst) {
    const buckets = rotationBuckets(new Date(backup.takenAt));
    const reasons: RotationReason[] = [];
    for (const reason of ['daily', 'weekly', 'monthly'] as const) {
      const bucket = buckets[reason];
      if (seen[reason].has(bucket) || seen[reason].size >= limits[reason]) continue;
      seen[reason].add(bucket);
      reasons.push(reason);
    }
    if (reasons.length > 0) plan.keep.push({ name: backup.name, reasons });
    else plan.remove.push(backup.name);
  }
  return plan;
}

/** A scheduled backup is due when none was taken on the current Riyadh day. */
export function isBackupDue(lastTakenAt: string | null, now: Date): boolean {
  return lastTakenAt === null || riyadhDayNumber(new Date(lastTakenAt)) < riyadhDayNumber(now);
}

/** Overdue: more than two days without a backup (a desk switched off for a weekend is not alarming). */
export const OVERDUE_AFTER_MS = 2 * MS_PER_DAY;

export function isBackupOverdue(lastTakenAt: string | null, now: Date): boolean {
  return lastTakenAt === null || now.getTime() - Date.parse(lastTakenAt) > OVERDUE_AFTER_MS;
}
