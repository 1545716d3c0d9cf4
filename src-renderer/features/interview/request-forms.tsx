import { Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RequestView } from '../../../src-shared/contract/requests';
import { canCall } from '../../app/access';
import { call } from '../../app/api-client';
import { useSession } from '../../app/session';
import { PrintFormButton } from '../forms/print-form-button';

/**
 * The request's signed forms at the desk: the support request once the applicant signed (step 4),
 * and the submission receipt with the committee's due date once it was submitted (step 5).
 */
export function RequestForms({ request }: { request: RequestView }) {
  const { t } = useTranslation();
  const { user } = useSession();
  // Issuing is a desk's act (the committee reads forms from the beneficiary's forms page).
  if (!canCall(user, 'forms.generateReceipt')) return null;
  return (
    <Space wrap className="interview-actions">
      {request.submittedAt ? (
        <PrintFormButton
          type="primary"
          issue={() => call('forms.generateReceipt', { requestId: request.id })}
          label={t('forms.desk.receipt')}
          testId="print-receipt-pdf"
        />
      ) : null}
      {request.signature ? (
        <PrintFormButton
          issue={() => call('forms.generateSupportRequest', { requestId: request.id })}
          label={t('forms.desk.supportRequest')}
          testId="print-support-request"
        />
      ) : null}
    </Space>
  );
}
