import { useState } from 'react';
import { Alert, Button, Checkbox, Divider } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InterviewView } from '../../../src-shared/contract/interviews';
import { ErrorAlert } from '../../components/error-alert';
import { BeneficiaryPicker } from './beneficiary-picker';
import { CaseDataForm } from './case-data-form';
import { DocumentChecklist } from './document-checklist';
import { useInterviewAction } from './use-interview';

/** Step 2: the data collected and verified at submission — beneficiary, household, case data, documents. */
export function StepData({ view }: { view: InterviewView }) {
  const { t } = useTranslation();
  // Told once, when the step opens on a draft left by an earlier session (a crash, a referral, a break).
  const [restored] = useState(() => view.draft?.step === 'data_verification');
  const [identityChecked, setIdentityChecked] = useState(false);
  const complete = useInterviewAction(view.id, 'interviews.completeVerification');

  return (
    <div>
      {restored ? <Alert type="success" title={t('interview.wizard.resumed')} style={{ marginBlockEnd: 12 }} data-testid="draft-restored" /> : null}
      <Divider titlePlacement="start">{t('interview.data.beneficiary')}</Divider>
      <BeneficiaryPicker view={view} />
      {view.beneficiaryId ? (
        <>
          <Divider titlePlacement="start">{t('interview.data.caseData')}</Divider>
          <CaseDataForm view={view} />
          <Divider titlePlacement="start">{t('interview.data.documents')}</Divider>
          {view.request ? <DocumentChecklist interviewId={view.id} request={view.request} locked={false} /> : <Alert type="warning" title={t('interview.data.saveFirst')} />}
          <Divider />
          <Checkbox checked={identityChecked} onChange={(e) => setIdentityChecked(e.target.checked)} data-testid="identity-checked">
            {t('interview.data.identityChecked')}
          </Checkbox>
        </>
      ) : null}
      <ErrorAlert error={complete.error} testId="verification-error" />
      <div className="interview-actions">
        <Button
          type="primary"
          loading={complete.isPending}
          disabled={!view.beneficiaryId}
          // The contract wants `true`; an unticked box is sent as is so the server's message explains it.
          onClick={() => complete.mutate({ id: view.id, identityChecked: identityChecked as true })}
          data-testid="verification-complete"
        >
          {t('interview.data.complete')}
        </Button>
      </div>
    </div>
  );
}
