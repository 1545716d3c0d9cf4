import { useState } from 'react';
import { Alert, Button, Descriptions, Input } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { InterviewView } from '../../../src-shared/contract/interviews';
import { call } from '../../app/api-client';
import { DateTimeText } from '../../components/dual-date';
import { ErrorAlert } from '../../components/error-alert';
import { PrintFormButton } from '../forms/print-form-button';
import { AutosaveNote } from './autosave-note';
import { draftValue, interviewKey, useDraftAutosave, useInterviewAction } from './use-interview';

/** Step 3: refer to the social researcher when procedures are unclear, or record that it was not needed. */
export function StepReferral({ view }: { view: InterviewView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [reason, setReason] = useState(draftValue(view, 'referral', 'reason', ''));
  const autosave = useDraftAutosave(view.id, 'referral', { reason }, view.status === 'open');
  const referral = view.request?.referral ?? null;
  const refer = useMutation({
    mutationFn: () => call('referrals.create', { interviewId: view.id, reason }),
    onSuccess: () => client.invalidateQueries({ queryKey: interviewKey(view.id) }),
  });
  const complete = useInterviewAction(view.id, 'interviews.completeReferralStep');
  const slip = referral ? (
    <PrintFormButton issue={() => call('forms.generateReferralSlip', { referralId: referral.id })} label={t('forms.desk.referralSlip')} testId="print-referral-slip" />
  ) : null;

  if (referral?.status === 'open') {
    return (
      <div>
        <Alert type="warning" showIcon title={t('interview.referral.waiting')} data-testid="referral-waiting" />
        <Descriptions size="small" column={1} style={{ marginBlockStart: 12 }}>
          <Descriptions.Item label={t('interview.referral.reason')}>{referral.reason}</Descriptions.Item>
        </Descriptions>
        <div className="interview-actions">
          <Button onClick={() => void client.invalidateQueries({ queryKey: interviewKey(view.id) })} data-testid="referral-refresh">
            {t('interview.referral.refresh')}
          </Button>
          {slip}
        </div>
      </div>
    );
  }
  if (referral?.status === 'answered') {
    return (
      <div>
        <Alert type="success" showIcon title={t('interview.referral.answered')} />
        <Descriptions size="small" column={1} bordered style={{ marginBlockStart: 12 }} data-testid="referral-answer">
          <Descriptions.Item label={t('interview.referral.reason')}>{referral.reason}</Descriptions.Item>
          <Descriptions.Item label={t('interview.referral.notes')}>{referral.researcherNotes}</Descriptions.Item>
          <Descriptions.Item label={t('interview.referral.answer')}>{referral.answer}</Descriptions.Item>
          <Descriptions.Item label={referral.researcherName ?? ''}>{referral.answeredAt ? <DateTimeText value={referral.answeredAt} /> : null}</Descriptions.Item>
        </Descriptions>
        <ErrorAlert error={complete.error} />
        <div className="interview-actions">
          <Button type="primary" loading={complete.isPending} onClick={() => complete.mutate({ id: view.id, outcome: 'answered' })} data-testid="referral-continue">
            {t('interview.referral.continue')}
          </Button>
          {slip}
        </div>
      </div>
    );
  }
  return (
    <div>
      <Alert type="info" showIcon title={t('interview.referral.intro')} style={{ marginBlockEnd: 12 }} />
      <div className="interview-field">
        <label htmlFor="referral-reason">{t('interview.referral.reason')}</label>
        <Input.TextArea id="referral-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="referral-reason" />
      </div>
      <ErrorAlert error={refer.error ?? complete.error} />
      <div className="interview-actions">
        <Button type="primary" loading={refer.isPending} onClick={() => refer.mutate()} data-testid="referral-create">
          {t('interview.referral.refer')}
        </Button>
        <Button loading={complete.isPending} onClick={() => complete.mutate({ id: view.id, outcome: 'not_needed' })} data-testid="referral-not-needed">
          {t('interview.referral.notNeeded')}
        </Button>
        <AutosaveNote state={autosave} />
      </div>
    </div>
  );
}
