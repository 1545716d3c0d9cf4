import { useCallback, useRef, useState } from 'react';
import { Alert, Button, Descriptions, Input, Skeleton, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { InterviewView, SignedData } from '../../../src-shared/contract/interviews';
import { call } from '../../app/api-client';
import { useLanguage } from '../../app/language';
import { DualDate } from '../../components/dual-date';
import { ErrorAlert } from '../../components/error-alert';
import { SignatureCanvas, type SignatureCanvasHandle } from './signature-canvas';
import { formatCount } from './format-number';
import { useInterviewAction } from './use-interview';

function Summary({ data }: { data: SignedData }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const verified = data.documents.filter((d) => d.verified).length;
  const rel = data.prisoner.relation;
  return (
    <Descriptions size="small" column={2} bordered data-testid="attestation-summary">
      <Descriptions.Item label={t('interview.data.beneficiary')}>{data.beneficiary.fullName}</Descriptions.Item>
      <Descriptions.Item label={t('interview.data.identity')}>
        <span className="ltr-value">{data.beneficiary.nationalId ?? t('app.none')}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('interview.data.requestType')}>{data.requestType.nameAr}</Descriptions.Item>
      <Descriptions.Item label={t('interview.data.household')}>{formatCount(data.household.length, lang)}</Descriptions.Item>
      <Descriptions.Item label={t('interview.data.prisonerName')}>{data.prisoner.name}</Descriptions.Item>
      <Descriptions.Item label={t('interview.data.prisonerRelation')}>{rel ? t(`interview.relations.${rel}` as 'interview.relations.other') : t('app.none')}</Descriptions.Item>
      <Descriptions.Item label={t('interview.data.prisonName')}>{data.prisoner.prison}</Descriptions.Item>
      <Descriptions.Item label={t('interview.data.expectedReleaseDate')}>
        <DualDate value={data.prisoner.expectedReleaseDate} inline />
      </Descriptions.Item>
      <Descriptions.Item label={t('interview.data.monthlyIncome')}>{data.income.monthlyIncome === null ? t('app.none') : formatCount(data.income.monthlyIncome, lang)}</Descriptions.Item>
      <Descriptions.Item label={t('interview.data.monthlyRent')}>{data.income.monthlyRent === null ? t('app.none') : formatCount(data.income.monthlyRent, lang)}</Descriptions.Item>
      <Descriptions.Item label={t('interview.data.documents')} span={2}>
        {t('interview.attestation.documentsLine', { verified: formatCount(verified, lang), total: formatCount(data.documents.length, lang) })}
      </Descriptions.Item>
      {data.referral ? (
        <Descriptions.Item label={t('interview.referral.answer')} span={2}>
          {data.referral.answer}
        </Descriptions.Item>
      ) : null}
      <Descriptions.Item label={t('interview.attestation.declaration')} span={2}>
        <Typography.Text strong data-testid="attestation-declaration">
          {data.declaration}
        </Typography.Text>
      </Descriptions.Item>
    </Descriptions>
  );
}

/** Step 4: the applicant reads exactly what they sign, declares it true, and signs on screen. */
export function StepAttestation({ view }: { view: InterviewView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const pad = useRef<SignatureCanvasHandle>(null);
  const [signerName, setSignerName] = useState(view.beneficiaryName ?? '');
  const attestation = useQuery({ queryKey: ['interviews.attestation', view.id], queryFn: () => call('interviews.attestation', { id: view.id }), staleTime: 0 });
  const sign = useInterviewAction(view.id, 'interviews.sign');
  // «التوقيع فارغ» is about the pad: once the applicant draws, the message no longer holds. The pad
  // is rebuilt when its callback changes, so the callback stays the same and reads the latest reset.
  const resetSign = useRef(sign.reset);
  resetSign.current = sign.reset;
  const onInk = useCallback((empty: boolean) => {
    if (!empty) resetSign.current();
  }, []);

  if (attestation.isPending) return <Skeleton active />;
  if (attestation.isError) return <ErrorAlert error={attestation.error} />;
  const { data, dataHash } = attestation.data;

  const submit = () =>
    sign.mutate(
      { id: view.id, signerName, dataHash, signaturePngBase64: pad.current?.toPngBase64() ?? '' },
      { onError: () => void client.invalidateQueries({ queryKey: ['interviews.attestation', view.id] }) },
    );

  return (
    <div>
      <Alert type="info" showIcon title={t('interview.attestation.intro')} style={{ marginBlockEnd: 12 }} />
      <h4>{t('interview.attestation.summary')}</h4>
      <Summary data={data} />
      <p style={{ marginBlockStart: 8 }}>
        {t('interview.attestation.hash')}: <span className="hash-text" data-testid="attestation-hash">{dataHash}</span>
      </p>
      <div className="interview-field" style={{ maxInlineSize: 560 }}>
        <label htmlFor="signer-name">{t('interview.attestation.signerName')}</label>
        <Input id="signer-name" value={signerName} onChange={(e) => setSignerName(e.target.value)} data-testid="signer-name" />
      </div>
      <p style={{ marginBlock: 8 }}>{t('interview.attestation.signHere')}</p>
      <SignatureCanvas ref={pad} testId="signature-canvas" label={t('interview.attestation.signHere')} onChange={onInk} />
      <ErrorAlert error={sign.error} testId="sign-error" />
      <div className="interview-actions">
        <Button onClick={() => pad.current?.clear()} data-testid="signature-clear">
          {t('interview.attestation.clear')}
        </Button>
        <Button type="primary" loading={sign.isPending} onClick={submit} data-testid="signature-accept">
          {t('interview.attestation.sign')}
        </Button>
      </div>
    </div>
  );
}
