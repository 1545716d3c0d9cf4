import { App } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FormSummary } from '../../../src-shared/contract/forms';
import { call } from '../../app/api-client';
import { useApiErrorText } from '../../components/error-alert';
import { formsQueryKey } from './use-forms';
import { openPdfForPrinting } from './pdf-file';

/**
 * The one way a stored form is printed: `forms.print` records the print (a copy after the first)
 * and either sends the bytes to the system dialog (desktop app) or hands them back for the
 * browser's viewer. Used by the forms list and by every "print this form" button on the desk.
 */
export function usePrintStoredForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useApiErrorText();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (form: FormSummary) => call('forms.print', { id: form.id }),
    onSuccess: (result, form) => {
      if (form.beneficiaryId) void client.invalidateQueries({ queryKey: formsQueryKey(form.beneficiaryId) });
      if (result.via === 'system') void message.success(t('forms.sentToPrinter'));
      else if (result.file && openPdfForPrinting(result.file.pdfBase64)) void message.info(t('forms.openedForPrint'));
      else void message.warning(t('forms.popupBlocked'));
    },
    onError: (error) => void message.error(errorText(error)),
  });
}

/**
 * Issues a form (the engine returns the stored one when the same data was signed before, so a
 * second click never makes a second form) and prints it at once.
 */
export function useIssueAndPrint(issue: () => Promise<FormSummary>) {
  const { message } = App.useApp();
  const errorText = useApiErrorText();
  const print = usePrintStoredForm();
  const generate = useMutation({
    mutationFn: issue,
    onSuccess: (form) => print.mutate(form),
    onError: (error) => void message.error(errorText(error)),
  });
  return { run: () => generate.mutate(), pending: generate.isPending || print.isPending, error: generate.error ?? print.error };
}
