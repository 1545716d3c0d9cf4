import { Card, Table, Tabs } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ScoreGroup } from '../../../src-shared/contract/surveys';
import { call } from '../../app/api-client';
import { useLanguage } from '../../app/language';
import { ErrorAlert } from '../../components/error-alert';
import { formatCount } from '../interview/format-number';

type Summary = Omit<ScoreGroup, 'key' | 'label'>;

export function useScoreColumns() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const none = t('surveys.results.none');
  return [
    { key: 'responses', title: t('surveys.results.columns.responses'), render: (_: unknown, g: Summary) => formatCount(g.responses, lang) },
    { key: 'csat', title: t('surveys.results.columns.csat'), render: (_: unknown, g: Summary) => (g.csatAverage === null ? none : formatCount(g.csatAverage, lang)) },
    { key: 'satisfied', title: t('surveys.results.columns.satisfied'), render: (_: unknown, g: Summary) => (g.satisfiedPercent === null ? none : t('surveys.results.percent', { value: formatCount(g.satisfiedPercent, lang) })) },
    { key: 'nps', title: t('surveys.results.columns.nps'), render: (_: unknown, g: Summary) => (g.nps === null ? none : formatCount(g.nps, lang)) },
  ];
}

/** Managers' results per service, branch, channel and month (the trend); never per named member of staff. */
export function ResultsCard() {
  const { t } = useTranslation();
  const results = useQuery({ queryKey: ['surveys.results'], queryFn: () => call('surveys.results', {}), staleTime: 0 });
  const columns = useScoreColumns();
  const keyName = (group: 'byService' | 'byBranch' | 'byChannel' | 'byMonth', g: ScoreGroup): string => {
    if (group === 'byService') return t(`surveys.services.${g.key as 'delivery'}`);
    if (group === 'byChannel') return t(`surveys.channels.${g.key as 'kiosk'}`);
    return g.label ?? g.key;
  };
  const table = (group: 'byService' | 'byBranch' | 'byChannel' | 'byMonth') => (
    <Table<ScoreGroup>
      rowKey="key"
      size="small"
      pagination={false}
      data-testid={`results-${group}`}
      dataSource={results.data?.[group] ?? []}
      columns={[{ key: 'key', title: t('surveys.results.columns.key'), render: (_, g) => keyName(group, g) }, ...columns]}
    />
  );
  return (
    <Card title={t('surveys.results.title')} data-testid="survey-results">
      <ErrorAlert error={results.error} />
      {results.data ? <Table rowKey={() => 'overall'} size="small" pagination={false} dataSource={[results.data.overall]} columns={[{ key: 'key', title: t('surveys.results.columns.key'), render: () => t('surveys.results.overall') }, ...columns]} /> : null}
      <Tabs
        items={(['byService', 'byBranch', 'byChannel', 'byMonth'] as const).map((group) => ({ key: group, label: t(`surveys.results.${group}`), children: table(group) }))}
      />
    </Card>
  );
}
