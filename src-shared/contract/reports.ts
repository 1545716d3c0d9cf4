import { z } from 'zod';
import { resolvePeriod, type PeriodChoice } from '../domain/report-period';
import { QUEUE_SERVICE_CODES } from '../domain/queue-services';
import type { Role } from '../domain/roles';
import { defineMethod } from './define';
import { Id } from './common';
import { ScoreSummary } from './surveys';

/** The managers' dashboard, its exports and the monthly board report. */

/** Managers and admins; the committee reads the dashboard (its own decisions are in it) but prints nothing. */
export const REPORT_READERS: readonly Role[] = ['manager', 'admin', 'committee'];
export const REPORT_WRITERS: readonly Role[] = ['manager', 'admin'];

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' });
const MonthNumber = z.number({ error: 'validation.reportPeriod' }).int({ error: 'validation.reportPeriod' });

export const PeriodInput = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('hijri_month'), year: MonthNumber, month: MonthNumber }),
    z.object({ kind: z.literal('gregorian_month'), year: MonthNumber, month: MonthNumber }),
    z.object({ kind: z.literal('range'), from: IsoDay, to: IsoDay }),
  ], { error: 'validation.reportPeriod' })
  .refine((choice: PeriodChoice) => resolvePeriod(choice) !== null, { error: 'validation.reportPeriod' });

export const ReportFilter = z.object({
  period: PeriodInput,
  /** null: the user's own branch when their scope is `own`, every branch when it is `all`. */
  branchId: Id.nullish().transform((v) => v ?? null),
  /** A queue service: narrows the visitor, ticket and time figures. */
  service: z.enum(QUEUE_SERVICE_CODES, { error: 'validation.invalidChoice' }).nullish().transform((v) => v ?? null),
});
export type ReportFilter = z.infer<typeof ReportFilter>;

const Count = z.number().int();
const Seconds = z.number().nullable();
/** Server-named rows carry both names (`label` Arabic, `labelEn` English): exports and the PDF use the Arabic. */
const Labelled = z.object({ code: z.string(), label: z.string(), labelEn: z.string(), count: z.number().int() });
const Group = ScoreSummary.extend({ key: z.string(), label: z.string(), labelEn: z.string() });

/** The figures compared month to month (cover and executive summary of the PDF). */
export const Headline = z.object({
  tickets: Count,
  visitors: Count,
  newBeneficiaries: Count,
  requests: Count,
  decisions: Count,
  deliveries: Count,
  deliveryAmount: z.number(),
  contacts: Count,
  complaintsOpened: Count,
  csatAverage: z.number().nullable(),
});
export type Headline = z.infer<typeof Headline>;

export const Dashboard = z.object({
  period: z.object({ from: IsoDay, to: IsoDay, label: z.string(), labelEn: z.string(), gregorianLabel: z.string(), gregorianLabelEn: z.string() }),
  branch: z.object({ id: Id.nullable(), name: z.string(), nameEn: z.string() }),
  service: z.string().nullable(),
  headline: Headline,
  tickets: z.object({ total: Count, served: Count, visitors: Count, perDay: z.array(z.object({ day: IsoDay, tickets: Count, served: Count, visitors: Count })) }),
  times: z.object({ served: Count, waitMedian: Seconds, waitP90: Seconds, serviceMedian: Seconds, serviceP90: Seconds }),
  requests: z.object({
    total: Count,
    byType: z.array(Labelled),
    byState: z.array(Labelled),
  }),
  decisions: z.object({
    total: Count,
    byOutcome: z.array(Labelled),
    withinClock: Count,
    withinClockPercent: z.number().int().nullable(),
    acceptedAmount: z.number(),
  }),
  overdue: z.object({
    asOf: IsoDay,
    count: Count,
    items: z.array(z.object({ reference: z.string(), type: z.string(), typeEn: z.string(), state: z.string(), stateEn: z.string(), branch: z.string(), branchEn: z.string(), submittedAt: z.string().nullable(), dueDate: IsoDay, daysOverdue: Count })),
  }),
  deliveries: z.object({ count: Count, amount: z.number() }),
  satisfaction: z.object({ overall: ScoreSummary, byService: z.array(Group), byChannel: z.array(Group), byBranch: z.array(Group) }),
  contacts: z.object({ total: Count, byChannel: z.array(Labelled) }),
  outreach: z.object({ due: Count, done: Count, donePercent: z.number().int().nullable() }),
  complaints: z.object({ opened: Count, closed: Count }),
  /** null when not asked for (or, for a custom range, when there is no such earlier period). */
  comparison: z.object({ previous: Headline.extend({ label: z.string(), labelEn: z.string() }).nullable(), lastYear: Headline.extend({ label: z.string(), labelEn: z.string() }).nullable() }),
});
export type Dashboard = z.infer<typeof Dashboard>;

/** The tables a user can take away: aggregates only, plus the overdue list by reference (no names). */
export const REPORT_TABLES = ['summary', 'tickets_per_day', 'requests', 'decisions', 'overdue', 'satisfaction', 'contacts'] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];

const ReportFile = z.object({ base64: z.string(), fileName: z.string(), mimeType: z.string() });
const MonthlyReportFile = ReportFile.extend({ sha256: z.string(), pages: Count });

export const reportMethods = {
  /** `compare` adds the month before and the same month last year (three times the reading; the PDF always has them). */
  'reports.dashboard': defineMethod({ input: ReportFilter.extend({ compare: z.boolean().default(false) }), output: Dashboard, access: REPORT_READERS, writes: false }),
  /** One table as CSV (UTF-8 with BOM) or XLSX; `all` gives a workbook with a sheet per table (XLSX only). */
  'reports.export': defineMethod({
    input: ReportFilter.extend({
      table: z.enum([...REPORT_TABLES, 'all'], { error: 'validation.invalidChoice' }),
      format: z.enum(['csv', 'xlsx'], { error: 'validation.invalidChoice' }),
    }).refine((v) => !(v.table === 'all' && v.format === 'csv'), { error: 'validation.invalidChoice', path: ['format'] }),
    output: ReportFile,
    access: REPORT_READERS,
    writes: false,
  }),
  /** The month's board report: generated, kept under its content hash, returned for saving or printing. */
  'reports.monthlyPdf': defineMethod({
    input: ReportFilter,
    output: MonthlyReportFile,
    access: REPORT_WRITERS,
    writes: true,
  }),
  /** The same report sent to the system print dialog in the desktop app; elsewhere handed back for the browser's viewer. */
  'reports.printMonthly': defineMethod({
    input: ReportFilter,
    output: z.object({ via: z.enum(['system', 'browser']), file: MonthlyReportFile.nullable() }),
    access: REPORT_WRITERS,
    writes: true,
  }),
};
