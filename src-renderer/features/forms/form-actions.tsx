import { App, Button, Space } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FormSummary } from '../../../src-shared/contract/forms';
import { call } from '../../app/api-client';
import { useApiErrorText } from '../../components/error-alert';
import { savePdf } from './pdf-file';
import { usePrintStoredForm } from './use-print-form';

/**
 * Print and save of a stored form: always the bytes issued, never regenerated. The desktop app
 * prints through the system dialog; the browser opens the PDF in its viewer to print.
 */
export function FormActions({ form }: { form: FormSummary }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useApiErrorText();
  const client = useQueryClient();
  const refresh = () => form.beneficiaryId && client.invalidateQueries({ queryKey: ['forms.list', form.beneficiaryId] });

  const print = usePrintStoredForm();
  const save = useMutation({
    mutationFn: () => call('forms.save', { id: form.id }),
    onSuccess: (file) => {
      void refresh();
      savePdf(file.pdfBase64, file.fileName);
    },
    onError: (error) => void message.error(errorText(error)),
  });

  return (
    <Space>
      <Button icon={<PrinterOutlined />} loading={print.isPending} onClick={() => print.mutate(form)} data-testid={`form-print-${form.code}`}>
        {form.copies > 0 ? t('forms.reprint') : t('forms.print')}
      </Button>
      <Button icon={<DownloadOutlined />} loading={save.isPending} onClick={() => save.mutate()} data-testid={`form-save-${form.code}`}>
        {t('forms.save')}
      </Button>
    </Space>
  );
}
