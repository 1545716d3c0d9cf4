import { useEffect, useRef } from 'react';
import { Button, Result, Spin } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/language';
import { useSession } from '../../app/session';
import { useApiErrorText } from '../../components/error-alert';
import { RollPageStyle, TicketSlip } from './ticket-slip';
import { useTicket } from './use-queue';
import './queue.css';

/** `#/tickets/<id>/print`: the slip alone on the page, for the 80 mm roll printer; `?auto=1` prints at once. */
export function TicketPrintScreen() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { associationName } = useSession();
  const ticket = useTicket(id);
  const errorText = useApiErrorText();
  const printed = useRef(false);

  useEffect(() => {
    if (ticket.data && params.get('auto') === '1' && !printed.current) {
      printed.current = true;
      window.print();
    }
  }, [ticket.data, params]);

  if (ticket.isPending) return <div className="centered-page"><Spin size="large" /></div>;
  if (ticket.isError) return <Result status="warning" title={errorText(ticket.error)} />;
  const name = (lang === 'en' ? associationName.en : null) ?? associationName.ar;
  return (
    <div className="ticket-print-page">
      <RollPageStyle />
      <div className="ticket-print-tools no-print">
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="ticket-print">
          {t('queue.ticket.print')}
        </Button>
        <Button onClick={() => void navigate('/queue/issue')}>{t('queue.ticket.back')}</Button>
      </div>
      <div className="queue-print-area">
        <TicketSlip ticket={ticket.data} associationName={name} />
      </div>
    </div>
  );
}
