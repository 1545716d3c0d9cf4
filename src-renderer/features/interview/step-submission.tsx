import { Alert, Button, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InterviewView } from '../../../src-shared/contract/interviews';
import { useLanguage } from '../../app/language';
import { ErrorAlert } from '../../components/error-alert';
import { formatCount } from './format-number';
import { RequestForms } from './request-forms';
import { useClockSettings, useInterviewAction } from './use-interview';

/** Step 5: explain the committee and its deadline, then submit: the clock starts now. */
export function StepSubmission({ view }: { view: InterviewView }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const clock = useClockSettings();
  const submit = useInterviewAction(view.id, 'interviews.submit');
  if (clock.isPending) return <Skeleton active />;
  return (
    <div>
      {view.request ? <RequestForms request={view.request} /> : null}
      <Alert type="info" showIcon title={t('interview.submission.intro')} style={{ marginBlock: 12 }} />
      {clock.data ? (
        <p data-testid="clock-settings">
          {t('interview.submission.clock', { days: formatCount(clock.data.days, lang), mode: t(`interview.submission.modes.${clock.data.mode}`) })}
        </p>
      ) : null}
      <ErrorAlert error={submit.error ?? clock.error} />
      <div className="interview-actions">
        <Button type="primary" loading={submit.isPending} onClick={() => submit.mutate({ id: view.id })} data-testid="submission-submit">
          {t('interview.submission.submit')}
        </Button>
      </div>
    </div>
  );
}
