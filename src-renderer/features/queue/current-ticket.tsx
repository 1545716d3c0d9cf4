import { Button, Card, Descriptions, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../src-shared/contract/queue';
import { canAct, type QueueAction } from '../../../src-shared/domain/queue-transitions';
import { call } from '../../app/api-client';
import { useLanguage } from '../../app/language';
import { PrintFormButton } from '../forms/print-form-button';
import { formatMinutes, formatNumber, formatTime } from './queue-format';

type Props = {
  ticket: Ticket;
  busy: boolean;
  onAction: (action: Exclude<QueueAction, 'transfer'>) => void;
  onTransfer: () => void;
  onLink: () => void;
  onInterview: () => void;
  canInterview: boolean;
};

const BUTTONS: ReadonlyArray<{ action: Exclude<QueueAction, 'transfer'>; key: 'recall' | 'start' | 'finish' | 'noShow' | 'skip'; primary?: boolean; danger?: boolean }> = [
  { action: 'start', key: 'start', primary: true },
  { action: 'finish', key: 'finish', primary: true },
  { action: 'recall', key: 'recall' },
  { action: 'skip', key: 'skip' },
  { action: 'noShow', key: 'noShow', danger: true },
];

/** The visitor at my desk: number, state, who they are, and only the buttons that can work now. */
export function CurrentTicket({ ticket, busy, onAction, onTransfer, onLink, onInterview, canInterview }: Props) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const waited = formatMinutes(ticket.waitSeconds, lang);
  return (
    <Card className="queue-card queue-current" data-testid="current-ticket">
      <div className="queue-current-head">
        <bdi className="queue-current-number" data-testid="current-number">
          {ticket.number}
        </bdi>
        <Space direction="vertical" size={4}>
          <Tag color="blue" className="queue-state-tag" data-testid="current-state">
            {t(`queue.states.${ticket.state}`)}
          </Tag>
          <span>{t(`queue.services.${ticket.service}`)}</span>
          {ticket.priority !== 'none' ? <Tag color="orange">{t(`queue.priorities.${ticket.priority}`)}</Tag> : null}
        </Space>
      </div>
      <Descriptions size="small" column={2}>
        <Descriptions.Item label={t('queue.ticket.beneficiary')}>
          <span data-testid="current-beneficiary">{ticket.beneficiaryName ?? t('queue.ticket.unlinked')}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('queue.ticket.issuedAt')}>{formatTime(ticket.issuedAt, lang)}</Descriptions.Item>
        {waited !== null ? <Descriptions.Item label={t('queue.desk.waited')}>{t('queue.desk.minutes', { value: waited })}</Descriptions.Item> : null}
        {ticket.recallCount > 0 ? (
          <Descriptions.Item label={t('queue.desk.recall')}>{t('queue.desk.recalls', { value: formatNumber(ticket.recallCount, lang) })}</Descriptions.Item>
        ) : null}
      </Descriptions>
      <div className="queue-actions">
        {BUTTONS.filter((b) => canAct(b.action, ticket.state)).map((b) => (
          <Button
            key={b.key}
            size="large"
            type={b.primary ? 'primary' : 'default'}
            danger={b.danger ?? false}
            disabled={busy}
            onClick={() => onAction(b.action)}
            data-testid={`desk-${b.key}`}
          >
            {t(`queue.desk.${b.key}`)}
          </Button>
        ))}
        {canAct('transfer', ticket.state) ? (
          <Button size="large" disabled={busy} onClick={onTransfer} data-testid="desk-transfer">
            {t('queue.desk.transfer')}
          </Button>
        ) : null}
        <Button size="large" disabled={busy} onClick={onLink} data-testid="desk-link">
          {t('queue.desk.link')}
        </Button>
        <PrintFormButton size="large" issue={() => call('forms.generateTicket', { ticketId: ticket.id })} label={t('forms.desk.ticket')} testId="desk-ticket-pdf" />
        {canInterview ? (
          <Button size="large" type="dashed" onClick={onInterview} data-testid="desk-interview">
            {t('queue.desk.interview')}
          </Button>
        ) : null}
      </div>
    </Card>
  );
}
