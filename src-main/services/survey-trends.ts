import { SUPERVISOR_ROLES } from '../../src-shared/contract/surveys';
import { MIN_RESPONSES_TO_SHOW } from '../../src-shared/domain/survey-scores';
import { trendLines, trendPeriods, type TrendLine } from '../../src-shared/domain/survey-trends';
import { listScores, type ScoreRowWithKeys } from '../store/surveys';
import type { Handlers } from './handler-types';
import { requireActor, scopedBranch } from './context';
import { DomainError } from './domain-error';

const GROUPINGS: Readonly<Record<'all' | 'service' | 'branch' | 'channel', (row: ScoreRowWithKeys) => string>> = {
  all: () => 'all',
  service: (row) => row.service,
  branch: (row) => row.branch_id,
  channel: (row) => row.channel,
};

export const surveyTrendHandlers = {
  'surveys.trends': async (ctx, input) => {
    const actor = requireActor(ctx);
    const period = { from: input.from, to: input.to };
    if (input.view === 'mine') {
      // The caller's own line (once there are enough answers that no visitor can be recognised) beside the team's.
      const team = await listScores(ctx.db, { ...period, branchId: actor.branchId });
      const mine = team.filter((r) => r.staff_id === actor.id);
      const lines: TrendLine[] = [
        ...(mine.length >= MIN_RESPONSES_TO_SHOW ? trendLines(mine, () => 'mine', input.granularity) : []),
        ...trendLines(team, () => 'team', input.granularity),
      ];
      return { periods: trendPeriods(team, input.granularity), lines: lines.map((l) => ({ ...l, label: null })) };
    }
    if (!SUPERVISOR_ROLES.includes(actor.role)) throw new DomainError('FORBIDDEN', 'error.forbidden');
    const rows = await listScores(ctx.db, { ...period, branchId: scopedBranch(actor) });
    const branchNames = new Map(rows.map((r) => [r.branch_id, r.branch_name]));
    return {
      periods: trendPeriods(rows, input.granularity),
      lines: trendLines(rows, GROUPINGS[input.view], input.granularity).map((l) => ({ ...l, label: input.view === 'branch' ? (branchNames.get(l.key) ?? null) : null })),
    };
  },
} satisfies Partial<Handlers>;
