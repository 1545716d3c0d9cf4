import type { Dashboard, ReportTable } from '../contract/reports';
import { formatGregorian, formatHijri } from './calendar';
import { toLatinDigits } from './digits';

/**
 * Every dashboard table as rows with Arabic headers: the exports and the PDF tables read these, so a
 * figure is written the same way everywhere. Days carry both calendars; no table holds a name.
 */
export type Cell = string | number | null;
export type ReportTableData = { key: ReportTable; title: string; headers: string[]; rows: Cell[][] };

const hijri = (day: string) => toLatinDigits(formatHijri(day, 'ar'));
const gregorian = (day: string) => toLatinDigits(formatGregorian(day, 'ar'));
const minutes = (seconds: number | null): number | null => (seconds === null ? null : Math.round((seconds / 60) * 10) / 10);

export function summaryTable(d: Dashboard): ReportTableData {
  const rows: Cell[][] = [
    ['التذاكر', d.tickets.total],
    ['التذاكر المخدومة', d.tickets.served],
    ['الزوار (مستفيدون مختلفون)', d.tickets.visitors],
    ['وسيط الانتظار (دقيقة)', minutes(d.times.waitMedian)],
    ['الانتظار عند 90٪ (دقيقة)', minutes(d.times.waitP90)],
    ['وسيط مدة الخدمة (دقيقة)', minutes(d.times.serviceMedian)],
    ['مدة الخدمة عند 90٪ (دقيقة)', minutes(d.times.serviceP90)],
    ['المستفيدون الجدد', d.headline.newBeneficiaries],
    ['طلبات الدعم', d.requests.total],
    ['قرارات اللجنة', d.decisions.total],
    ['نسبة القرارات خلال المهلة (٪)', d.decisions.withinClockPercent],
    ['الطلبات المتأخرة', d.overdue.count],
    ['التسليمات', d.deliveries.count],
    ['مبالغ التسليمات (ريال)', d.deliveries.amount],
    ['متوسط الرضا (من 5)', d.satisfaction.overall.csatAverage],
    ['صافي نقاط الترويج', d.satisfaction.overall.nps],
    ['التواصل مع المستفيدين', d.contacts.total],
    ['اتصالات المبادرة المستحقة', d.outreach.due],
    ['اتصالات المبادرة المنجزة', d.outreach.done],
    ['الشكاوى المستلمة', d.complaints.opened],
    ['الشكاوى المغلقة', d.complaints.closed],
  ];
  return { key: 'summary', title: 'ملخص المؤشرات', headers: ['المؤشر', 'القيمة'], rows };
}

export function reportTables(d: Dashboard): ReportTableData[] {
  return [
    summaryTable(d),
    {
      key: 'tickets_per_day',
      title: 'الزوار والتذاكر يوميًا',
      headers: ['التاريخ الهجري', 'التاريخ الميلادي', 'التذاكر', 'المخدومة', 'الزوار'],
      rows: d.tickets.perDay.map((r) => [hijri(r.day), gregorian(r.day), r.tickets, r.served, r.visitors]),
    },
    {
      key: 'requests',
      title: 'طلبات الدعم حسب النوع والحالة',
      headers: ['التصنيف', 'البند', 'العدد'],
      rows: [...d.requests.byType.map((r) => ['النوع', r.label, r.count]), ...d.requests.byState.map((r) => ['الحالة', r.label, r.count])],
    },
    {
      key: 'decisions',
      title: 'قرارات لجنة البحث',
      headers: ['القرار', 'العدد'],
      rows: [...d.decisions.byOutcome.map((r) => [r.label, r.count]), ['خلال مهلة 14 يومًا', d.decisions.withinClock], ['المبالغ المعتمدة (ريال)', d.decisions.acceptedAmount]],
    },
    {
      key: 'overdue',
      title: 'الطلبات المتأخرة لدى اللجنة',
      headers: ['المرجع', 'نوع الطلب', 'الحالة', 'الفرع', 'الاستحقاق (هجري)', 'الاستحقاق (ميلادي)', 'أيام التأخير'],
      rows: d.overdue.items.map((r) => [r.reference, r.type, r.state, r.branch, hijri(r.dueDate), gregorian(r.dueDate), r.daysOverdue]),
    },
    {
      key: 'satisfaction',
      title: 'رضا المستفيدين',
      headers: ['التصنيف', 'البند', 'الإجابات', 'متوسط الرضا', 'نسبة الراضين (٪)', 'صافي الترويج'],
      rows: [
        ['الإجمالي', 'جميع الإجابات', d.satisfaction.overall.responses, d.satisfaction.overall.csatAverage, d.satisfaction.overall.satisfiedPercent, d.satisfaction.overall.nps],
        ...d.satisfaction.byService.map((g) => ['الخدمة', g.label, g.responses, g.csatAverage, g.satisfiedPercent, g.nps]),
        ...d.satisfaction.byChannel.map((g) => ['القناة', g.label, g.responses, g.csatAverage, g.satisfiedPercent, g.nps]),
        ...d.satisfaction.byBranch.map((g) => ['الفرع', g.label, g.responses, g.csatAverage, g.satisfiedPercent, g.nps]),
      ],
    },
    {
      key: 'contacts',
      title: 'التواصل حسب القناة',
      headers: ['القناة', 'العدد'],
      rows: d.contacts.byChannel.map((c) => [c.label, c.count]),
    },
  ];
}
