import { useState } from 'react';
import { Alert, Button, Input, Result, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SURVEY_SERVICES, type SurveyService } from '../../../src-shared/domain/survey-scores';
import { call } from '../../app/api-client';
import { ErrorAlert } from '../../components/error-alert';
import { FacePicker, NpsPicker } from './score-inputs';
import './surveys.css';

function serviceOf(raw: string | null): SurveyService {
  return (SURVEY_SERVICES as readonly string[]).includes(raw ?? '') ? (raw as SurveyService) : 'reception_visit';
}

/**
 * The survey on the screen turned towards the visitor: three short questions read aloud easily,
 * faces and numbers as large touch targets, then thanks. Runs on the desk's session; the answer is
 * linked to the request or beneficiary the desk opened it for.
 */
export function KioskSurveyScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [csat, setCsat] = useState<number | null>(null);
  const [nps, setNps] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const submit = useMutation({
    mutationFn: () =>
      call('surveys.submit', {
        service: serviceOf(params.get('service')),
        channel: 'kiosk',
        requestId: params.get('requestId'),
        beneficiaryId: params.get('beneficiaryId'),
        csat: csat ?? 0,
        nps,
        comment,
      }),
  });
  const reset = () => {
    setCsat(null);
    setNps(null);
    setComment('');
    submit.reset();
  };

  if (submit.data) {
    return (
      <main className="survey-kiosk" data-testid="survey-thanks">
        <Result status={submit.data.followUpId ? 'info' : 'success'} title={submit.data.followUpId ? t('surveys.kiosk.thanksLow') : t('surveys.kiosk.thanks')} />
        <div className="survey-kiosk-actions">
          <Button size="large" onClick={reset}>{t('surveys.kiosk.again')}</Button>
          <Button size="large" onClick={() => void navigate(-1)} data-testid="survey-back">{t('surveys.kiosk.back')}</Button>
        </div>
      </main>
    );
  }
  return (
    <main className="survey-kiosk" data-testid="survey-kiosk">
      <Typography.Title level={1}>{t('surveys.kiosk.title')}</Typography.Title>
      <Typography.Title level={3}>{t('surveys.kiosk.csatQuestion')}</Typography.Title>
      <FacePicker value={csat} onChange={setCsat} large />
      <Typography.Title level={3}>{t('surveys.kiosk.npsQuestion')}</Typography.Title>
      <NpsPicker value={nps} onChange={setNps} />
      <Typography.Title level={3}>{t('surveys.kiosk.comment')}</Typography.Title>
      <Input.TextArea rows={3} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={1000} className="survey-comment" aria-label={t('surveys.kiosk.comment')} data-testid="survey-comment" />
      <ErrorAlert error={submit.error} />
      {csat === null ? <Alert type="info" showIcon title={t('surveys.kiosk.chooseFace')} /> : null}
      <Button type="primary" size="large" className="survey-send" disabled={csat === null} loading={submit.isPending} onClick={() => submit.mutate()} data-testid="survey-send">
        {t('surveys.kiosk.send')}
      </Button>
    </main>
  );
}
