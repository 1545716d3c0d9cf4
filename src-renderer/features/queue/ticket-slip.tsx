import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../src-shared/contract/queue';
import { formatGregorian, formatHijri } from '../../../src-shared/domain/calendar';
import { useLanguage } from '../../app/language';
import { formatNumber, formatTime } from './queue-format';

/**
 * The page rule of the 80 mm roll, rendered only while a slip is on screen, so that printing any
 * other page of the app keeps the normal paper size.
 */
export function RollPageStyle() {
  return <style>{'@page { size: 80mm auto; margin: 0 }'}</style>;
}

/** The visitor's paper ticket: number, service, branch, both calendars, time, people ahead. */
export function TicketSlip({ ticket, associationName }: { ticket: Ticket; associationName: string | null }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const ahead = ticket.peopleAhead;
  return (
    <div className="ticket-slip" data-testid="ticket-slip" dir="rtl">
      {associationName ? <div className="ticket-slip-association">{associationName}</div> : null}
      <div className="ticket-slip-branch">{ticket.branchName}</div>
      <div className="ticket-slip-service">{t(`queue.services.${ticket.service}`)}</div>
      <div className="ticket-slip-number" dir="ltr" data-testid="ticket-slip-number">
        {ticket.number}
      </div>
      {ticket.priority !== 'none' ? <div className="ticket-slip-priority">{t(`queue.priorities.${ticket.priority}`)}</div> : null}
      <div className="ticket-slip-ahead" data-testid="ticket-slip-ahead">
        {ahead === null || ahead === 0 ? t('queue.ticket.aheadNone') : `${t('queue.ticket.ahead')}: ${formatNumber(ahead, lang)}`}
      </div>
      <div className="ticket-slip-dates">
        <div>{formatHijri(ticket.issuedAt, lang)}</div>
        <div>{formatGregorian(ticket.issuedAt, lang)}</div>
        <div>{formatTime(ticket.issuedAt, lang)}</div>
      </div>
      <div className="ticket-slip-welcome">{t('queue.ticket.welcome')}</div>
    </div>
  );
}
