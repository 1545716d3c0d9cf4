import { Button, Card, Descriptions, Result, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RequestState } from '../../../src-shared/domain/request-state';
import { call } from '../../app/api-client';
import { useLanguage } from '../../app/language';
import { DateTimeText, DualDate } from '../../components/dual-date';
import { ErrorAlert, useApiErrorText } from '../../components/error-alert';
import { BackIcon } from '../registry/register-screen';
import { RequestForms } from '../interview/request-forms';
import { DueTag } from './requests-screen';

/** One support request: its state, history, documents, referral and signature, and the moves allowed. */
export function RequestScreen() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const errorText = useApiErrorText();
  const request = useQuery({ queryKey: ['requests.get', id], queryFn: () => call('requests.get', { id }), staleTime: 0 });
  const move = useMutation({
    mutationFn: (input: { to: RequestState; from: RequestState }) => call('requests.transition', { id, to: input.to, expectedState: input.from }),
    onSuccess: (view) => {
      client.setQueryData(['requests.get', id], view);
      void client.invalidateQueries({ queryKey: ['requests.list'] });
    },
  });
  const back = (
    <Button icon={<BackIcon />} onClick={() => void navigate('/requests')}>
      {t('app.back')}
    </Button>
  );
  if (request.isPending) return <Skeleton active />;
  if (request.isError) return <Result status="warning" title={errorText(request.error)} extra={back} />;
  const r = request.data;

  return (
    <section>
      <div className="page-title-row">
        {back}
        <Typography.Title level={2}>
          {t('interview.requests.detail')} — {r.beneficiaryName}
        </Typography.Title>
      </div>
      <ErrorAlert error={move.error} />
      <Card>
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label={t('interview.requests.columns.type')}>{lang === 'en' ? r.requestTypeNameEn : r.requestTypeNameAr}</Descriptions.Item>
          <Descriptions.Item label={t('interview.requests.columns.state')}>
            <Tag color="blue" data-testid="request-detail-state">{t(`interview.states.${r.state}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('interview.requests.columns.submitted')}>{r.submittedAt ? <DateTimeText value={r.submittedAt} /> : t('app.none')}</Descriptions.Item>
          <Descriptions.Item label={t('interview.requests.columns.due')}>
            <DualDate value={r.dueDate} inline /> <DueTag dueDate={r.dueDate} state={r.state} />
          </Descriptions.Item>
          <Descriptions.Item label={t('interview.requests.documents')} span={2}>
            {r.documents.map((d) => (
              <Tag key={d.code} color={d.verified ? 'green' : d.required ? 'red' : 'default'}>
                {lang === 'en' ? d.nameEn : d.nameAr}
              </Tag>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('interview.requests.referral')} span={2}>
            {r.referral ? `${r.referral.reason} — ${r.referral.answer ?? t(`interview.status.referred`)}` : t('app.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('interview.requests.signature')} span={2}>
            {r.signature ? (
              <span>
                {t('interview.attestation.signed', { name: r.signature.signerName })} — <DateTimeText value={r.signature.signedAt} />
                <br />
                <span className="hash-text">{r.signature.dataHash}</span>
              </span>
            ) : (
              t('app.none')
            )}
          </Descriptions.Item>
        </Descriptions>
        <Space style={{ marginBlock: 16 }} wrap>
          {r.nextStates.map((to) => (
            <Button key={to} onClick={() => move.mutate({ to, from: r.state })} loading={move.isPending} data-testid={`request-move-${to}`}>
              {t('interview.requests.moveTo', { state: t(`interview.states.${to}`) })}
            </Button>
          ))}
        </Space>
        <RequestForms request={r} />
        <h4>{t('interview.requests.history')}</h4>
        <Timeline
          items={r.history.map((h) => ({
            content: (
              <span>
                {t(`interview.states.${h.to}`)} — {h.byName ?? t('app.none')} — <DateTimeText value={h.at} />
              </span>
            ),
          }))}
        />
      </Card>
    </section>
  );
}
