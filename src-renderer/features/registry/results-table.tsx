import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { BeneficiarySummary } from '../../../src-shared/contract/beneficiaries';
import { formatSaudiMobile } from '../../../src-shared/domain/phone';
import { DualDate } from '../../components/dual-date';

type ResultsTableProps = {
  items: readonly BeneficiarySummary[];
  selectedIndex: number;
  emptyText: string;
  onOpen: (id: string) => void;
  onSelect: (index: number) => void;
};

export function ResultsTable({ items, selectedIndex, emptyText, onOpen, onSelect }: ResultsTableProps) {
  const { t } = useTranslation();
  const columns: ColumnsType<BeneficiarySummary> = [
    { key: 'name', title: t('registry.columns.name'), dataIndex: 'fullName', render: (name: string) => <strong>{name}</strong> },
    {
      key: 'nationalId',
      title: t('registry.columns.nationalId'),
      dataIndex: 'nationalId',
      render: (value: string | null) => <span className="ltr-value">{value ?? '—'}</span>,
    },
    {
      key: 'phone',
      title: t('registry.columns.phone'),
      dataIndex: 'phonePrimary',
      render: (value: string | null) => <span className="ltr-value">{value ? formatSaudiMobile(value) : '—'}</span>,
    },
    { key: 'birthDate', title: t('registry.columns.birthDate'), dataIndex: 'birthDate', render: (value: string | null) => <DualDate value={value} /> },
    { key: 'branch', title: t('registry.columns.branch'), dataIndex: 'branchName' },
  ];
  return (
    <div data-testid="registry-results">
      <Table<BeneficiarySummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={[...items]}
        pagination={false}
        locale={{ emptyText }}
        rowClassName={(_record, index) => (index === selectedIndex ? 'row-selected clickable-row' : 'clickable-row')}
        onRow={(record, index) => ({
          onClick: () => onOpen(record.id),
          onMouseEnter: () => onSelect(index ?? 0),
          'data-testid': 'registry-row',
        })}
      />
    </div>
  );
}
