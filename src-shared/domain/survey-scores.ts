/**
 * The satisfaction survey of policy step 7: how satisfied (CSAT, 1–5, shown as faces), how likely to
 * recommend the association (NPS-style, 0–10), and free text. Scores are for improving the service:
 * results are aggregated by service, branch and channel; a member of staff sees their own results
 * beside the team's average, never a ranking of named colleagues.
 */
export const SURVEY_SERVICES = ['reception_visit', 'phone_call', 'delivery', 'research_visit'] as const;
export type SurveyService = (typeof SURVEY_SERVICES)[number];

export const SURVEY_CHANNELS = ['kiosk', 'phone', 'qr'] as const;
export type SurveyChannel = (typeof SURVEY_CHANNELS)[number];

export const CSAT_MIN = 1;
export const CSAT_MAX = 5;
export const NPS_MIN = 0;
export const NPS_MAX = 10;

/** A score of 1 or 2 is a visitor we let down: a supervisor follows it up. */
export function needsFollowUp(csat: number): boolean {
  return csat <= 2;
}

/** A supervisor calls a disappointed visitor back within three days. */
export const FOLLOW_UP_DAYS = 3;

export type ScoreRow = { csat: number; nps: number | null };

export type ScoreSummary = {
  responses: number;
  /** Mean CSAT, one decimal; null without responses. */
  csatAverage: number | null;
  /** Share (0–100, whole percent) answering 4 or 5. */
  satisfiedPercent: number | null;
  /** Promoters (9–10) minus detractors (0–6), in percent of NPS answers; null without any. */
  nps: number | null;
  npsResponses: number;
};

const round1 = (value: number) => Math.round(value * 10) / 10;

export function summarise(rows: readonly ScoreRow[]): ScoreSummary {
  const responses = rows.length;
  if (responses === 0) return { responses: 0, csatAverage: null, satisfiedPercent: null, nps: null, npsResponses: 0 };
  const csatTotal = rows.reduce((sum, r) => sum + r.csat, 0);
  const satisfied = rows.filter((r) => r.csat >= 4).length;
  const npsScores = rows.map((r) => r.nps).filter((n): n is number => n !== null);
  const promoters = npsScores.filter((n) => n >= 9).length;
  const detractors = npsScores.filter((n) => n <= 6).length;
  return {
    responses,
    csatAverage: round1(csatTotal / responses),
    satisfiedPercent: Math.round((satisfied / responses) * 100),
    nps: npsScores.length === 0 ? null : Math.round(((promoters - detractors) / npsScores.length) * 100),
    npsResponses: npsScores.length,
  };
}

/** Summaries per value of `key` (a service, a branch, a channel, a month), in first-seen order. */
export function summariseBy<T extends ScoreRow>(rows: readonly T[], key: (row: T) => string): Array<{ key: string } & ScoreSummary> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return [...groups.entries()].map(([k, group]) => ({ key: k, ...summarise(group) }));
}

/**
 * Below this many answers a person's figures are not shown on their own: with two or three
 * answers a single visitor could be recognised, and the figure says little.
 */
export const MIN_RESPONSES_TO_SHOW = 3;
