import { Card, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CorrectionView } from '../../../src-shared/contract/privacy';
import { CONTACT_CHANNEL_NAMES } from '../../../src-shared/domain/contact-channels';
import { fieldLabel } from '../../../src-shared/i18n/field-labels';
import { useLanguage } from '../../app/language';
import { DualDate } from '../../components/dual-date';
import { ErrorAlert } from '../../components/error-alert';
import { formatCount } from '../interview/format-number';
import { DecideCorrection } from './decide-correction';
import { useOpenCorrections } from './use-data-rights';
import './data-rights.css';

/** Every open correction request in scope, soonest due first, overdue ones marked. */
export function CorrectionsScreen() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const open = useOpenCorrections();
  return (
    <section>
      <div className="page-title-row">
        <Typography.Title level={2}>{t('dataRights.corrections.screenTitle')}</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('dataRights.corrections.intro', { days: formatCount(open.data?.correctionDays ?? 30, lang) })}</Typography.Paragraph>
      <ErrorAlert error={open.error} />
      <Card>
        <Table<CorrectionView>
          rowKey="id"
          loading={open.isPending}
          dataSource={open.data?.items ?? []}
          pagination={false}
          data-testid="open-corrections"
          locale={{ emptyText: t('dataRights.corrections.emptyOpen') }}
          columns={[
            { key: 'due', title: t('dataRights.corrections.due'), render: (_, c) => <span><DualDate value={c.dueOn} inline /> {c.overdue ? <Tag color="red" data-testid={`correction-overdue-${c.id}`}>{t('dataRights.corrections.overdue')}</Tag> : null}</span> },
            { key: 'beneficiary', title: t('dataRights.corrections.beneficiary'), render: (_, c) => <Link to={`/beneficiaries/${c.beneficiaryId}`}>{c.beneficiaryName}</Link> },
            { key: 'field', title: t('dataRights.corrections.field'), render: (_, c) => fieldLabel(c.field)[lang] },
            { key: 'value', title: t('dataRights.corrections.requestedValue'), render: (_, c) => c.requestedValue ?? '—' },
            { key: 'why', title: t('dataRights.corrections.justification'), dataIndex: 'justification' },
            { key: 'received', title: t('dataRights.corrections.receivedAt'), render: (_, c) => <span><DualDate value={c.receivedAt} inline /> — {CONTACT_CHANNEL_NAMES[c.channel][lang]}</span> },
            { key: 'decide', title: '', width: 300, render: (_, c) => <DecideCorrection c={c} /> },
          ]}
        />
      </Card>
    </section>
  );
}
