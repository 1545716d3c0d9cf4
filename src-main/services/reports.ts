import type { Kysely, Transaction } from 'kysely';
import type { Dashboard, ReportFilter } from '../../src-shared/contract/reports';
import type { Database } from '../store/schema';
import { riyadhDay } from '../../src-shared/domain/committee-clock';
import { toIsoDate } from '../../src-shared/domain/calendar';
import { associationName, branchName } from '../store/reports';
import { sha256Hex, writeContentFile } from '../store/content-files';
import type { Handlers } from './handler-types';
import { requireActor, type Actor, type ServiceContext } from './context';
import { DomainError } from './domain-error';
import { buildDashboard, resolved, type FigureScope } from './reports-figures';
import { exportFile } from './reports-export';
import { renderMonthlyReport } from '../pdf/report/monthly-report';
import { systemPrinter } from './forms-printing';

/** All branches, as the cover and the dashboard name them. */
const ALL_BRANCHES = { ar: 'جميع الفروع', en: 'All branches' };

/**
 * The branch the report covers: a user of scope `own` sees their branch only (asking for another
 * is refused, not quietly narrowed); a head-office user sees the one asked for, or all of them.
 */
async function figureScope(ctx: ServiceContext, actor: Actor, filter: ReportFilter): Promise<FigureScope> {
  const period = resolved(filter);
  const today = toIsoDate(riyadhDay(ctx.now));
  if (period.from > today) throw new DomainError('VALIDATION', 'error.reportFuturePeriod', { fields: { period: 'error.reportFuturePeriod' } });
  let branchId = filter.branchId;
  if (actor.branchScope === 'own') {
    if (branchId && branchId !== actor.branchId) throw new DomainError('OUT_OF_SCOPE', 'error.reportBranchOutOfScope', { fields: { branchId: 'error.reportBranchOutOfScope' } });
    branchId = actor.branchId;
  }
  const name = branchId ? await branchName(ctx.db, branchId) : ALL_BRANCHES;
  if (name === null) throw new DomainError('NOT_FOUND', 'error.notFound', { fields: { branchId: 'error.notFound' } });
  return { period, branchId, branchName: name, service: filter.service, today };
}

/** The association's name as its policy writes it: a head office that never ran a desk's setup has no setting. */
const ASSOCIATION_NAME = 'جمعية مأمن لرعاية السجناء وأسرهم بمنطقة جازان';

/** The board report's PDF for a dashboard: the desk and the head office print through this one function. */
export async function reportPdf(db: Kysely<Database> | Transaction<Database>, dashboard: Dashboard, issuedAt: Date, issuedBy: string) {
  return renderMonthlyReport(dashboard, { associationName: (await associationName(db)) || ASSOCIATION_NAME, issuedAt: issuedAt.toISOString(), issuedBy });
}

/** Generates the month's report, keeps it under its hash beside the signed forms, and audits it. */
async function monthlyReport(ctx: ServiceContext, filter: ReportFilter) {
  const actor = requireActor(ctx);
  const dashboard = await buildDashboard(ctx.db, { ...(await figureScope(ctx, actor, filter)), compare: true });
  const { bytes, pages } = await reportPdf(ctx.db, dashboard, ctx.now, actor.displayName);
  const sha256 = sha256Hex(bytes);
  // Kept beside the signed forms under its hash: the printed report can always be found again.
  writeContentFile(ctx.store, 'forms', sha256, bytes);
  ctx.describe({ entity: 'monthly_report', entityId: null, detail: { from: dashboard.period.from, to: dashboard.period.to, branchId: dashboard.branch.id, sha256, pages } });
  const file = { fileName: `monthly-report-${dashboard.period.from}.pdf`, mimeType: 'application/pdf', sha256, pages };
  return { bytes, file, title: `التقرير الشهري — ${dashboard.branch.name} — ${dashboard.period.label}` };
}

export const reportHandlers = {
  'reports.dashboard': async (ctx, input) => {
    const actor = requireActor(ctx);
    return buildDashboard(ctx.db, { ...(await figureScope(ctx, actor, input)), compare: input.compare });
  },

  'reports.export': async (ctx, input) => {
    const actor = requireActor(ctx);
    const dashboard = await buildDashboard(ctx.db, await figureScope(ctx, actor, input));
    return exportFile(dashboard, input.table, input.format);
  },

  'reports.monthlyPdf': async (ctx, input) => {
    const { bytes, file } = await monthlyReport(ctx, input);
    return { ...file, base64: bytes.toString('base64') };
  },

  'reports.printMonthly': async (ctx, input) => {
    const { bytes, file, title } = await monthlyReport(ctx, input);
    const printer = systemPrinter();
    // The dialog must not hold the write transaction open: it is shown once this call has returned.
    if (printer) {
      setImmediate(() => void printer(bytes, title));
      return { via: 'system' as const, file: null };
    }
    return { via: 'browser' as const, file: { ...file, base64: bytes.toString('base64') } };
  },
} satisfies Partial<Handlers>;
