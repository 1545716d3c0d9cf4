import { useState } from 'react';
import { App, Button, Card, Input, Select, Space, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MIN_RESPONSES_TO_SHOW, SURVEY_SERVICES, type SurveyService } from '../../../src-shared/domain/survey-scores';
import { call } from '../../app/api-client';
import { canCall } from '../../app/access';
import { useLanguage } from '../../app/language';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/error-alert';
import { formatCount } from '../interview/format-number';
import { FollowUpsCard } from './follow-ups-card';
import { ResultsCard, useScoreColumns } from './results-tables';
import { FacePicker, NpsPicker } from './score-inputs';
import { QrSlipCard } from './print-slip';
import { TrendsCard } from './trends-card';
import './surveys.css';

/** Staff enter a phone survey's answers as the beneficiary gives them. */
function PhoneEntryCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [service, setService] = useState<SurveyService>('phone_call');
  const [csat, setCsat] = useState<number | null>(null);
  const [nps, setNps] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const submit = useMutation({
    mutationFn: () => call('surveys.submit', { service, channel: 'phone', csat: csat ?? 0, nps, comment }),
    onSuccess: (answer) => {
      void message.success(answer.followUpId ? t('surveys.screen.savedLow') : t('surveys.screen.saved'));
      setCsat(null);
      setNps(null);
      setComment('');
      for (const key of ['surveys.mine', 'surveys.results', 'surveys.followUps']) void client.invalidateQueries({ queryKey: [key] });
    },
  });
  return (
    <Card title={t('surveys.screen.phoneEntry')} data-testid="phone-entry">
      <Space direction="vertical" style={{ inlineSize: '100%' }} size="middle">
        <ErrorAlert error={submit.error} />
        <Space>
          <span>{t('surveys.screen.service')}</span>
          <Select<SurveyService> value={service} onChange={setService} aria-label={t('surveys.screen.service')} style={{ minInlineSize: 220 }} options={SURVEY_SERVICES.map((s) => ({ value: s, label: t(`surveys.services.${s}`) }))} />
        </Space>
        <Typography.Text strong>{t('surveys.kiosk.csatQuestion')}</Typography.Text>
        <FacePicker value={csat} onChange={setCsat} />
        <Typography.Text strong>{t('surveys.kiosk.npsQuestion')}</Typography.Text>
        <NpsPicker value={nps} onChange={setNps} />
        <Input.TextArea rows={2} placeholder={t('surveys.kiosk.comment')} aria-label={t('surveys.kiosk.comment')} value={comment} onChange={(e) => setComment(e.target.value)} />
        <Button type="primary" onClick={() => submit.mutate()} loading={submit.isPending} data-testid="phone-save">{t('surveys.screen.save')}</Button>
      </Space>
    </Card>
  );
}

/** A member of staff's own figures beside the team's: no colleague is named or ranked. */
function MineCard() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const mine = useQuery({ queryKey: ['surveys.mine'], queryFn: () => call('surveys.mine', {}), staleTime: 0 });
  const columns = useScoreColumns();
  const rows = mine.data
    ? [...(mine.data.mine ? [{ key: 'mine', label: t('surveys.mine.mine'), ...mine.data.mine }] : []), { key: 'team', label: t('surveys.mine.team'), ...mine.data.team }]
    : [];
  return (
    <Card title={t('surveys.mine.title')} data-testid="survey-mine">
      <ErrorAlert error={mine.error} />
      {mine.data && !mine.data.mine ? (
        <Typography.Paragraph type="secondary">{t('surveys.mine.tooFew', { count: formatCount(MIN_RESPONSES_TO_SHOW, lang), have: formatCount(mine.data.myResponses, lang) })}</Typography.Paragraph>
      ) : null}
      <Table rowKey="key" size="small" pagination={false} dataSource={rows} columns={[{ key: 'label', title: t('surveys.results.columns.key'), dataIndex: 'label' }, ...columns]} />
    </Card>
  );
}

export function SurveysScreen() {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  return (
    <section>
      <div className="page-title-row">
        <Typography.Title level={2}>{t('surveys.screen.title')}</Typography.Title>
        <span className="page-title-actions">
          <Button type="primary" onClick={() => void navigate('/survey/kiosk?service=reception_visit')} data-testid="open-kiosk">{t('surveys.screen.openKiosk')}</Button>
        </span>
      </div>
      <Typography.Paragraph type="secondary">{t('surveys.screen.intro')}</Typography.Paragraph>
      <div className="survey-cards">
        <MineCard />
        <TrendsCard />
        {canCall(user, 'surveys.followUps') ? <FollowUpsCard /> : null}
        {canCall(user, 'surveys.results') ? <ResultsCard /> : null}
        <PhoneEntryCard />
        <QrSlipCard />
      </div>
    </section>
  );
}
