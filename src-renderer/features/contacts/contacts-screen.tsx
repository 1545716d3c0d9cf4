import { useState } from 'react';
import { Button, Card, Segmented, Select, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ContactEntry } from '../../../src-shared/contract/contacts';
import { CONTACT_CHANNELS, type ContactChannel } from '../../../src-shared/domain/contact-channels';
import { canCall } from '../../app/access';
import { useLanguage } from '../../app/language';
import { useSession } from '../../app/session';
import { DualDate } from '../../components/dual-date';
import { ErrorAlert } from '../../components/error-alert';
import { ContactModal } from './contact-modal';
import { ContactTable } from './contact-table';
import { RetractModal } from './retract-modal';
import { useDailyContacts, type DailyView } from './use-contacts';
import { KnowledgeButton } from '../knowledge/knowledge-button';
import './contacts.css';

/** The desk's day: every contact logged today (or follow-ups due), filtered by channel, and a form to log one. */
export function ContactsScreen() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { user } = useSession();
  const [view, setView] = useState<DailyView>('recorded');
  const [channel, setChannel] = useState<ContactChannel | null>(null);
  const [logging, setLogging] = useState(false);
  const [correcting, setCorrecting] = useState<ContactEntry | null>(null);
  const [retracting, setRetracting] = useState<ContactEntry | null>(null);
  const daily = useDailyContacts(view, channel);
  const canWrite = canCall(user, 'contacts.record');
  const counts = daily.data?.countsByChannel;

  return (
    <section>
      <div className="page-title-row">
        <Typography.Title level={2}>{t('contacts.title')}</Typography.Title>
        {daily.data ? <DualDate value={daily.data.day} inline /> : null}
        <span className="page-title-actions">
          <KnowledgeButton />
          {canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setLogging(true)} data-testid="contact-new">
              {t('contacts.record')}
            </Button>
          ) : null}
        </span>
      </div>
      <Card>
        <div className="contact-filters">
          <Segmented<DailyView>
            value={view}
            onChange={setView}
            options={[
              { value: 'recorded', label: t('contacts.views.recorded') },
              { value: 'follow_ups_due', label: t('contacts.views.follow_ups_due') },
            ]}
            data-testid="contact-view"
          />
          <Select<ContactChannel | 'all'>
            value={channel ?? 'all'}
            onChange={(v) => setChannel(v === 'all' ? null : v)}
            style={{ minInlineSize: 260 }}
            aria-label={t('contacts.fields.channel')}
            data-testid="contact-channel-filter"
            options={[
              { value: 'all', label: t('contacts.allChannels') },
              ...CONTACT_CHANNELS.map((c) => ({
                value: c.code,
                label: (
                  <span>
                    {c[lang]}
                    <span className="contact-channel-count">{counts ? counts[c.code] : ''}</span>
                  </span>
                ),
              })),
            ]}
          />
        </div>
        <ErrorAlert error={daily.error} />
        <ContactTable
          items={daily.data?.items ?? []}
          loading={daily.isPending}
          emptyText={t(view === 'recorded' ? 'contacts.empty' : 'contacts.emptyFollowUps')}
          showWho
          onCorrect={canWrite ? setCorrecting : undefined}
          onRetract={canWrite ? setRetracting : undefined}
          testId="contacts-daily"
        />
      </Card>
      {logging ? <ContactModal open onClose={() => setLogging(false)} /> : null}
      {correcting ? <ContactModal open correcting={correcting} onClose={() => setCorrecting(null)} /> : null}
      <RetractModal entry={retracting} onClose={() => setRetracting(null)} />
    </section>
  );
}
