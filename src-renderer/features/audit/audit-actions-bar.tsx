import { useState } from 'react';
import { Alert, App, Button, Space } from 'antd';
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../src-shared/contract';
import { call } from '../../app/api-client';
import { useApiErrorText } from '../../components/error-alert';
import { downloadBase64 } from '../reports/download';
import type { AuditFilterValues } from './use-audit';

/** Export of the filtered log (CSV with BOM, or XLSX) and the chain check, each an audited call. */
export function AuditActionsBar({ filters }: { filters: AuditFilterValues }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useApiErrorText();
  const [check, setCheck] = useState<MethodOutput<'audit.verify'> | null>(null);
  const exportFile = useMutation({
    mutationFn: (format: 'csv' | 'xlsx') => call('audit.export', { ...filters, format }),
    onSuccess: (file) => {
      downloadBase64(file.base64, file.fileName, file.mimeType);
      void message.success(file.truncated ? t('audit.truncated', { count: file.rows }) : t('audit.exported', { count: file.rows }));
    },
    onError: (error) => void message.error(errorText(error)),
  });
  const verify = useMutation({
    mutationFn: () => call('audit.verify', {}),
    onSuccess: setCheck,
    onError: (error) => void message.error(errorText(error)),
  });
  return (
    <>
      <Space wrap style={{ marginBlockEnd: 12 }}>
        <Button icon={<DownloadOutlined />} loading={exportFile.isPending && exportFile.variables === 'csv'} onClick={() => exportFile.mutate('csv')} data-testid="audit-export-csv">
          {t('audit.exportCsv')}
        </Button>
        <Button icon={<DownloadOutlined />} loading={exportFile.isPending && exportFile.variables === 'xlsx'} onClick={() => exportFile.mutate('xlsx')} data-testid="audit-export-xlsx">
          {t('audit.exportXlsx')}
        </Button>
        <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()} data-testid="audit-verify">
          {t('audit.verify')}
        </Button>
      </Space>
      {check ? (
        <Alert
          showIcon
          type={check.ok ? 'success' : 'error'}
          title={check.ok ? t('audit.verifyOk', { count: check.entries }) : t('audit.verifyBroken', { seq: check.brokenAtSeq })}
          data-testid="audit-verify-result"
          style={{ marginBlockEnd: 12 }}
        />
      ) : null}
    </>
  );
}
