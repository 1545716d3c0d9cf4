import { useState } from 'react';
import { Button, Card, Checkbox, Empty, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { NotificationView } from '../../../src-shared/contract/committee';
import { call } from '../../app/api-client';
import { useLanguage } from '../../app/language';
import { DateTimeText, DualDate } from '../../components/dual-date';
import { ErrorAlert } from '../../components/error-alert';
import { formatCount } from '../interview/format-number';
import { CLOCK_CHECK_MS, useRefreshAfter } from './use-committee';

/**
 * The manager's list of the committee clock's warnings and escalations. Opening it runs the clock
 * check first (and again every five minutes), so nothing due waits for someone to open the board.
 */
export function NotificationsScreen() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const navigate = useNavigate();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useQuery({
    queryKey: ['notifications.list', unreadOnly],
    queryFn: async () => {
      await call('committee.checkClocks', {});
      return call('notifications.list', { unreadOnly });
    },
    staleTime: 0,
    refetchInterval: CLOCK_CHECK_MS,
  });
  const markRead = useRefreshAfter('notifications.markRead', ['notifications.list']);
  return (
    <section>
      <div className="page-title-row">
        <Typography.Title level={2}>{t('committee.notifications.title')}</Typography.Title>
        <span className="page-title-actions">
          {list.data ? <Tag color={list.data.unread > 0 ? 'red' : 'default'} data-testid="unread-count">{t('committee.notifications.unreadCount', { count: formatCount(list.data.unread, lang) })}</Tag> : null}
          <Checkbox checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)}>{t('committee.notifications.unreadOnly')}</Checkbox>
        </span>
      </div>
      <Typography.Paragraph type="secondary">{t('committee.notifications.intro')}</Typography.Paragraph>
      <ErrorAlert error={list.error ?? markRead.error} />
      <Card>
        <Table<NotificationView>
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={false}
          data-testid="notifications"
          locale={{ emptyText: <Empty description={t('committee.notifications.empty')} /> }}
          columns={[
            { key: 'moment', title: t('committee.notifications.columns.moment'), render: (_, n) => <Tag color={n.moment === 'escalation' ? 'red' : 'orange'}>{t(`committee.notifications.moments.${n.moment}`)}</Tag> },
            { key: 'beneficiary', title: t('committee.notifications.columns.beneficiary'), render: (_, n) => (n.read ? n.beneficiaryName : <strong>{n.beneficiaryName}</strong>) },
            { key: 'type', title: t('committee.notifications.columns.type'), render: (_, n) => (lang === 'en' ? n.requestTypeNameEn : n.requestTypeNameAr) },
            { key: 'due', title: t('committee.notifications.columns.due'), render: (_, n) => <DualDate value={n.dueDate} inline /> },
            { key: 'at', title: t('committee.notifications.columns.at'), render: (_, n) => <DateTimeText value={n.createdAt} /> },
            {
              key: 'actions',
              title: '',
              render: (_, n) => (
                <span className="committee-actions">
                  <Button size="small" onClick={() => void navigate(`/committee/${n.requestId}`)}>{t('committee.notifications.open')}</Button>
                  {n.read ? null : <Button size="small" onClick={() => markRead.mutate({ id: n.id })}>{t('committee.notifications.markRead')}</Button>}
                </span>
              ),
            },
          ]}
        />
      </Card>
    </section>
  );
}
