import { Alert, Button, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InterviewView } from '../../../src-shared/contract/interviews';
import { DualDate } from '../../components/dual-date';
import { ErrorAlert } from '../../components/error-alert';
import { RequestForms } from './request-forms';
import { useInterviewAction } from './use-interview';

/** The request's state and the committee's due date in both calendars, with the receipt at hand. */
function RequestClock({ view }: { view: InterviewView }) {
  const { t } = useTranslation();
  const request = view.request;
  if (!request) return null;
  return (
    <>
      <Descriptions size="small" column={1} bordered data-testid="request-clock">
        <Descriptions.Item label={t('interview.requests.columns.state')}>
          <Tag color="blue" data-testid="request-state">{t(`interview.states.${request.state}`)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('interview.submission.due')}>
          <span data-testid="request-due">
            <DualDate value={request.dueDate} inline />
          </span>
        </Descriptions.Item>
      </Descriptions>
      <RequestForms request={request} />
    </>
  );
}

/** Step 6: registration completed once the requests are complete. */
export function StepRegistration({ view }: { view: InterviewView }) {
  const { t } = useTranslation();
  const complete = useInterviewAction(view.id, 'interviews.completeRegistration');
  return (
    <div>
      <RequestClock view={view} />
      <Alert type="info" showIcon title={t('interview.registration.intro')} style={{ marginBlock: 12 }} />
      <ErrorAlert error={complete.error} />
      <Button type="primary" loading={complete.isPending} onClick={() => complete.mutate({ id: view.id })} data-testid="registration-complete">
        {t('interview.registration.complete')}
      </Button>
    </div>
  );
}

/** Step 7: the service, recorded later by the committee and the delivery; shown pending with the state. */
export function StepService({ view }: { view: InterviewView }) {
  const { t } = useTranslation();
  return (
    <div data-testid="step-service">
      {view.status === 'completed' ? <Alert type="success" showIcon title={t('interview.wizard.done')} style={{ marginBlockEnd: 12 }} /> : null}
      <p>{t('interview.service.intro')}</p>
      <RequestClock view={view} />
    </div>
  );
}
