import { useState } from 'react';
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/error-alert';
import { AuditActionsBar } from './audit-actions-bar';
import { AuditFilters } from './audit-filters';
import { AuditTable } from './audit-table';
import { IdleLockCard } from './idle-lock-card';
import { AUDIT_PAGE_SIZE, NO_FILTERS, useAuditPage, type AuditFilterValues } from './use-audit';
import './audit.css';

/** Managers and admins: the audit log filtered, paged, exported and its hash chain verified. */
export function AuditScreen() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [filters, setFilters] = useState<AuditFilterValues>(NO_FILTERS);
  const [page, setPage] = useState(1);
  const [upToSeq, setUpToSeq] = useState<number | null>(null);
  const list = useAuditPage(filters, page, upToSeq);
  return (
    <section>
      <Typography.Title level={2}>{t('audit.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('audit.intro')}</Typography.Paragraph>
      {canCall(user, 'auth.setIdleLock') ? <IdleLockCard /> : null}
      <Card size="small" style={{ marginBlockEnd: 16 }}>
        <AuditFilters
          onApply={(next) => {
            setFilters(next);
            setPage(1);
            setUpToSeq(null);
          }}
        />
      </Card>
      <AuditActionsBar filters={filters} />
      <ErrorAlert error={list.error} />
      <AuditTable
        items={list.data?.items ?? []}
        total={list.data?.total ?? 0}
        page={page}
        pageSize={AUDIT_PAGE_SIZE}
        loading={list.isFetching}
        onPage={(next) => {
          // The first page's end holds for the whole reading (see useAuditPage).
          setUpToSeq((anchor) => anchor ?? list.data?.upToSeq ?? null);
          setPage(next);
        }}
      />
    </section>
  );
}
