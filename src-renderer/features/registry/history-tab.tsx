import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { FieldChange } from '../../../src-shared/contract/beneficiaries';
import { useLanguage } from '../../app/language';
import { ErrorAlert } from '../../components/error-alert';
import { DateTimeText } from '../../components/dual-date';
import type { Translation } from '../../i18n/ar';
import { useBeneficiaryHistory } from './use-registry';

type Change = z.infer<typeof FieldChange>;

const LABELLED = new Set<string>([
  'firstName', 'fatherName', 'grandfatherName', 'familyName', 'latinName', 'idType', 'nationalId', 'nationality',
  'gender', 'birthDate', 'phonePrimary', 'phoneSecondary', 'governorate', 'city', 'address', 'notes',
]);

function isLabelled(field: string): field is keyof Translation['beneficiary']['fields'] {
  return LABELLED.has(field);
}

/** History rows name stored columns (phone_primary); the form's labels are keyed by its field names (phonePrimary). */
function labelOf(column: string, t: (key: `beneficiary.fields.${keyof Translation['beneficiary']['fields']}`) => string): string {
  const field = column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
  return isLabelled(field) ? t(`beneficiary.fields.${field}`) : column;
}

/** Who changed what and when: field, old value → new value. */
export function HistoryTab({ id }: { id: string }) {
  const { t } = useTranslation();
  const history = useBeneficiaryHistory(id);
  const { lang } = useLanguage();
  // Old value first in reading order, the arrow pointing along it.
  const arrow = lang === 'ar' ? '\u2190' : '\u2192';
  const columns: ColumnsType<Change> = [
    { key: 'field', title: t('profile.history.field'), dataIndex: 'field', render: (f: string) => labelOf(f, t) },
    {
      key: 'change',
      title: t('profile.history.change'),
      render: (_v, c) => (
        <span>
          <del>{c.oldValue ?? '—'}</del> {arrow} <ins>{c.newValue ?? '—'}</ins>
        </span>
      ),
    },
    {
      key: 'who',
      title: t('profile.history.who'),
      // A value that lost to a concurrent edit (or a merge) says so, and which desk wrote it.
      render: (_v, c) => (c.superseded ? <Tag color="orange" data-testid="history-superseded">{c.supersededInMerge ? t('syncReview.supersededInMerge') : t('syncReview.superseded', { desk: c.supersededDesk ?? '' })}</Tag> : (c.changedByName ?? '—')),
    },
    { key: 'when', title: t('profile.history.when'), dataIndex: 'changedAt', render: (v: string) => <DateTimeText value={v} /> },
  ];
  return (
    <>
      <ErrorAlert error={history.error} />
      <Table<Change>
        rowKey={(c) => `${c.changedAt}-${c.field}-${c.superseded ? 's' : 'e'}`}
        size="small"
        loading={history.isPending}
        columns={columns}
        dataSource={history.data?.changes ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('profile.history.empty') }}
        data-testid="history-table"
      />
    </>
  );
}
