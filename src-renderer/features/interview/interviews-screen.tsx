import { Button, Card, Empty, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { InterviewSummary } from '../../../src-shared/contract/interviews';
import { call } from '../../app/api-client';
import { DateTimeText } from '../../components/dual-date';
import { ErrorAlert } from '../../components/error-alert';
import { useOpenInterviews } from './use-interview';

/** The desk's open interviews (its own first), to resume after a referral, a break or a crash. */
export function InterviewsScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useOpenInterviews();
  const start = useMutation({
    mutationFn: () => call('interviews.start', {}),
    onSuccess: (view) => void navigate(`/interviews/${view.id}`),
  });
  const items = [...(list.data?.items ?? [])].sort((a, b) => Number(b.mine) - Number(a.mine));

  return (
    <section>
      <div className="page-title-row">
        <Typography.Title level={2}>{t('interview.list.title')}</Typography.Title>
        <span className="page-title-actions">
          <Button type="primary" icon={<PlusOutlined />} loading={start.isPending} onClick={() => start.mutate()} data-testid="interview-start">
            {t('interview.list.start')}
          </Button>
        </span>
      </div>
      <ErrorAlert error={start.error ?? list.error} />
      <Card>
        <Table<InterviewSummary>
          rowKey="id"
          loading={list.isPending}
          dataSource={items}
          pagination={false}
          locale={{ emptyText: <Empty description={t('interview.list.empty')} /> }}
          data-testid="interviews-table"
          onRow={(row) => ({ onDoubleClick: () => void navigate(`/interviews/${row.id}`) })}
          columns={[
            {
              key: 'beneficiary',
              title: t('interview.list.columns.beneficiary'),
              render: (_, row) => row.beneficiaryName ?? <Typography.Text type="secondary">{t('interview.list.noBeneficiary')}</Typography.Text>,
            },
            { key: 'step', title: t('interview.list.columns.step'), render: (_, row) => (row.currentStep ? t(`interview.steps.${row.currentStep}`) : t('app.none')) },
            {
              key: 'status',
              title: t('interview.list.columns.status'),
              render: (_, row) => <Tag color={row.status === 'referred' ? 'orange' : 'green'}>{t(`interview.status.${row.status}`)}</Tag>,
            },
            {
              key: 'desk',
              title: t('interview.list.columns.desk'),
              render: (_, row) => (
                <span>
                  {row.deskUserName ?? t('app.none')} {row.mine ? <Tag>{t('interview.list.mine')}</Tag> : null}
                </span>
              ),
            },
            { key: 'saved', title: t('interview.list.columns.saved'), render: (_, row) => <DateTimeText value={row.draftSavedAt ?? row.updatedAt} /> },
            {
              key: 'resume',
              title: '',
              render: (_, row) => (
                <Button onClick={() => void navigate(`/interviews/${row.id}`)} data-testid={`interview-resume-${row.id}`}>
                  {t('interview.list.resume')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
    </section>
  );
}
