import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AuditEntryView } from '../../../src-shared/contract/audit';
import { auditActionLabel } from '../../../src-shared/domain/audit-actions';
import { SENSITIVE_FIELDS, type SensitiveField } from '../../../src-shared/domain/sensitive-fields';
import { useLanguage } from '../../app/language';
import { DateTimeText } from '../../components/dual-date';

function isSensitiveField(value: unknown): value is SensitiveField {
  return typeof value === 'string' && (SENSITIVE_FIELDS as readonly string[]).includes(value);
}

/** "Who viewed whom" in one sentence for the entries about a person; the action's name otherwise. */
function useSummary() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  return (entry: AuditEntryView): string => {
    const user = entry.userName ?? t('audit.system');
    const subject = entry.subjectName ?? entry.entityId ?? '';
    const field = entry.detail?.field;
    if (entry.action === 'beneficiaries.reveal' && isSensitiveField(field)) {
      return t('audit.summary.reveal', { user, subject, field: t(`audit.fields.${field}`) });
    }
    if (entry.action === 'beneficiaries.get') return t('audit.summary.view', { user, subject });
    if (entry.action === 'beneficiaries.getForEdit') return t('audit.summary.edit', { user, subject });
    return auditActionLabel(entry.action, lang);
  };
}

type Props = {
  items: AuditEntryView[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number) => void;
};

export function AuditTable({ items, total, page, pageSize, loading, onPage }: Props) {
  const { t } = useTranslation();
  const summary = useSummary();
  const columns: ColumnsType<AuditEntryView> = [
    { key: 'seq', title: '#', dataIndex: 'seq', width: 70 },
    { key: 'at', title: t('audit.columns.at'), render: (_v, e) => <DateTimeText value={e.at} />, width: 190 },
    { key: 'user', title: t('audit.columns.user'), render: (_v, e) => e.userName ?? t('audit.system') },
    { key: 'branch', title: t('audit.columns.branch'), render: (_v, e) => e.branchName ?? '—' },
    { key: 'action', title: t('audit.columns.action'), render: (_v, e) => summary(e) },
    {
      key: 'subject',
      title: t('audit.columns.subject'),
      render: (_v, e) => (e.entity === 'beneficiary' && e.entityId ? <Link to={`/beneficiaries/${e.entityId}`}>{e.subjectName ?? e.entityId}</Link> : '—'),
    },
    {
      key: 'details',
      title: t('audit.columns.details'),
      render: (_v, e) => (e.detail ? <Typography.Text code className="ltr-value audit-detail">{JSON.stringify(e.detail)}</Typography.Text> : null),
    },
  ];
  return (
    <Table<AuditEntryView>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      loading={loading}
      data-testid="audit-table"
      pagination={{ current: page, pageSize, total, showSizeChanger: false, onChange: onPage, showTotal: (count) => t('audit.total', { count }) }}
    />
  );
}
