import { useState } from 'react';
import { App, Button, Card, Segmented, Table, Tag, Typography } from 'antd';
import { PhoneOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TaskView } from '../../../src-shared/contract/outreach';
import { CONTACT_CHANNEL_NAMES } from '../../../src-shared/domain/contact-channels';
import { call } from '../../app/api-client';
import { useLanguage } from '../../app/language';
import { DateTimeText, DualDate } from '../../components/dual-date';
import { ErrorAlert } from '../../components/error-alert';
import { formatCount } from '../interview/format-number';
import { CompleteModal } from './complete-modal';
import { RulesCard } from './rules-card';
import { SeasonsCard } from './seasons-card';
import './outreach.css';
import { formatSaudiMobile } from '../../../src-shared/domain/phone';
import { RevealValue } from '../privacy/reveal-value';

/**
 * The morning's call list: opening it runs the outreach pass (each due fact becomes a task once),
 * then lists the open tasks by due day; a call's outcome is recorded in the contact log.
 */
export function OutreachScreen() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [status, setStatus] = useState<'open' | 'done'>('open');
  const [working, setWorking] = useState<TaskView | null>(null);
  const evaluate = useMutation({
    mutationFn: () => call('outreach.evaluate', {}),
    onSuccess: (result) => {
      if (result.created > 0) void message.info(t('outreach.created', { count: formatCount(result.created, lang) }));
      void client.invalidateQueries({ queryKey: ['outreach.list'] });
    },
  });
  const list = useQuery({
    queryKey: ['outreach.list', status],
    queryFn: async () => {
      if (status === 'open') await call('outreach.evaluate', {});
      return call('outreach.list', { status });
    },
    staleTime: 0,
  });
  return (
    <section>
      <div className="page-title-row">
        <Typography.Title level={2}>{t('outreach.title')}</Typography.Title>
        <span className="page-title-actions">
          <Segmented<'open' | 'done'> value={status} onChange={setStatus} options={[{ value: 'open', label: t('outreach.open') }, { value: 'done', label: t('outreach.done') }]} />
          <Button icon={<ReloadOutlined />} onClick={() => evaluate.mutate()} loading={evaluate.isPending}>{t('outreach.refresh')}</Button>
        </span>
      </div>
      <Typography.Paragraph type="secondary">{t('outreach.intro')}</Typography.Paragraph>
      <ErrorAlert error={list.error ?? evaluate.error} />
      <div className="outreach-cards">
        <Card>
          <Table<TaskView>
            rowKey="id"
            loading={list.isPending}
            dataSource={list.data?.items ?? []}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            data-testid="outreach-tasks"
            locale={{ emptyText: t('outreach.empty') }}
            columns={[
              { key: 'due', title: t('outreach.columns.due'), render: (_, task) => <DualDate value={task.dueOn} inline /> },
              { key: 'beneficiary', title: t('outreach.columns.beneficiary'), render: (_, task) => <Link to={`/beneficiaries/${task.beneficiaryId}`}>{task.beneficiaryName}</Link> },
              { key: 'phone', title: t('outreach.columns.phone'), render: (_, task) => (task.phone ? <RevealValue beneficiaryId={task.beneficiaryId} field="phonePrimary" value={task.phone} format={formatSaudiMobile} testId={`outreach-phone-${task.id}`} /> : t('app.none')) },
              { key: 'reason', title: t('outreach.columns.reason'), render: (_, task) => <Tag color="blue">{t(`outreach.kinds.${task.kind}`)}</Tag> },
              { key: 'channel', title: t('outreach.columns.channel'), render: (_, task) => CONTACT_CHANNEL_NAMES[task.channel][lang] },
              { key: 'script', title: t('outreach.columns.script'), dataIndex: 'script', width: '30%' },
              status === 'open'
                ? { key: 'act', title: '', render: (_, task) => <Button type="primary" icon={<PhoneOutlined />} onClick={() => setWorking(task)} data-testid={`outreach-complete-${task.kind}`}>{t('outreach.complete')}</Button> }
                : { key: 'outcome', title: t('outreach.columns.outcome'), render: (_, task) => (task.outcome ? <span>{t(`contacts.outcomes.${task.outcome}`)} · {task.doneByName} · {task.doneAt ? <DateTimeText value={task.doneAt} /> : null}</span> : null) },
            ]}
          />
        </Card>
        <RulesCard />
        <SeasonsCard />
      </div>
      <CompleteModal task={working} onClose={() => setWorking(null)} />
    </section>
  );
}
