import { Card, Col, Row, Statistic, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ImportDuplicate, ImportRejection, ImportReport } from '../../../src-shared/contract/system';
import { useLanguage } from '../../app/language';
import { DUPLICATE_REASONS } from '../../../src-shared/contract/beneficiaries';

type Rejection = z.infer<typeof ImportRejection>;
type Duplicate = z.infer<typeof ImportDuplicate>;

function isDuplicateReason(reason: string): reason is (typeof DUPLICATE_REASONS)[number] {
  return (DUPLICATE_REASONS as readonly string[]).includes(reason);
}

/** Counts, rejected rows with their reasons, and duplicates within the file and against the store. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const duplicates = [...report.duplicatesInFile, ...report.duplicatesInStore];
  const counts = [
    { key: 'total', value: report.totalRows },
    { key: 'accepted', value: report.accepted },
    { key: 'rejected', value: report.rejected.length },
    { key: 'dupFile', value: report.duplicatesInFile.length },
    { key: 'dupStore', value: report.duplicatesInStore.length },
    { key: 'imported', value: report.imported },
  ] as const;
  return (
    <div data-testid="import-report">
      <Row gutter={16} style={{ marginBlockEnd: 16 }}>
        {counts.map((c) => (
          <Col key={c.key} xs={12} md={4}>
            <Card size="small">
              <Statistic title={t(`imports.counts.${c.key}`)} value={c.value} />
            </Card>
          </Col>
        ))}
      </Row>
      {report.rejected.length > 0 ? (
        <Card size="small" title={t('imports.rejectedRows')} style={{ marginBlockEnd: 16 }}>
          <Table<Rejection>
            rowKey="row"
            size="small"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            dataSource={report.rejected}
            columns={[
              { key: 'row', title: t('imports.row'), dataIndex: 'row', width: 80 },
              {
                key: 'reasons',
                title: t('imports.reasons'),
                render: (_v, r) => r.reasons.map((reason, i) => <div key={i}>{lang === 'ar' ? reason.ar : reason.en}</div>),
              },
            ]}
          />
        </Card>
      ) : null}
      {duplicates.length > 0 ? (
        <Card size="small" title={t('imports.duplicateRows')}>
          <Table<Duplicate>
            rowKey={(d) => `${d.row}-${d.otherRow ?? d.existingId ?? ''}`}
            size="small"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            dataSource={duplicates}
            columns={[
              { key: 'row', title: t('imports.row'), dataIndex: 'row', width: 80 },
              {
                key: 'match',
                title: t('imports.otherRow'),
                render: (_v, d) => (d.otherRow !== null ? d.otherRow : t('imports.existing')),
              },
              {
                key: 'reasons',
                title: t('imports.reasons'),
                render: (_v, d) => d.reasons.map((r) => <Tag key={r}>{isDuplicateReason(r) ? t(`duplicates.reasons.${r}`) : r}</Tag>),
              },
            ]}
          />
        </Card>
      ) : null}
    </div>
  );
}
