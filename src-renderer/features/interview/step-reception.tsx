import { useState } from 'react';
import { Alert, Button, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InterviewView } from '../../../src-shared/contract/interviews';
import { ErrorAlert } from '../../components/error-alert';
import { AutosaveNote } from './autosave-note';
import { draftValue, useDraftAutosave, useInterviewAction } from './use-interview';

/** Step 1: receive the visitor and answer every inquiry; the questions and answers are kept. */
export function StepReception({ view }: { view: InterviewView }) {
  const { t } = useTranslation();
  // Told once, when the step opens on a draft left by an earlier session (a crash, a referral, a break).
  const [restored] = useState(() => view.draft?.step === 'reception');
  const [questions, setQuestions] = useState(draftValue(view, 'reception', 'questions', view.inquiryQuestions ?? ''));
  const [answers, setAnswers] = useState(draftValue(view, 'reception', 'answers', view.inquiryAnswers ?? ''));
  const autosave = useDraftAutosave(view.id, 'reception', { questions, answers }, view.status === 'open');
  const complete = useInterviewAction(view.id, 'interviews.recordInquiry');

  return (
    <div>
      <Alert type="info" showIcon title={t('interview.reception.intro')} style={{ marginBlockEnd: 16 }} />
      {restored ? <Alert type="success" title={t('interview.wizard.resumed')} style={{ marginBlockEnd: 12 }} data-testid="draft-restored" /> : null}
      <div className="interview-field">
        <label htmlFor="inquiry-questions">{t('interview.reception.questions')}</label>
        <Input.TextArea id="inquiry-questions" rows={4} value={questions} onChange={(e) => setQuestions(e.target.value)} data-testid="inquiry-questions" />
      </div>
      <div className="interview-field" style={{ marginBlockStart: 12 }}>
        <label htmlFor="inquiry-answers">{t('interview.reception.answers')}</label>
        <Input.TextArea id="inquiry-answers" rows={4} value={answers} onChange={(e) => setAnswers(e.target.value)} data-testid="inquiry-answers" />
      </div>
      <ErrorAlert error={complete.error} />
      <div className="interview-actions">
        <Button type="primary" loading={complete.isPending} onClick={() => complete.mutate({ id: view.id, questions, answers })} data-testid="reception-complete">
          {t('interview.reception.complete')}
        </Button>
        <AutosaveNote state={autosave} />
      </div>
    </div>
  );
}
