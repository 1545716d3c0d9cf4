import { useEffect, useState } from 'react';
import { Alert, Button, Card, Radio, Space, Table, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../src-shared/contract/queue';
import { RECEPTION_SERVICES, type PriorityCode, type QueueService } from '../../../src-shared/domain/queue-services';
import { call } from '../../app/api-client';
import { useLanguage } from '../../app/language';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/error-alert';
import { PrintFormButton } from '../forms/print-form-button';
import { BeneficiaryPicker } from './beneficiary-picker';
import { formatTime } from './queue-format';
import { RollPageStyle, TicketSlip } from './ticket-slip';
import { useQueueConfig, useQueueRefresh, useTodayTickets } from './use-queue';
import './queue.css';

/** «إصدار تذكرة»: one big button per service; the ticket prints the moment it is issued. */
export function IssueScreen() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { associationName } = useSession();
  const navigate = useNavigate();
  const config = useQueueConfig();
  const today = useTodayTickets();
  const refresh = useQueueRefresh();
  const [priority, setPriority] = useState<PriorityCode>('none');
  const [beneficiaryId, setBeneficiaryId] = useState<string | null>(null);
  const [last, setLast] = useState<Ticket | null>(null);

  const issue = useMutation({
    mutationFn: (service: QueueService) => call('queue.issue', { service, priority, beneficiaryId }),
    onSuccess: async (ticket) => {
      setLast(ticket);
      setPriority('none');
      setBeneficiaryId(null);
      await refresh();
    },
  });

  // Print once the new slip is on the page (the print stylesheet shows only the slip).
  useEffect(() => {
    if (last) window.print();
  }, [last]);

  const priorities = (config.data?.priorities ?? []).filter((p) => p.active);
  const name = (lang === 'en' ? associationName.en : null) ?? associationName.ar;

  return (
    <section className="queue-issue">
      <div className="page-title-row">
        <Typography.Title level={2}>{t('queue.issue.title')}</Typography.Title>
      </div>
      <p className="shortcut-hint">{t('queue.issue.intro')}</p>
      <ErrorAlert error={issue.error ?? config.error} />
      <div className="queue-issue-layout">
        <div>
          <Card title={t('queue.issue.priority')} size="small" className="queue-card">
            <Radio.Group
              className="queue-priority-group"
              optionType="button"
              buttonStyle="solid"
              size="large"
              value={priority}
              onChange={(e) => setPriority(e.target.value as PriorityCode)}
              options={priorities.map((p) => ({ value: p.code, label: <span data-testid={`priority-${p.code}`}>{t(`queue.priorities.${p.code}`)}</span> }))}
            />
            <div className="queue-issue-beneficiary">
              <BeneficiaryPicker value={beneficiaryId} onChange={setBeneficiaryId} testId="issue-beneficiary" />
            </div>
          </Card>
          <div className="queue-service-grid">
            {RECEPTION_SERVICES.map((service) => (
              <Button
                key={service}
                type="primary"
                className="queue-service-button"
                loading={issue.isPending && issue.variables === service}
                disabled={issue.isPending}
                onClick={() => issue.mutate(service)}
                data-testid={`issue-${service}`}
              >
                {t(`queue.services.${service}`)}
              </Button>
            ))}
          </div>
        </div>
        <div className="queue-issue-side">
          {last ? (
            <>
              <Alert type="success" showIcon title={t('queue.issue.issued', { number: last.number })} data-testid="issue-done" />
              <RollPageStyle />
              <div className="queue-print-area queue-slip-preview">
                <TicketSlip ticket={last} associationName={name} />
              </div>
              <Space wrap>
                <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="issue-reprint">
                  {t('queue.issue.reprint')}
                </Button>
                <PrintFormButton issue={() => call('forms.generateTicket', { ticketId: last.id })} label={t('forms.desk.ticket')} testId="issue-ticket-pdf" />
              </Space>
            </>
          ) : null}
        </div>
      </div>
      <Typography.Title level={4}>{t('queue.issue.today')}</Typography.Title>
      <Table<Ticket>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={today.data?.tickets ?? []}
        locale={{ emptyText: t('queue.issue.empty') }}
        data-testid="today-tickets"
        columns={[
          { title: t('queue.ticket.number'), dataIndex: 'number', render: (v: string) => <bdi className="queue-number-cell">{v}</bdi> },
          { title: t('queue.ticket.service'), dataIndex: 'service', render: (v: QueueService) => t(`queue.services.${v}`) },
          { title: t('queue.issue.priority'), dataIndex: 'priority', render: (v: PriorityCode) => (v === 'none' ? null : <Tag color="orange">{t(`queue.priorities.${v}`)}</Tag>) },
          { title: t('queue.ticket.state'), dataIndex: 'state', render: (v: Ticket['state']) => t(`queue.states.${v}`) },
          { title: t('queue.ticket.desk'), dataIndex: 'deskNumber', render: (v: number | null) => v ?? t('app.none') },
          { title: t('queue.ticket.issuedAt'), dataIndex: 'issuedAt', render: (v: string) => formatTime(v, lang) },
          {
            title: '',
            key: 'print',
            render: (_: unknown, row: Ticket) => (
              <Space>
                <Button size="small" icon={<PrinterOutlined />} onClick={() => void navigate(`/tickets/${row.id}/print`)} aria-label={t('queue.ticket.print')} />
                <PrintFormButton size="small" issue={() => call('forms.generateTicket', { ticketId: row.id })} label={t('forms.desk.ticket')} testId={`ticket-pdf-${row.number}`} />
              </Space>
            ),
          },
        ]}
      />
    </section>
  );
}
