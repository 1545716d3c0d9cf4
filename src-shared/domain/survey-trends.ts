import { summarise, type ScoreRow, type ScoreSummary } from './survey-scores';

/**
 * Satisfaction over time: answers grouped by week or month (as lived in Riyadh) and, within a
 * grouping (service, branch, channel), one line per group. No grouping names a member of staff: a
 * person sees their own line beside the team's, never a colleague's.
 */
export const TREND_GRANULARITIES = ['week', 'month'] as const;
export type TrendGranularity = (typeof TREND_GRANULARITIES)[number];

/** `mine` (anyone: own line and the team's) or one of the supervisors' groupings. */
export const TREND_VIEWS = ['mine', 'all', 'service', 'branch', 'channel'] as const;
export type TrendView = (typeof TREND_VIEWS)[number];

const RIYADH_OFFSET_MS = 3 * 3_600_000;
const MS_PER_DAY = 86_400_000;

/** The period an answer falls in: 'YYYY-MM', or the Sunday (ISO day) its Sunday-to-Saturday week starts on. */
export function trendPeriod(answeredAt: string, granularity: TrendGranularity): string {
  const riyadh = new Date(Date.parse(answeredAt) + RIYADH_OFFSET_MS);
  if (granularity === 'month') return riyadh.toISOString().slice(0, 7);
  const day = Date.UTC(riyadh.getUTCFullYear(), riyadh.getUTCMonth(), riyadh.getUTCDate());
  return new Date(day - riyadh.getUTCDay() * MS_PER_DAY).toISOString().slice(0, 10);
}

export type TrendPoint = { period: string } & Pick<ScoreSummary, 'responses' | 'csatAverage' | 'nps'>;
export type TrendLine = { key: string; points: TrendPoint[] };

/** Every period with an answer, in order, shared by all lines so they line up on one axis. */
export function trendPeriods(rows: ReadonlyArray<{ answered_at: string }>, granularity: TrendGranularity): string[] {
  return [...new Set(rows.map((r) => trendPeriod(r.answered_at, granularity)))].sort();
}

/** One line per value of `key` (first-seen order), one point per period it has answers in. */
export function trendLines<T extends ScoreRow & { answered_at: string }>(rows: readonly T[], key: (row: T) => string, granularity: TrendGranularity): TrendLine[] {
  const lines = new Map<string, Map<string, T[]>>();
  for (const row of rows) {
    const k = key(row);
    const period = trendPeriod(row.answered_at, granularity);
    const line = lines.get(k) ?? new Map<string, T[]>();
    lines.set(k, line);
    line.set(period, [...(line.get(period) ?? []), row]);
  }
  return [...lines.entries()].map(([k, periods]) => ({
    key: k,
    points: [...periods.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([period, group]) => {
      const { responses, csatAverage, nps } = summarise(group);
      return { period, responses, csatAverage, nps };
    }),
  }));
}
