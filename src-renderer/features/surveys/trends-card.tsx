import { useMemo, useState } from 'react';
import { Card, Col, Empty, Row, Segmented, Select, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TrendGranularity, TrendView } from '../../../src-shared/domain/survey-trends';
import { call } from '../../app/api-client';
import { canCall } from '../../app/access';
import { useLanguage } from '../../app/language';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/error-alert';
import { EChart, type ChartOption } from '../reports/echart';

type Line = { name: string; values: Array<number | null> };

/** Axis labels: "Mar 2026" for a month, "8 Mar" for the Sunday a week starts on (Gregorian, the interface's digits). */
function periodFormat(lang: 'ar' | 'en', granularity: TrendGranularity): Intl.DateTimeFormat {
  const locale = lang === 'ar' ? 'ar-SA-u-ca-gregory-nu-arab' : 'en-GB';
  return new Intl.DateTimeFormat(locale, granularity === 'month' ? { month: 'short', year: 'numeric', timeZone: 'UTC' } : { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

const PALETTE = ['#1f6f8b', '#99a84e', '#e0a030', '#c0504d', '#6a5acd', '#2e8b57'];

/** Lines over periods for a right-to-left page: time reads from the right, the value axis stands on the right. */
function rtlLines(periods: string[], lines: Line[], rtl: boolean, range: { min: number; max: number }): ChartOption {
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis' },
    legend: { show: true, right: rtl ? 8 : 'auto', left: rtl ? 'auto' : 8, top: 0, align: rtl ? 'right' : 'left', itemGap: 16 },
    grid: { top: 36, bottom: 16, left: 16, right: 16, containLabel: true },
    xAxis: { type: 'category', data: periods, inverse: rtl, boundaryGap: false },
    yAxis: { type: 'value', position: rtl ? 'right' : 'left', min: range.min, max: range.max },
    series: lines.map((l) => ({ type: 'line', name: l.name, data: l.values, connectNulls: true, symbolSize: 8, label: { show: true, position: 'top' } })),
  };
}

/**
 * Satisfaction as trends: the CSAT average (1–5) and NPS (−100 to 100) by week or month. Everyone
 * sees their own line beside the team's; supervisors may draw one line per service, branch or channel.
 */
export function TrendsCard() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { user } = useSession();
  const supervisor = canCall(user, 'surveys.results');
  const [granularity, setGranularity] = useState<TrendGranularity>('month');
  const [view, setView] = useState<TrendView>(supervisor ? 'service' : 'mine');
  const trends = useQuery({ queryKey: ['surveys.trends', granularity, view], queryFn: () => call('surveys.trends', { from: null, to: null, granularity, view }), staleTime: 0 });

  const charts = useMemo(() => {
    const data = trends.data;
    if (!data || data.periods.length === 0) return null;
    const format = periodFormat(lang, granularity);
    const periodLabel = (p: string) => format.format(new Date(`${granularity === 'month' ? `${p}-01` : p}T00:00:00Z`));
    const lineName = (key: string, label: string | null) => {
      if (view === 'mine') return t(`surveys.trends.lines.${key as 'mine' | 'team'}`);
      if (view === 'all') return t('surveys.trends.lines.all');
      if (view === 'service') return t(`surveys.services.${key as 'delivery'}`);
      if (view === 'channel') return t(`surveys.channels.${key as 'qr'}`);
      return label ?? key;
    };
    const valuesOf = (points: Array<{ period: string; csatAverage: number | null; nps: number | null }>, pick: 'csatAverage' | 'nps') =>
      data.periods.map((p) => points.find((pt) => pt.period === p)?.[pick] ?? null);
    const labels = data.periods.map(periodLabel);
    const rtl = lang === 'ar';
    return {
      csat: rtlLines(labels, data.lines.map((l) => ({ name: lineName(l.key, l.label), values: valuesOf(l.points, 'csatAverage') })), rtl, { min: 1, max: 5 }),
      nps: rtlLines(labels, data.lines.map((l) => ({ name: lineName(l.key, l.label), values: valuesOf(l.points, 'nps') })), rtl, { min: -100, max: 100 }),
    };
  }, [trends.data, granularity, view, lang, t]);

  const views: TrendView[] = supervisor ? ['service', 'branch', 'channel', 'all', 'mine'] : ['mine'];
  return (
    <Card title={t('surveys.trends.title')} data-testid="survey-trends">
      <Space wrap style={{ marginBlockEnd: 12 }}>
        <Segmented<TrendGranularity> value={granularity} onChange={setGranularity} options={[{ value: 'week', label: t('surveys.trends.week') }, { value: 'month', label: t('surveys.trends.month') }]} data-testid="trends-granularity" />
        {views.length > 1 ? (
          <Select<TrendView> value={view} onChange={setView} aria-label={t('surveys.trends.title')} style={{ minInlineSize: 200 }} options={views.map((v) => ({ value: v, label: t(`surveys.trends.views.${v}`) }))} data-testid="trends-view" />
        ) : null}
      </Space>
      <Typography.Paragraph type="secondary">{t('surveys.trends.note')}</Typography.Paragraph>
      <ErrorAlert error={trends.error} />
      {charts ? (
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Typography.Text strong>{t('surveys.trends.csat')}</Typography.Text>
            <EChart option={charts.csat} testId="trend-csat" />
          </Col>
          <Col xs={24} lg={12}>
            <Typography.Text strong>{t('surveys.trends.nps')}</Typography.Text>
            <EChart option={charts.nps} testId="trend-nps" />
          </Col>
        </Row>
      ) : trends.data ? (
        <Empty description={t('surveys.trends.empty')} />
      ) : null}
    </Card>
  );
}
