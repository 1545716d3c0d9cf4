import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ReportFilter } from '../../src-shared/contract/reports';
import { riyadhDay } from '../../src-shared/domain/committee-clock';
import { toIsoDate } from '../../src-shared/domain/calendar';
import { localise, type MessageKey } from '../../src-shared/i18n/error-messages';
import { buildDashboard, resolved } from '../services/reports-figures';
import { exportFile } from '../services/reports-export';
import { reportPdf } from '../services/reports';
import { branchName } from '../store/reports';
import type { HeadOfficeStore } from './store';

/**
 * The association's report at head office: the same dashboard, exports and monthly PDF as a desk
 * produces (one code path: reports-figures, reports-export, the monthly-report layout), read from
 * the head-office store, which holds every branch's synced records — SQLite or PostgreSQL alike.
 * Admin token only; figures and the overdue list by reference carry no personal data.
 */
type Query = Record<string, string | undefined>;
const ALL_BRANCHES = { ar: 'جميع الفروع', en: 'All branches' };

function filterOf(query: Query) {
  const period =
    query.kind === 'range'
      ? { kind: 'range', from: query.from, to: query.to }
      : { kind: query.kind, year: Number(query.year), month: Number(query.month) };
  return ReportFilter.safeParse({ period, branchId: query.branchId || null, service: query.service || null });
}

function refuse(reply: FastifyReply, status: number, error: string, key: MessageKey) {
  const message = localise(key, { field: 'period' });
  return reply.code(status).send({ error, message: message.ar, messageEn: message.en });
}

export function registerReportRoutes(app: FastifyInstance, store: HeadOfficeStore, isAdmin: (request: FastifyRequest) => boolean, now: () => Date): void {
  async function dashboardFor(request: FastifyRequest<{ Querystring: Query }>, reply: FastifyReply, compare: boolean) {
    if (!isAdmin(request)) return refuse(reply, 401, 'unauthenticated', 'error.unauthenticated');
    const filter = filterOf(request.query);
    if (!filter.success) return refuse(reply, 400, 'invalid_period', 'validation.reportPeriod');
    const period = resolved(filter.data);
    const today = toIsoDate(riyadhDay(now()));
    if (period.from > today) return refuse(reply, 400, 'future_period', 'error.reportFuturePeriod');
    const name = filter.data.branchId ? await branchName(store.db, filter.data.branchId) : ALL_BRANCHES;
    if (!name) return refuse(reply, 404, 'unknown_branch', 'error.notFound');
    return buildDashboard(store.db, { period, branchId: filter.data.branchId, branchName: name, service: filter.data.service, today, compare });
  }

  app.get<{ Querystring: Query }>('/admin/reports/dashboard', async (request, reply) => dashboardFor(request, reply, request.query.compare === '1'));

  app.get<{ Querystring: Query }>('/admin/reports/monthly.pdf', async (request, reply) => {
    const dashboard = await dashboardFor(request, reply, true);
    if (!dashboard || !('period' in dashboard)) return reply;
    const { bytes, pages } = await reportPdf(store.db, dashboard, now(), 'المقر الرئيسي');
    request.log.info({ from: dashboard.period.from, to: dashboard.period.to, branchId: dashboard.branch.id, pages }, 'association report generated');
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="monthly-report-${dashboard.period.from}.pdf"`)
      .send(bytes);
  });

  app.get<{ Querystring: Query }>('/admin/reports/export.xlsx', async (request, reply) => {
    const dashboard = await dashboardFor(request, reply, false);
    if (!dashboard || !('period' in dashboard)) return reply;
    const file = await exportFile(dashboard, 'all', 'xlsx');
    return reply.type(file.mimeType).header('content-disposition', `attachment; filename="${file.fileName}"`).send(Buffer.from(file.base64, 'base64'));
  });
}
