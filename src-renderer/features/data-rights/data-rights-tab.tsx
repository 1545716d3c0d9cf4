import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CorrectionView, ExportRequestView, RightsView } from '../../../src-shared/contract/privacy';
import { CONTACT_CHANNEL_NAMES, type ContactChannel } from '../../../src-shared/domain/contact-channels';
import { fieldLabel } from '../../../src-shared/i18n/field-labels';
import { call } from '../../app/api-client';
import { canCall } from '../../app/access';
import { useLanguage } from '../../app/language';
import { useSession } from '../../app/session';
import { DualDate } from '../../components/dual-date';
import { ErrorAlert } from '../../components/error-alert';
import { downloadBase64 } from '../reports/download';
import { ChannelSelect } from './channel-select';
import { CorrectionModal } from './correction-modal';
import { DecideCorrection } from './decide-correction';
import { useDataRightsWrite, useRights } from './use-data-rights';
import './data-rights.css';

function ConsentCard({ beneficiaryId, rights }: { beneficiaryId: string; rights: RightsView }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [formId, setFormId] = useState<string | null>(null);
  const [channel, setChannel] = useState<ContactChannel>('in_person_interview');
  const record = useDataRightsWrite('privacy.recordConsent');
  const forms = useQuery({ queryKey: ['forms.list', beneficiaryId], queryFn: () => call('forms.list', { beneficiaryId }), enabled: canCall(user, 'forms.list') });
  const consentForms = (forms.data?.items ?? []).filter((f) => f.kind === 'data_consent' && f.status === 'current');
  const consent = rights.consent;
  const mayWrite = canCall(user, 'privacy.recordConsent') && !rights.anonymisedAt;
  return (
    <Card size="small" title={t('dataRights.consent.title')} data-testid="consent-card">
      {consent ? (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('dataRights.consent.title')}>
            <span>
              <Tag color={consent.status === 'given' ? 'green' : 'red'} data-testid="consent-status">{t(`dataRights.consent.${consent.status}`)}</Tag> {t('dataRights.consent.since')} <DualDate value={consent.recordedAt} inline />
            </span>
          </Descriptions.Item>
          {consent.formCode ? <Descriptions.Item label={t('dataRights.consent.form')}><bdi>{consent.formCode}</bdi></Descriptions.Item> : null}
          <Descriptions.Item label={t('dataRights.consent.by')}>{consent.recordedByName ?? '—'}</Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Paragraph type="secondary" data-testid="consent-status">{t('dataRights.consent.none')}</Typography.Paragraph>
      )}
      {mayWrite ? (
        <Space wrap>
          {consent?.status === 'given' ? (
            <>
              <ChannelSelect value={channel} onChange={setChannel} testId="consent-channel" label={t('dataRights.consent.channel')} />
              <Popconfirm title={t('dataRights.consent.withdrawConfirm')} onConfirm={() => record.mutate({ beneficiaryId, status: 'withdrawn', channel })}>
                <Button danger data-testid="consent-withdraw">{t('dataRights.consent.withdraw')}</Button>
              </Popconfirm>
            </>
          ) : consentForms.length === 0 ? (
            <Typography.Text type="secondary">{t('dataRights.consent.noForm')}</Typography.Text>
          ) : (
            <>
              <Select<string>
                style={{ minInlineSize: 260 }}
                placeholder={t('dataRights.consent.chooseForm')}
                aria-label={t('dataRights.consent.chooseForm')}
                value={formId ?? undefined}
                onChange={setFormId}
                data-testid="consent-form"
                options={consentForms.map((f) => ({ value: f.id, label: `${f.code} — ${f.issuedAt.slice(0, 10)}` }))}
              />
              <Button type="primary" disabled={!formId} onClick={() => formId && record.mutate({ beneficiaryId, status: 'given', formId, channel: 'in_person_interview' })} data-testid="consent-record">
                {t('dataRights.consent.record')}
              </Button>
            </>
          )}
        </Space>
      ) : null}
      <ErrorAlert error={record.error} testId="consent-error" />
    </Card>
  );
}

function ExportsCard({ beneficiaryId, rights }: { beneficiaryId: string; rights: RightsView }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { user } = useSession();
  const { message } = App.useApp();
  const [channel, setChannel] = useState<ContactChannel>('in_person_interview');
  const request = useDataRightsWrite('privacy.requestExport');
  const hand = useDataRightsWrite('privacy.export');
  const mayHand = canCall(user, 'privacy.export') && !rights.anonymisedAt;
  const deliver = (id: string, format: 'json' | 'pdf') =>
    hand.mutate(
      { requestId: id, format },
      {
        onSuccess: (file) => {
          downloadBase64(file.contentBase64, file.fileName, file.mimeType);
          void message.success(t('dataRights.exports.done'));
        },
      },
    );
  return (
    <Card size="small" title={t('dataRights.exports.title')} data-testid="exports-card">
      <Typography.Paragraph type="secondary">{t('dataRights.exports.intro')}</Typography.Paragraph>
      {canCall(user, 'privacy.requestExport') && !rights.anonymisedAt ? (
        <Space wrap className="data-rights-actions">
          <ChannelSelect value={channel} onChange={setChannel} testId="export-channel" label={t('dataRights.exports.channel')} />
          <Button icon={<PlusOutlined />} loading={request.isPending} onClick={() => request.mutate({ beneficiaryId, channel })} data-testid="export-request">
            {t('dataRights.exports.request')}
          </Button>
        </Space>
      ) : null}
      <ErrorAlert error={request.error ?? hand.error} testId="export-error" />
      <Table<ExportRequestView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rights.exports}
        data-testid="export-requests"
        locale={{ emptyText: t('dataRights.exports.empty') }}
        columns={[
          { key: 'at', title: t('dataRights.exports.requestedAt'), render: (_, e) => <DualDate value={e.requestedAt} inline /> },
          { key: 'channel', title: t('dataRights.exports.channel'), render: (_, e) => CONTACT_CHANNEL_NAMES[e.channel][lang] },
          { key: 'by', title: t('dataRights.exports.requestedBy'), render: (_, e) => e.requestedByName ?? '—' },
          { key: 'delivered', title: t('dataRights.exports.deliveredAt'), render: (_, e) => (e.deliveredAt ? <DualDate value={e.deliveredAt} inline /> : <Tag>{t('dataRights.exports.pending')}</Tag>) },
          { key: 'formats', title: t('dataRights.exports.formats'), render: (_, e) => e.formats.map((f) => <Tag key={f}>{f.toUpperCase()}</Tag>) },
          ...(mayHand
            ? [{
                key: 'actions',
                title: '',
                render: (_: unknown, e: ExportRequestView) => (
                  <Space>
                    <Button size="small" loading={hand.isPending} onClick={() => deliver(e.id, 'pdf')} data-testid={`export-pdf-${e.id}`}>{t('dataRights.exports.pdf')}</Button>
                    <Button size="small" loading={hand.isPending} onClick={() => deliver(e.id, 'json')} data-testid={`export-json-${e.id}`}>{t('dataRights.exports.json')}</Button>
                  </Space>
                ),
              }]
            : []),
        ]}
      />
    </Card>
  );
}

function CorrectionsCard({ beneficiaryId, rights }: { beneficiaryId: string; rights: RightsView }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { user } = useSession();
  const [adding, setAdding] = useState(false);
  const mayDecide = canCall(user, 'privacy.decideCorrection');
  return (
    <Card
      size="small"
      title={t('dataRights.corrections.title')}
      data-testid="corrections-card"
      extra={canCall(user, 'privacy.requestCorrection') && !rights.anonymisedAt ? <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="correction-new">{t('dataRights.corrections.new')}</Button> : null}
    >
      <Table<CorrectionView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rights.corrections}
        data-testid="corrections"
        locale={{ emptyText: t('dataRights.corrections.empty') }}
        columns={[
          { key: 'field', title: t('dataRights.corrections.field'), render: (_, c) => fieldLabel(c.field)[lang] },
          { key: 'value', title: t('dataRights.corrections.requestedValue'), render: (_, c) => c.requestedValue ?? '—' },
          { key: 'why', title: t('dataRights.corrections.justification'), dataIndex: 'justification' },
          { key: 'due', title: t('dataRights.corrections.due'), render: (_, c) => <span><DualDate value={c.dueOn} inline /> {c.overdue ? <Tag color="red">{t('dataRights.corrections.overdue')}</Tag> : null}</span> },
          { key: 'status', title: t('dataRights.corrections.status'), render: (_, c) => <Tag data-testid={`correction-status-${c.id}`} color={c.status === 'accepted' ? 'green' : c.status === 'rejected' ? 'red' : 'blue'}>{t(`dataRights.corrections.statuses.${c.status}`)}</Tag> },
          { key: 'decision', title: '', width: 300, render: (_, c) => (c.status === 'open' ? (mayDecide ? <DecideCorrection c={c} /> : null) : (c.decisionReason ?? c.decidedByName)) },
        ]}
      />
      <CorrectionModal beneficiaryId={beneficiaryId} open={adding} onClose={() => setAdding(false)} />
    </Card>
  );
}

/** The profile's personal-data rights: consent, copies of the data, corrections. */
export function DataRightsTab({ beneficiaryId }: { beneficiaryId: string }) {
  const { t } = useTranslation();
  const rights = useRights(beneficiaryId);
  if (rights.error) return <ErrorAlert error={rights.error} />;
  if (!rights.data) return null;
  return (
    <div className="data-rights" data-testid="data-rights">
      {rights.data.anonymisedAt ? (
        <Alert type="warning" showIcon title={<span>{t('dataRights.anonymised')} <DualDate value={rights.data.anonymisedAt} inline /></span>} />
      ) : null}
      <ConsentCard beneficiaryId={beneficiaryId} rights={rights.data} />
      <ExportsCard beneficiaryId={beneficiaryId} rights={rights.data} />
      <CorrectionsCard beneficiaryId={beneficiaryId} rights={rights.data} />
    </div>
  );
}
