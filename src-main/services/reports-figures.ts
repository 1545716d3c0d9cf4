import type { Dashboard, Headline, ReportFilter } from '../../src-shared/contract/reports';
import { CONTACT_CHANNEL_CODES } from '../../src-shared/domain/contact-channels';
import { daysBetween, percentiles, periodInstants, previousPeriod, resolvePeriod, sameMonthLastYear, type ResolvedPeriod } from '../../src-shared/domain/report-period';
import { GREGORIAN_MONTH_NAMES_AR, GREGORIAN_MONTH_NAMES_EN, HIJRI_MONTH_NAMES_AR, HIJRI_MONTH_NAMES_EN, reportLabel, type ReportLabelGroup } from '../../src-shared/domain/report-labels';
import type { LocalisedName } from '../../src-shared/domain/contact-channels';
import { summarise, summariseBy } from '../../src-shared/domain/survey-scores';
import { toLatinDigits } from '../../src-shared/domain/digits';
import { formatGregorian, formatHijri } from '../../src-shared/domain/calendar';
import * as q from '../store/reports';
import type { Database } from '../store/schema';
import type { Kysely, Transaction } from 'kysely';

/**
 * Builds the dashboard from the store for a resolved period and branch. The dashboard, its exports
 * and the monthly PDF all come from this one function, so their figures cannot disagree.
 */
type Db = Kysely<Database> | Transaction<Database>;

export function periodLabel(period: ResolvedPeriod, locale: 'ar' | 'en' = 'ar'): string {
  const c = period.choice;
  const en = locale === 'en';
  if (c.kind === 'hijri_month') return en ? `${HIJRI_MONTH_NAMES_EN[c.month - 1] ?? c.month} ${c.year} AH` : `${HIJRI_MONTH_NAMES_AR[c.month - 1] ?? c.month} ${c.year}هـ`;
  if (c.kind === 'gregorian_month') return en ? `${GREGORIAN_MONTH_NAMES_EN[c.month - 1] ?? c.month} ${c.year}` : `${GREGORIAN_MONTH_NAMES_AR[c.month - 1] ?? c.month} ${c.year}م`;
  return `${c.from} — ${c.to}`;
}

/** A stored code with its names in both languages: the screen shows the one of its language. */
function named(group: ReportLabelGroup, code: string) {
  return { label: reportLabel(group, code), labelEn: reportLabel(group, code, 'en') };
}

/** "1 رجب 1447هـ – 30 رجب 1447هـ (21 ديسمبر 2025م – 19 يناير 2026م)" with Latin digits, as the PDF prints figures. */
export function gregorianRange(period: ResolvedPeriod, locale: 'ar' | 'en' = 'ar'): string {
  return toLatinDigits(`${formatGregorian(period.from, locale)} – ${formatGregorian(period.to, locale)}`);
}

export function hijriRange(period: ResolvedPeriod): string {
  return toLatinDigits(`${formatHijri(period.from, 'ar')} – ${formatHijri(period.to, 'ar')}`);
}

function scopeOf(period: ResolvedPeriod, branchId: string | null, service: string | null): q.ReportScope {
  const { start, end } = periodInstants(period);
  return { fromDay: period.from, toDay: period.to, start, end, branchId, service };
}

const percent = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 100));

function counted<T extends { count: number }>(rows: T[], key: (r: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) out.set(key(r), (out.get(key(r)) ?? 0) + r.count);
  return out;
}

type HeadlineRows = {
  perDay: Array<{ tickets: number }>;
  visitors: number;
  newBeneficiaries: number;
  requests: Array<{ count: number }>;
  decisions: Array<{ count: number }>;
  deliveries: { count: number; amount: number };
  contacts: Array<{ count: number }>;
  complaints: { opened: number };
  answers: Array<{ csat: number; nps: number | null }>;
};

async function headlineOf(db: Db, s: q.ReportScope): Promise<Headline> {
  const [perDay, visitors, newBeneficiaries, requests, decisions, deliveries, contacts, complaints, answers] = await Promise.all([
    q.ticketsPerDay(db, s), q.distinctVisitors(db, s), q.newBeneficiaries(db, s), q.requestsByTypeAndState(db, s), q.decisionsByOutcome(db, s),
    q.deliveries(db, s), q.contactsPerChannel(db, s), q.complaints(db, s), q.surveyAnswers(db, s),
  ]);
  return headlineFrom({ perDay, visitors, newBeneficiaries, requests, decisions, deliveries, contacts, complaints, answers });
}

function headlineFrom({ perDay, visitors, newBeneficiaries, requests, decisions, deliveries, contacts, complaints, answers }: HeadlineRows): Headline {
  return {
    tickets: perDay.reduce((sum, d) => sum + d.tickets, 0),
    visitors,
    newBeneficiaries,
    requests: requests.reduce((sum, r) => sum + r.count, 0),
    decisions: decisions.reduce((sum, d) => sum + d.count, 0),
    deliveries: deliveries.count,
    deliveryAmount: deliveries.amount,
    contacts: contacts.reduce((sum, c) => sum + c.count, 0),
    complaintsOpened: complaints.opened,
    csatAverage: summarise(answers).csatAverage,
  };
}

export type FigureScope = {
  period: ResolvedPeriod;
  branchId: string | null;
  branchName: LocalisedName;
  service: string | null;
  today: string;
  /** Read the month before and the same month last year too (the PDF does; the screen does not need them). */
  compare?: boolean;
};

export async function buildDashboard(db: Db, scope: FigureScope): Promise<Dashboard> {
  const s = scopeOf(scope.period, scope.branchId, scope.service);
  // Overdue is a state at a moment: the end of the period, or today for the running month.
  const asOf = scope.period.to < scope.today ? scope.period.to : scope.today;
  const [perDay, visitors, newBeneficiaries, times, requests, decisions, overdue, deliveries, answers, contacts, outreach, complaints] = await Promise.all([
    q.ticketsPerDay(db, s), q.distinctVisitors(db, s), q.newBeneficiaries(db, s), q.ticketTimes(db, s), q.requestsByTypeAndState(db, s), q.decisionsByOutcome(db, s),
    q.overdueRequests(db, s, asOf), q.deliveries(db, s), q.surveyAnswers(db, s), q.contactsPerChannel(db, s), q.outreach(db, s), q.complaints(db, s),
  ]);
  // The headline of this period from the rows just read (the comparisons read theirs with headlineOf).
  const headline = headlineFrom({ perDay, visitors, newBeneficiaries, requests, decisions, deliveries, contacts, complaints, answers });
  const wait = percentiles(times.map((t) => t.wait_seconds).filter((v): v is number => v !== null));
  const service = percentiles(times.map((t) => t.service_seconds).filter((v): v is number => v !== null));
  const byType = counted(requests, (r) => r.typeCode);
  const typeNames = new Map(requests.map((r) => [r.typeCode, r.typeName]));
  const byState = counted(requests, (r) => r.state);
  // Answered within the clock: decided on or before the due day the request was given when submitted.
  const withinClock = decisions.reduce((sum, d) => sum + d.within, 0);
  const channels = counted(contacts, (c) => c.channel);
  const groups = (key: (r: (typeof answers)[number]) => string, label: (code: string) => { label: string; labelEn: string }) =>
    summariseBy(answers, key).map((g) => ({ ...g, ...label(g.key) }));
  const branchNames = new Map(answers.map((a) => [a.branch_id, { label: a.branch_name, labelEn: a.branch_name_en ?? a.branch_name }]));
  const compare = async (other: ResolvedPeriod | null) =>
    other ? { ...(await headlineOf(db, scopeOf(other, scope.branchId, scope.service))), label: periodLabel(other), labelEn: periodLabel(other, 'en') } : null;
  return {
    period: {
      from: scope.period.from,
      to: scope.period.to,
      label: periodLabel(scope.period),
      labelEn: periodLabel(scope.period, 'en'),
      gregorianLabel: gregorianRange(scope.period),
      gregorianLabelEn: gregorianRange(scope.period, 'en'),
    },
    branch: { id: scope.branchId, name: scope.branchName.ar, nameEn: scope.branchName.en },
    service: scope.service,
    headline,
    tickets: { total: headline.tickets, served: perDay.reduce((sum, d) => sum + d.served, 0), visitors: headline.visitors, perDay },
    times: { served: times.length, waitMedian: wait.median, waitP90: wait.p90, serviceMedian: service.median, serviceP90: service.p90 },
    requests: {
      total: headline.requests,
      byType: [...byType].map(([code, count]) => ({ code, label: typeNames.get(code)?.ar ?? code, labelEn: typeNames.get(code)?.en ?? code, count })),
      byState: [...byState].map(([code, count]) => ({ code, ...named('requestState', code), count })),
    },
    decisions: {
      total: headline.decisions,
      byOutcome: decisions.map((d) => ({ code: d.outcome, ...named('decisionOutcome', d.outcome), count: d.count })),
      withinClock,
      withinClockPercent: percent(withinClock, headline.decisions),
      acceptedAmount: decisions.filter((d) => d.outcome === 'accepted').reduce((sum, d) => sum + d.amount, 0),
    },
    overdue: {
      asOf,
      count: overdue.length,
      items: overdue.map((r) => ({
        // The reference the request carries on its printed forms: never the beneficiary's name.
        reference: r.id.slice(-8).toUpperCase(),
        type: r.type_name ?? r.request_type_code,
        typeEn: r.type_name_en ?? r.request_type_code,
        state: reportLabel('requestState', r.state),
        stateEn: reportLabel('requestState', r.state, 'en'),
        branch: r.branch_name,
        branchEn: r.branch_name_en ?? r.branch_name,
        submittedAt: r.submitted_at,
        dueDate: r.due_date ?? asOf,
        daysOverdue: r.due_date ? daysBetween(r.due_date, asOf) : 0,
      })),
    },
    deliveries,
    satisfaction: {
      overall: summarise(answers),
      byService: groups((a) => a.service, (c) => named('surveyService', c)),
      byChannel: groups((a) => a.channel, (c) => named('surveyChannel', c)),
      byBranch: groups((a) => a.branch_id, (c) => branchNames.get(c) ?? { label: c, labelEn: c }),
    },
    contacts: {
      total: headline.contacts,
      byChannel: CONTACT_CHANNEL_CODES.map((code) => ({ code, ...named('contactChannel', code), count: channels.get(code) ?? 0 })),
    },
    outreach: { ...outreach, donePercent: percent(outreach.done, outreach.due) },
    complaints,
    comparison: scope.compare
      ? { previous: await compare(previousPeriod(scope.period)), lastYear: await compare(sameMonthLastYear(scope.period)) }
      : { previous: null, lastYear: null },
  };
}

export function resolved(filter: ReportFilter): ResolvedPeriod {
  const period = resolvePeriod(filter.period);
  // The contract refused an impossible period already.
  if (!period) throw new Error('The contract should have refused this period.');
  return period;
}
