import { useState } from 'react';
import { App, Button, Space, Spin, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api-client';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { useLanguage } from '../../app/language';
import type { Dashboard } from '../../../src-shared/contract/reports';
import { toArabicIndicDigits } from '../../../src-shared/domain/digits';
import { ErrorAlert, useApiErrorText } from '../../components/error-alert';
import { openPdfForPrinting } from '../forms/pdf-file';
import { downloadBase64 } from './download';
import { KpiCards } from './kpi-cards';
import { initialFilters, PeriodFilter, type Filters } from './period-filter';
import { CountsSection, OverdueSection, PerDaySection, SatisfactionSection } from './sections';
import './reports.css';

/** The managers' dashboard: filters, headline figures, a chart and table per area, exports and the monthly PDF. */
export function ReportsScreen() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const errorText = useApiErrorText();
  const [filters, setFilters] = useState<Filters>(() => initialFilters());
  const dashboard = useQuery({ queryKey: ['reports.dashboard', filters], queryFn: () => call('reports.dashboard', filters), retry: false });
  const exportFile = useMutation({
    mutationFn: (format: 'xlsx' | 'csv') => call('reports.export', { ...filters, table: format === 'xlsx' ? 'all' : 'summary', format }),
    onSuccess: (file) => {
      downloadBase64(file.base64, file.fileName, file.mimeType);
      void message.success(t('reports.actions.exported'));
    },
    onError: (error) => void message.error(errorText(error)),
  });
  const printPdf = useMutation({
    mutationFn: () => call('reports.printMonthly', filters),
    onSuccess: (result) => {
      if (result.via === 'system') void message.success(t('reports.actions.sentToPrinter'));
      else if (result.file && openPdfForPrinting(result.file.base64)) void message.info(t('reports.actions.printed'));
      else void message.warning(t('reports.actions.popupBlocked'));
    },
    onError: (error) => void message.error(errorText(error)),
  });
  const d = dashboard.data;
  // The server writes Latin digits (as the PDF prints them); the Arabic screen writes Arabic-Indic ones.
  const heading = (x: Dashboard) =>
    lang === 'en'
      ? t('reports.heading', { branch: x.branch.nameEn, period: x.period.labelEn, range: x.period.gregorianLabelEn })
      : toArabicIndicDigits(t('reports.heading', { branch: x.branch.name, period: x.period.label, range: x.period.gregorianLabel }));
  return (
    <div className="reports-screen" data-testid="reports-screen">
      <Typography.Title level={3}>{t('reports.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('reports.subtitle')}</Typography.Paragraph>
      <Space wrap className="reports-toolbar">
        <PeriodFilter value={filters} onChange={setFilters} />
        <Button icon={<DownloadOutlined />} onClick={() => exportFile.mutate('xlsx')} loading={exportFile.isPending && exportFile.variables === 'xlsx'} disabled={!d} data-testid="export-xlsx">{t('reports.actions.xlsx')}</Button>
        <Button onClick={() => exportFile.mutate('csv')} loading={exportFile.isPending && exportFile.variables === 'csv'} disabled={!d} data-testid="export-csv">{t('reports.actions.csv')}</Button>
        {canCall(user, 'reports.monthlyPdf') ? (
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => printPdf.mutate()} loading={printPdf.isPending} disabled={!d} data-testid="print-report">{t('reports.actions.pdf')}</Button>
        ) : null}
      </Space>
      <ErrorAlert error={dashboard.error} testId="reports-error" />
      {dashboard.isLoading ? <Spin /> : null}
      {d ? (
        <>
          <Typography.Title level={4} data-testid="reports-heading">{heading(d)}</Typography.Title>
          <KpiCards dashboard={d} />
          <div className="reports-grid">
            <PerDaySection dashboard={d} />
            <CountsSection title={t('reports.sections.requestsByType')} rows={d.requests.byType} testId="section-requests-type" />
            <CountsSection title={t('reports.sections.requestsByState')} rows={d.requests.byState} testId="section-requests-state" />
            <CountsSection title={t('reports.sections.decisions')} rows={d.decisions.byOutcome} testId="section-decisions" />
            <CountsSection title={t('reports.sections.contacts')} rows={d.contacts.byChannel} testId="section-contacts" />
            <SatisfactionSection dashboard={d} />
          </div>
          <OverdueSection dashboard={d} />
        </>
      ) : null}
    </div>
  );
}
