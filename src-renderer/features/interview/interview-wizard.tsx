import { Button, Card, Result, Skeleton, Steps, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { INTERVIEW_STEPS, stepNumber, type InterviewStep } from '../../../src-shared/domain/interview-steps';
import type { InterviewView } from '../../../src-shared/contract/interviews';
import { DateTimeText } from '../../components/dual-date';
import { useApiErrorText } from '../../components/error-alert';
import { BackIcon } from '../registry/register-screen';
import { StepReception } from './step-reception';
import { StepData } from './step-data';
import { StepReferral } from './step-referral';
import { StepAttestation } from './step-attestation';
import { StepSubmission } from './step-submission';
import { StepRegistration, StepService } from './step-closing';
import { StaffToolsButton } from './staff-tools';
import { useInterview } from './use-interview';
import { useVisitLinks } from './use-visit-links';
import './interview.css';

function StepPanel({ view, step }: { view: InterviewView; step: InterviewStep }) {
  switch (step) {
    case 'reception':
      return <StepReception view={view} />;
    case 'data_verification':
      return <StepData view={view} />;
    case 'referral':
      return <StepReferral view={view} />;
    case 'attestation':
      return <StepAttestation view={view} />;
    case 'submission':
      return <StepSubmission view={view} />;
    case 'registration':
      return <StepRegistration view={view} />;
    case 'service':
      return <StepService view={view} />;
  }
}

/**
 * The seven steps of the policy as a wizard: only the first unfinished step is open, the ones
 * before it show who completed them and when, the ones after it cannot be reached.
 */
export function InterviewWizard() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const interview = useInterview(id);
  useVisitLinks(interview.data);
  const errorText = useApiErrorText();
  const back = (
    <Button icon={<BackIcon />} onClick={() => void navigate('/interviews')} data-testid="interview-back">
      {t('interview.wizard.back')}
    </Button>
  );
  if (interview.isPending) return <Skeleton active />;
  if (interview.isError) return <Result status="warning" title={errorText(interview.error)} extra={back} />;
  const view = interview.data;
  const current = view.currentStep ?? 'service';
  const done = new Map(view.steps.map((s) => [s.step, s]));

  return (
    <section>
      <div className="page-title-row">
        {back}
        <Typography.Title level={2} data-testid="interview-title">
          {t('interview.wizard.title')}
          {view.beneficiaryName ? ` — ${view.beneficiaryName}` : ''}
        </Typography.Title>
        <span className="page-title-actions">
          <Tag color={view.status === 'referred' ? 'orange' : 'green'} data-testid="interview-status">
            {t(`interview.status.${view.status}`)}
          </Tag>
          <StaffToolsButton />
        </span>
      </div>
      <div className="interview-layout">
        <Card className="interview-steps">
          <Steps
            orientation="vertical"
            size="small"
            current={INTERVIEW_STEPS.indexOf(current)}
            data-testid="interview-steps"
            items={INTERVIEW_STEPS.map((step) => {
              const record = done.get(step);
              return {
                title: <span data-testid={`step-title-${step}`}>{`${stepNumber(step)}. ${t(`interview.steps.${step}`)}`}</span>,
                status: record ? 'finish' : step === current ? 'process' : 'wait',
                description: record ? (
                  <span className="interview-step-done" data-testid={`step-done-${step}`}>
                    {t('interview.wizard.completedBy', { name: record.completedByName ?? '' })}
                    <br />
                    <DateTimeText value={record.completedAt} />
                  </span>
                ) : null,
              };
            })}
          />
        </Card>
        <Card className="interview-panel" title={`${stepNumber(current)}. ${t(`interview.steps.${current}`)}`} data-testid={`step-panel-${current}`}>
          <StepPanel key={current} view={view} step={current} />
        </Card>
      </div>
    </section>
  );
}
