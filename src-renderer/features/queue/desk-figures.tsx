import { Card, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeskStatus } from '../../../src-shared/contract/queue';
import { useLanguage } from '../../app/language';
import { formatMinutes, formatNumber } from './queue-format';

/** Waiting counts per service and the day's figures: what a desk glances at between visitors. */
export function DeskFigures({ status }: { status: DeskStatus }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const minutes = (seconds: number | null) => {
    const value = formatMinutes(seconds, lang);
    return value === null ? t('queue.desk.noFigure') : t('queue.desk.minutes', { value });
  };
  const today = status.today;
  return (
    <div className="queue-figures">
      <Card size="small" title={t('queue.desk.waitingByService')} className="queue-card">
        <div className="queue-service-counts" data-testid="waiting-by-service">
          {status.waitingByService.map((row) => (
            <div key={row.service} className={row.waiting > 0 ? 'queue-count queue-count-busy' : 'queue-count'}>
              <span>{t(`queue.services.${row.service}`)}</span>
              <strong>{formatNumber(row.waiting, lang)}</strong>
            </div>
          ))}
          <div className="queue-count queue-count-mine">
            <span>{t('queue.desk.callable')}</span>
            <strong data-testid="desk-callable">{formatNumber(status.callable, lang)}</strong>
          </div>
        </div>
      </Card>
      <Card size="small" title={t('queue.desk.today')} className="queue-card">
        <div className="queue-stats" data-testid="desk-today">
          <Statistic title={t('queue.desk.issued')} value={formatNumber(today.issued, lang)} />
          <Statistic title={t('queue.desk.waiting')} value={formatNumber(today.waiting, lang)} />
          <Statistic title={t('queue.desk.served')} value={formatNumber(today.served, lang)} />
          <Statistic title={t('queue.desk.noShows')} value={formatNumber(today.noShow, lang)} />
          <Statistic title={t('queue.desk.averageWait')} value={minutes(today.averageWaitSeconds)} />
          <Statistic title={t('queue.desk.averageService')} value={minutes(today.averageServiceSeconds)} />
        </div>
      </Card>
    </div>
  );
}
