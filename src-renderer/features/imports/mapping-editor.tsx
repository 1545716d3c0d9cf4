import { Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Translation } from '../../i18n/ar';

/** Fields a beneficiary row can fill, in the order of the registration form. */
export const IMPORT_TARGETS = [
  'fullName', 'firstName', 'fatherName', 'grandfatherName', 'familyName', 'latinName', 'idType', 'nationalId', 'nationality',
  'gender', 'birthDate', 'phonePrimary', 'phoneSecondary', 'preferredChannel', 'governorate', 'city', 'address', 'notes',
] as const satisfies ReadonlyArray<keyof Translation['beneficiary']['fields']>;

type Row = { target: string };

/** Target field → file column, starting from the server's guess. */
export function MappingEditor({
  columns,
  mapping,
  onChange,
}: {
  columns: readonly string[];
  mapping: Record<string, string>;
  onChange: (mapping: Record<string, string>) => void;
}) {
  const { t } = useTranslation();
  const targets: string[] = [...IMPORT_TARGETS, ...Object.keys(mapping).filter((k) => !(IMPORT_TARGETS as readonly string[]).includes(k))];
  const label = (target: string) =>
    (IMPORT_TARGETS as readonly string[]).includes(target) ? t(`beneficiary.fields.${target as (typeof IMPORT_TARGETS)[number]}`) : target;
  const setColumn = (target: string, column: string | undefined) => {
    const next = { ...mapping };
    if (column) next[target] = column;
    else delete next[target];
    onChange(next);
  };
  return (
    <Table<Row>
      rowKey="target"
      size="small"
      pagination={false}
      dataSource={targets.map((target) => ({ target }))}
      columns={[
        { key: 'target', title: t('imports.targetField'), render: (_v, r) => label(r.target) },
        {
          key: 'column',
          title: t('imports.fileColumn'),
          render: (_v, r) => (
            <Select
              allowClear
              style={{ inlineSize: '100%', minInlineSize: 200 }}
              placeholder={t('imports.notMapped')}
              value={mapping[r.target]}
              onChange={(value: string | undefined) => setColumn(r.target, value)}
              options={columns.map((c) => ({ value: c, label: c }))}
              data-testid={`mapping-${r.target}`}
            />
          ),
        },
      ]}
    />
  );
}
