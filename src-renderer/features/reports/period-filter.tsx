import { Input, Select, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '../../../src-shared/contract';
import { QUEUE_SERVICE_CODES, type QueueService } from '../../../src-shared/domain/queue-services';
import { hijriMonthOf, type PeriodChoice } from '../../../src-shared/domain/report-period';
import { call } from '../../app/api-client';
import { useSession } from '../../app/session';

export type Filters = MethodInput<'reports.dashboard'>;
type Kind = PeriodChoice['kind'];

/** The month the dashboard opens on: the current Hijri month, the board's month. */
export function initialFilters(today = new Date()): Filters {
  return { period: { kind: 'hijri_month', ...hijriMonthOf(today) }, branchId: null, service: null };
}

function changeKind(kind: Kind, today = new Date()): PeriodChoice {
  if (kind === 'hijri_month') return { kind, ...hijriMonthOf(today) };
  if (kind === 'gregorian_month') return { kind, year: today.getUTCFullYear(), month: today.getUTCMonth() + 1 };
  const iso = today.toISOString().slice(0, 10);
  return { kind, from: `${iso.slice(0, 8)}01`, to: iso };
}

const years = (last: number) => Array.from({ length: 4 }, (_, i) => last - i);

/** Period (Hijri month, Gregorian month or a custom range), branch (head-office users only) and service. */
export function PeriodFilter({ value, onChange }: { value: Filters; onChange(next: Filters): void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const branches = useQuery({ queryKey: ['branches.list'], queryFn: () => call('branches.list', {}), enabled: user.branchScope === 'all' });
  const period = value.period;
  const monthNames = t(period.kind === 'hijri_month' ? 'reports.hijriMonths' : 'reports.gregorianMonths', { returnObjects: true }) as string[];
  const now = new Date();
  const setPeriod = (next: PeriodChoice) => onChange({ ...value, period: next });
  return (
    <Space wrap size="middle" className="reports-filters" data-testid="reports-filters">
      <Select<Kind>
        aria-label={t('reports.filters.kind')}
        data-testid="period-kind"
        value={period.kind}
        style={{ minInlineSize: 150 }}
        onChange={(kind) => setPeriod(changeKind(kind))}
        options={(['hijri_month', 'gregorian_month', 'range'] as const).map((k) => ({ value: k, label: t(`reports.filters.${k}`) }))}
      />
      {period.kind === 'range' ? (
        <>
          <Input type="date" aria-label={t('reports.filters.from')} data-testid="period-from" value={period.from} onChange={(e) => setPeriod({ ...period, from: e.target.value })} />
          <Input type="date" aria-label={t('reports.filters.to')} data-testid="period-to" value={period.to} onChange={(e) => setPeriod({ ...period, to: e.target.value })} />
        </>
      ) : (
        <>
          <Select<number>
            aria-label={t('reports.filters.month')}
            data-testid="period-month"
            value={period.month}
            style={{ minInlineSize: 140 }}
            onChange={(month) => setPeriod({ ...period, month })}
            options={monthNames.map((name, i) => ({ value: i + 1, label: name }))}
          />
          <Select<number>
            aria-label={t('reports.filters.year')}
            data-testid="period-year"
            value={period.year}
            onChange={(year) => setPeriod({ ...period, year })}
            options={years(period.kind === 'hijri_month' ? hijriMonthOf(now).year : now.getUTCFullYear()).map((y) => ({ value: y, label: String(y) }))}
          />
        </>
      )}
      {user.branchScope === 'all' ? (
        <Select<string>
          aria-label={t('reports.filters.branch')}
          data-testid="report-branch"
          value={value.branchId ?? ''}
          style={{ minInlineSize: 170 }}
          onChange={(id) => onChange({ ...value, branchId: id === '' ? null : id })}
          options={[{ value: '', label: t('reports.filters.allBranches') }, ...(branches.data?.branches ?? []).map((b) => ({ value: b.id, label: b.nameAr }))]}
        />
      ) : null}
      <Select<QueueService | ''>
        aria-label={t('reports.filters.service')}
        data-testid="report-service"
        value={value.service ?? ''}
        style={{ minInlineSize: 170 }}
        onChange={(service) => onChange({ ...value, service: service === '' ? null : service })}
        options={[{ value: '' as const, label: t('reports.filters.allServices') }, ...QUEUE_SERVICE_CODES.map((s) => ({ value: s, label: t(`reports.services.${s}`) }))]}
      />
    </Space>
  );
}
