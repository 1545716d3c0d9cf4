import { Card, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../src-shared/contract/reports';
import type { reportsText } from './i18n';

type KpiKey = keyof typeof reportsText.ar.kpi;
import { useLanguage } from '../../app/language';
import { formatCount } from '../interview/format-number';

const minutes = (seconds: number | null) => (seconds === null ? null : Math.round((seconds / 60) * 10) / 10);

/** The headline figures of the period, each with the key the e2e test and the exports share. */
export function KpiCards({ dashboard: d }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const num = (v: number | null) => (v === null ? t('reports.none') : formatCount(v, lang));
  const cards: Array<[KpiKey, string]> = [
    ['tickets', num(d.tickets.total)],
    ['served', num(d.tickets.served)],
    ['visitors', num(d.tickets.visitors)],
    ['waitMedian', num(minutes(d.times.waitMedian))],
    ['waitP90', num(minutes(d.times.waitP90))],
    ['serviceMedian', num(minutes(d.times.serviceMedian))],
    ['newBeneficiaries', num(d.headline.newBeneficiaries)],
    ['requests', num(d.requests.total)],
    ['decisions', num(d.decisions.total)],
    ['withinClock', num(d.decisions.withinClockPercent)],
    ['overdue', num(d.overdue.count)],
    ['deliveries', num(d.deliveries.count)],
    ['amount', num(d.deliveries.amount)],
    ['csat', num(d.satisfaction.overall.csatAverage)],
    ['nps', num(d.satisfaction.overall.nps)],
    ['contacts', num(d.contacts.total)],
    ['outreach', `${num(d.outreach.done)} / ${num(d.outreach.due)}`],
    ['complaints', `${num(d.complaints.opened)} / ${num(d.complaints.closed)}`],
  ];
  return (
    <div className="reports-kpis">
      {cards.map(([key, value]) => (
        <Card key={key} size="small" data-testid={`kpi-${key}`}>
          <Statistic title={t(`reports.kpi.${key}`)} value={value} />
        </Card>
      ))}
    </div>
  );
}
