import { Button, Empty, Skeleton, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/language';
import { DateTimeText } from '../../components/dual-date';
import { ErrorAlert } from '../../components/error-alert';
import { ar } from '../../i18n/ar';
import { en } from '../../i18n/en';
import { eventColor, eventDetails } from './event-text';
import { useTimeline } from './use-timeline';
import './timeline.css';

/** Everything that happened to a case, newest first, in one view: registry, household, contacts. */
export function TimelineTab({ beneficiaryId }: { beneficiaryId: string }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const timeline = useTimeline(beneficiaryId);
  if (timeline.isPending) return <Skeleton active />;
  const events = timeline.data?.pages.flatMap((page) => page.events) ?? [];
  const labels = lang === 'ar' ? ar : en;
  return (
    <div data-testid="timeline">
      <ErrorAlert error={timeline.error} />
      {events.length === 0 ? <Empty description={t('timeline.empty')} /> : null}
      <Timeline
        mode="start"
        items={events.map((event) => ({
          key: event.id,
          color: eventColor(event),
          title: <span className="timeline-when"><DateTimeText value={event.at} /></span>,
          content: (
            <div className="timeline-event" data-testid={`timeline-event-${event.kind}`}>
              <Typography.Text strong>{t(`timeline.kinds.${event.kind}`)}</Typography.Text>
              {event.summary ? <span className="timeline-summary">{event.summary}</span> : null}
              {eventDetails(event, t, lang, labels).map((line) => (
                <span key={line} className="timeline-detail">{line}</span>
              ))}
              {event.actorName ? <span className="timeline-detail">{t('timeline.by', { name: event.actorName })}</span> : null}
            </div>
          ),
        }))}
      />
      {timeline.hasNextPage ? (
        <Button onClick={() => void timeline.fetchNextPage()} loading={timeline.isFetchingNextPage}>
          {t('timeline.loadMore')}
        </Button>
      ) : null}
    </div>
  );
}
