import { Button, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ContactEntry } from '../../../src-shared/contract/contacts';
import { CONTACT_CHANNEL_NAMES } from '../../../src-shared/domain/contact-channels';
import { formatSaudiMobile } from '../../../src-shared/domain/phone';
import { useLanguage } from '../../app/language';
import { DateTimeText, DualDate } from '../../components/dual-date';

type Props = {
  items: ContactEntry[];
  loading: boolean;
  emptyText: string;
  /** The per-beneficiary list leaves the name out: the profile already shows it. */
  showWho: boolean;
  onCorrect?: ((entry: ContactEntry) => void) | undefined;
  onRetract?: ((entry: ContactEntry) => void) | undefined;
  testId: string;
};

/** Contacts as the desk reads them: when, who, over which channel, about what, and what comes next. */
export function ContactTable({ items, loading, emptyText, showWho, onCorrect, onRetract, testId }: Props) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const columns: ColumnsType<ContactEntry> = [
    { key: 'at', title: t('contacts.fields.occurredAt'), dataIndex: 'occurredAt', width: 190, render: (v: string) => <DateTimeText value={v} /> },
    ...(showWho
      ? [
          {
            key: 'who',
            title: t('contacts.fields.who'),
            render: (_v: unknown, c: ContactEntry) =>
              c.beneficiaryId ? (
                <Link to={`/beneficiaries/${c.beneficiaryId}`}>{c.beneficiaryName}</Link>
              ) : (
                <span>
                  {c.callerName ?? t('contacts.anonymousCaller')}
                  {c.callerPhone ? <span className="contact-secondary" dir="ltr">{formatSaudiMobile(c.callerPhone)}</span> : null}
                </span>
              ),
          },
        ]
      : []),
    {
      key: 'channel',
      title: t('contacts.fields.channel'),
      render: (_v, c) => (
        <span>
          {CONTACT_CHANNEL_NAMES[c.channel][lang]}
          <span className="contact-secondary">
            {t(`contacts.directions.${c.direction}`)} · {t(`contacts.kinds.${c.contactKind}`)}
          </span>
        </span>
      ),
    },
    {
      key: 'subject',
      title: t('contacts.fields.subject'),
      render: (_v, c) => (
        <span>
          <span className="contact-subject">{c.subject}</span>
          {c.details ? <span className="contact-secondary">{c.details}</span> : null}
        </span>
      ),
    },
    {
      key: 'outcome',
      title: t('contacts.fields.outcome'),
      render: (_v, c) => (
        <span>
          <Tag color={c.outcome === 'follow_up_needed' ? 'orange' : c.outcome === 'unreachable' ? 'red' : 'green'}>{t(`contacts.outcomes.${c.outcome}`)}</Tag>
          {c.correctsId ? <Tag>{t('contacts.corrected')}</Tag> : null}
          {c.nextStep ? <span className="contact-secondary">{c.nextStep}</span> : null}
          {c.followUpOn ? (
            <span className="contact-secondary">
              {t('contacts.fields.followUpOn')}: <DualDate value={c.followUpOn} inline />
            </span>
          ) : null}
        </span>
      ),
    },
    { key: 'by', title: t('contacts.fields.recordedBy'), render: (_v, c) => <span>{c.recordedByName ?? '—'}<span className="contact-secondary">{c.branchName}</span></span> },
  ];
  if (onCorrect || onRetract) {
    columns.push({
      key: 'actions',
      title: '',
      width: 150,
      render: (_v, c) => (
        <Space size={4}>
          {onCorrect ? <Button size="small" onClick={() => onCorrect(c)} data-testid="contact-correct">{t('contacts.correct')}</Button> : null}
          {onRetract ? <Button size="small" danger onClick={() => onRetract(c)} data-testid="contact-retract">{t('contacts.retract')}</Button> : null}
        </Space>
      ),
    });
  }
  return (
    <Table<ContactEntry>
      rowKey="id"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={items}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText }}
      data-testid={testId}
    />
  );
}
