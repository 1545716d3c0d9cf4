import type { ReactNode } from 'react';
import { Card, Empty, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../src-shared/contract/reports';
import { formatBoth } from '../../../src-shared/domain/calendar';
import { useLanguage } from '../../app/language';
import { formatCount } from '../interview/format-number';
import { EChart, rtlBars } from './echart';

type Labelled = { code: string; label: string; labelEn: string; count: number };

/** The server names every code in both languages; the screen shows the name of its language. */
export function useShownName() {
  const { lang } = useLanguage();
  return (row: { label: string; labelEn: string }) => (lang === 'en' ? row.labelEn : row.label);
}

/** A section that has nothing to show says so in words: never an empty chart. */
export function Section({ title, empty, testId, children }: { title: string; empty: boolean; testId: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card title={title} size="small" className="reports-section" data-testid={testId}>
      {empty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<span data-testid={`${testId}-empty`}>{t('reports.noActivity')}</span>} /> : children}
    </Card>
  );
}

function useNumber() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  return (value: number | null) => (value === null ? t('reports.none') : formatCount(value, lang));
}

/** Bars and the table behind them: the chart for a glance, the table for the exact figure. */
export function CountsSection({ title, rows, testId }: { title: string; rows: Labelled[]; testId: string }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const num = useNumber();
  const shown = useShownName();
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  return (
    <Section title={title} empty={total === 0} testId={testId}>
      <EChart option={rtlBars(rows.map(shown), [{ name: t('reports.series.count'), values: rows.map((r) => r.count) }], lang === 'ar', true)} height={Math.max(120, rows.length * 30 + 30)} />
      <Table<Labelled> rowKey="code" size="small" pagination={false} dataSource={rows} columns={[
        { key: 'label', title: t('reports.columns.label'), render: (_: unknown, r) => shown(r) },
        { key: 'count', title: t('reports.columns.count'), render: (_: unknown, r) => num(r.count) },
      ]} />
    </Section>
  );
}

export function PerDaySection({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const days = dashboard.tickets.perDay;
  return (
    <Section title={t('reports.sections.perDay')} empty={days.length === 0} testId="section-per-day">
      <EChart
        testId="chart-per-day"
        option={rtlBars(days.map((d) => formatCount(Number(d.day.slice(8)), lang)), [
          { name: t('reports.series.tickets'), values: days.map((d) => d.tickets) },
          { name: t('reports.series.served'), values: days.map((d) => d.served) },
        ], lang === 'ar')}
      />
    </Section>
  );
}

type Group = Dashboard['satisfaction']['byService'][number];

export function SatisfactionSection({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const num = useNumber();
  const shown = useShownName();
  const s = dashboard.satisfaction;
  const rows = [...s.byService, ...s.byChannel, ...s.byBranch].map((g, i) => ({ ...g, rowKey: `${i}-${g.key}` }));
  return (
    <Section title={t('reports.sections.satisfaction')} empty={s.overall.responses === 0} testId="section-satisfaction">
      <Table<Group & { rowKey: string }> rowKey="rowKey" size="small" pagination={false} dataSource={rows} columns={[
        { key: 'label', title: t('reports.columns.label'), render: (_: unknown, g) => shown(g) },
        { key: 'responses', title: t('reports.columns.responses'), render: (_: unknown, g) => num(g.responses) },
        { key: 'csat', title: t('reports.columns.csat'), render: (_: unknown, g) => num(g.csatAverage) },
        { key: 'nps', title: t('reports.columns.nps'), render: (_: unknown, g) => num(g.nps) },
      ]} />
    </Section>
  );
}

type Overdue = Dashboard['overdue']['items'][number];

export function OverdueSection({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const num = useNumber();
  return (
    <Section title={t('reports.sections.overdue')} empty={dashboard.overdue.count === 0} testId="section-overdue">
      <Table<Overdue> rowKey="reference" size="small" pagination={{ pageSize: 20, hideOnSinglePage: true }} dataSource={dashboard.overdue.items} columns={[
        { key: 'reference', title: t('reports.columns.reference'), dataIndex: 'reference' },
        { key: 'type', title: t('reports.columns.type'), render: (_: unknown, r) => (lang === 'en' ? r.typeEn : r.type) },
        { key: 'state', title: t('reports.columns.state'), render: (_: unknown, r) => (lang === 'en' ? r.stateEn : r.state) },
        { key: 'branch', title: t('reports.columns.branch'), render: (_: unknown, r) => (lang === 'en' ? r.branchEn : r.branch) },
        { key: 'due', title: t('reports.columns.dueDate'), render: (_: unknown, r) => formatBoth(r.dueDate, lang) },
        { key: 'days', title: t('reports.columns.daysOverdue'), render: (_: unknown, r) => num(r.daysOverdue) },
      ]} />
    </Section>
  );
}
