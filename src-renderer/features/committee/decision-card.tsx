import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, List, Radio, Select, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AID_SCHEDULES, DECISION_OUTCOMES, type CommitteeCase, type DecisionView } from '../../../src-shared/contract/committee';
import { call } from '../../app/api-client';
import { canCall } from '../../app/access';
import { useLanguage } from '../../app/language';
import { useSession } from '../../app/session';
import { DateTimeText } from '../../components/dual-date';
import { ErrorAlert } from '../../components/error-alert';
import { formatCount } from '../interview/format-number';
import { placeFieldErrors } from './field-errors';
import { useCaseAction } from './use-committee';

type Values = {
  outcome: DecisionView['outcome'];
  sessionId?: string;
  amount?: number;
  items?: string;
  schedule?: 'one_off' | 'monthly' | 'seasonal';
  installments?: number;
  reason?: string;
  missing?: string;
};

const OUTCOME_COLOURS: Record<DecisionView['outcome'], string> = { accepted: 'green', rejected: 'red', deferred: 'orange' };

function DecisionLine({ d }: { d: DecisionView }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const detail =
    d.outcome === 'accepted'
      ? [t('committee.decision.amountLine', { amount: formatCount(d.amount ?? 0, lang), installments: formatCount(d.installments ?? 1, lang) }), d.schedule ? t(`committee.decision.schedules.${d.schedule}`) : null, d.items].filter(Boolean).join(' — ')
      : (d.reason ?? d.missing ?? '');
  return (
    <List.Item data-testid={`decision-${d.current ? 'current' : 'superseded'}`}>
      <List.Item.Meta
        title={
          <span>
            <Tag color={OUTCOME_COLOURS[d.outcome]}>{t(`committee.decision.outcomes.${d.outcome}`)}</Tag>
            <Tag>{d.current ? t('committee.decision.current') : t('committee.decision.superseded')}</Tag>
          </span>
        }
        description={
          <span>
            {detail} · {d.decidedByName} · <DateTimeText value={d.decidedAt} />
          </span>
        }
      />
    </List.Item>
  );
}

/** The committee's decision: written once, corrected only by a new decision that supersedes it. */
export function DecisionCard({ view }: { view: CommitteeCase }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { user } = useSession();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState(false);
  const decide = useCaseAction(view.requestId, 'committee.decide');
  const outcome = Form.useWatch('outcome', form);
  const current = view.decisions.find((d) => d.current) ?? null;
  const hasReport = view.reports.length > 0;
  const mayDecide = canCall(user, 'committee.decide') && hasReport && ['under_study', 'decided_accepted', 'decided_rejected'].includes(view.state) && view.deliveries.length === 0;
  const sessions = useQuery({ queryKey: ['committee.sessions'], queryFn: () => call('committee.sessions', {}), enabled: editing });
  const onAgenda = (sessions.data?.items ?? []).filter((s) => s.agenda.some((a) => a.requestId === view.requestId));

  const submit = (v: Values) => {
    const decision =
      v.outcome === 'accepted'
        ? { outcome: 'accepted' as const, amount: v.amount as number, items: v.items ?? null, schedule: v.schedule ?? 'one_off', installments: v.installments ?? 1 }
        : v.outcome === 'rejected'
          ? { outcome: 'rejected' as const, reason: v.reason ?? '' }
          : { outcome: 'deferred' as const, missing: v.missing ?? '' };
    decide.mutate(
      { requestId: view.requestId, sessionId: v.sessionId ?? null, supersedesId: current?.id ?? null, decision },
      { onSuccess: () => setEditing(false), onError: (e) => placeFieldErrors(form, e, 'decision', lang) },
    );
  };

  return (
    <Card title={t('committee.decision.title')} data-testid="decision-card">
      {view.decisions.length > 0 ? (
        <List className="committee-history" dataSource={[...view.decisions].reverse()} renderItem={(d) => <DecisionLine d={d} />} />
      ) : (
        <Typography.Paragraph type="secondary">{hasReport ? t('committee.decision.none') : t('committee.decision.needsReport')}</Typography.Paragraph>
      )}
      {mayDecide && !editing ? (
        <Button type={current ? 'default' : 'primary'} onClick={() => setEditing(true)} data-testid="decision-record">
          {current ? t('committee.decision.correct') : t('committee.decision.record')}
        </Button>
      ) : null}
      {editing ? (
        <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ outcome: 'accepted', schedule: 'one_off', installments: 1 }}>
          <ErrorAlert error={decide.error} />
          <Form.Item name="outcome" label={t('committee.decision.outcome')}>
            <Radio.Group optionType="button" buttonStyle="solid" data-testid="decision-outcome" options={DECISION_OUTCOMES.map((o) => ({ value: o, label: t(`committee.decision.outcomes.${o}`) }))} />
          </Form.Item>
          <Form.Item name="sessionId" label={t('committee.decision.session')}>
            <Select allowClear placeholder={t('committee.decision.noSession')} data-testid="decision-session" options={onAgenda.map((s) => ({ value: s.id, label: s.heldOn }))} />
          </Form.Item>
          {outcome === 'accepted' ? (
            <div className="committee-form-grid">
              <Form.Item name="amount" label={t('committee.decision.amount')}><InputNumber min={1} data-testid="decision-amount" /></Form.Item>
              <Form.Item name="schedule" label={t('committee.decision.schedule')}><Select data-testid="decision-schedule" options={AID_SCHEDULES.map((s) => ({ value: s, label: t(`committee.decision.schedules.${s}`) }))} /></Form.Item>
              <Form.Item name="installments" label={t('committee.decision.installments')}><InputNumber min={1} max={24} data-testid="decision-installments" /></Form.Item>
              <Form.Item name="items" label={t('committee.decision.items')}><Input data-testid="decision-items" /></Form.Item>
            </div>
          ) : null}
          {outcome === 'rejected' ? <Form.Item name="reason" label={t('committee.decision.reason')}><Input.TextArea rows={2} data-testid="decision-reason" /></Form.Item> : null}
          {outcome === 'deferred' ? <Form.Item name="missing" label={t('committee.decision.missing')}><Input.TextArea rows={2} data-testid="decision-missing" /></Form.Item> : null}
          <Button type="primary" htmlType="submit" loading={decide.isPending} data-testid="decision-save">{t('committee.decision.save')}</Button>
        </Form>
      ) : null}
    </Card>
  );
}
