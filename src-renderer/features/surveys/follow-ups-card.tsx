import { useState } from 'react';
import { Button, Card, Input, Space, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { FollowUpView } from '../../../src-shared/contract/surveys';
import { call } from '../../app/api-client';
import { DualDate } from '../../components/dual-date';
import { ErrorAlert } from '../../components/error-alert';
import { FACES } from './faces';

function CloseTask({ task }: { task: FollowUpView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [resolution, setResolution] = useState('');
  const close = useMutation({
    mutationFn: () => call('surveys.closeFollowUp', { id: task.id, resolution }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['surveys.followUps'] }),
  });
  return (
    <Space direction="vertical" style={{ inlineSize: '100%' }}>
      <ErrorAlert error={close.error} />
      <Space.Compact style={{ inlineSize: '100%' }}>
        <Input placeholder={t('surveys.followUps.resolution')} value={resolution} onChange={(e) => setResolution(e.target.value)} data-testid={`follow-up-resolution-${task.id}`} />
        <Button onClick={() => close.mutate()} loading={close.isPending} data-testid={`follow-up-close-${task.id}`}>{t('surveys.followUps.close')}</Button>
      </Space.Compact>
    </Space>
  );
}

/** The supervisor's tasks opened by scores of 1–2: whom to call back, and what was done. */
export function FollowUpsCard() {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: ['surveys.followUps'], queryFn: () => call('surveys.followUps', { status: 'open' }), staleTime: 0 });
  return (
    <Card title={t('surveys.followUps.title')} data-testid="follow-ups">
      <ErrorAlert error={list.error} />
      <Table<FollowUpView>
        rowKey="id"
        size="small"
        pagination={false}
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('surveys.followUps.empty') }}
        columns={[
          { key: 'due', title: t('surveys.followUps.due'), render: (_, f) => <DualDate value={f.dueOn} inline /> },
          { key: 'score', title: t('surveys.followUps.score'), render: (_, f) => <Tag color="red">{t(`surveys.faces.${FACES[f.csat - 1]?.key ?? 'score1'}`)}</Tag> },
          { key: 'service', title: t('surveys.followUps.service'), render: (_, f) => t(`surveys.services.${f.service}`) },
          { key: 'beneficiary', title: t('surveys.followUps.beneficiary'), render: (_, f) => (f.beneficiaryId ? <Link to={`/beneficiaries/${f.beneficiaryId}`}>{f.beneficiaryName}</Link> : t('surveys.followUps.anonymous')) },
          { key: 'comment', title: t('surveys.followUps.comment'), dataIndex: 'comment' },
          { key: 'close', title: '', width: 360, render: (_, f) => <CloseTask task={f} /> },
        ]}
      />
    </Card>
  );
}
