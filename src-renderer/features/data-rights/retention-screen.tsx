import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Input, InputNumber, Modal, Space, Switch, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RetentionOutcome } from '../../../src-shared/contract/privacy';
import type { RetentionKind } from '../../../src-shared/domain/retention';
import { call } from '../../app/api-client';
import { canCall } from '../../app/access';
import { useLanguage } from '../../app/language';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/error-alert';
import { formatCount } from '../interview/format-number';
import { useDataRightsWrite, useRetentionSettings } from './use-data-rights';
import './data-rights.css';

type RuleDraft = { code: string; kind: RetentionKind; years: number; active: boolean };

function OutcomeLines({ outcome, rules }: { outcome: RetentionOutcome; rules: RuleDraft[] }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  return (
    <ul>
      {outcome.byRule.map((r) => {
        const kind = rules.find((rule) => rule.code === r.code)?.kind;
        return <li key={r.code}>{t('dataRights.retention.perRule', { rule: kind ? t(`dataRights.retention.kinds.${kind}`) : r.code, count: formatCount(r.count, lang) })}</li>;
      })}
    </ul>
  );
}

/** The administrator's retention rules, a dry run of what they would do now, and the irreversible run. */
export function RetentionScreen() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { user } = useSession();
  const { message } = App.useApp();
  const settings = useRetentionSettings();
  const [rules, setRules] = useState<RuleDraft[]>([]);
  const [correctionDays, setCorrectionDays] = useState(30);
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const save = useDataRightsWrite('privacy.saveRetentionSettings');
  const run = useDataRightsWrite('privacy.retentionRun');
  const preview = useMutation({ mutationFn: () => call('privacy.retentionPreview', {}) });
  const mayChange = canCall(user, 'privacy.saveRetentionSettings');

  useEffect(() => {
    if (!settings.data) return;
    setRules(settings.data.rules.map((r) => ({ code: r.code, kind: r.kind, years: r.years, active: r.active })));
    setCorrectionDays(settings.data.correctionDays);
  }, [settings.data]);

  const update = (code: string, patch: Partial<RuleDraft>) => setRules((all) => all.map((r) => (r.code === code ? { ...r, ...patch } : r)));
  const submit = () => save.mutate({ rules: rules.map(({ code, years, active }) => ({ code, years, active })), correctionDays }, { onSuccess: () => { void message.success(t('dataRights.retention.saved')); preview.reset(); } });
  const execute = () =>
    run.mutate({ confirm: true }, {
      onSuccess: () => {
        setConfirming(false);
        setTyped('');
        preview.reset();
      },
    });

  return (
    <section>
      <div className="page-title-row">
        <Typography.Title level={2}>{t('dataRights.retention.title')}</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('dataRights.retention.intro')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('dataRights.retention.job')}</Typography.Paragraph>
      <ErrorAlert error={settings.error ?? save.error ?? run.error ?? preview.error} />
      <Card title={t('dataRights.retention.rules')}>
        <div className="retention-rules">
          {rules.map((rule) => (
            <div className="retention-rule" key={rule.code} data-testid={`retention-rule-${rule.code}`}>
              <span className="retention-rule-label">{t(`dataRights.retention.kinds.${rule.kind}`)}</span>
              <label>
                {t('dataRights.retention.years')}{' '}
                <InputNumber<number> min={1} max={50} value={rule.years} disabled={!mayChange} onChange={(v) => update(rule.code, { years: v ?? rule.years })} data-testid={`retention-years-${rule.code}`} />
              </label>
              <label>
                {t('dataRights.retention.active')}{' '}
                <Switch checked={rule.active} disabled={!mayChange} onChange={(v) => update(rule.code, { active: v })} data-testid={`retention-active-${rule.code}`} />
              </label>
            </div>
          ))}
          <div className="retention-rule">
            <span className="retention-rule-label">{t('dataRights.retention.correctionDays')}</span>
            <InputNumber<number> min={1} max={30} value={correctionDays} disabled={!mayChange} onChange={(v) => setCorrectionDays(v ?? correctionDays)} aria-label={t('dataRights.retention.correctionDays')} data-testid="correction-days" />
          </div>
          <Space wrap>
            {mayChange ? <Button type="primary" loading={save.isPending} onClick={submit} data-testid="retention-save">{t('dataRights.retention.save')}</Button> : null}
            <Button loading={preview.isPending} onClick={() => preview.mutate()} data-testid="retention-preview">{t('dataRights.retention.preview')}</Button>
            {mayChange && canCall(user, 'privacy.retentionRun') ? (
              <Button danger disabled={!preview.data || preview.data.total === 0} onClick={() => setConfirming(true)} data-testid="retention-run">{t('dataRights.retention.run')}</Button>
            ) : null}
          </Space>
        </div>
      </Card>
      {preview.data ? (
        <Alert style={{ marginBlockStart: 16 }} type="info" showIcon data-testid="retention-preview-result" title={t('dataRights.retention.previewResult', { count: formatCount(preview.data.total, lang) })} description={<OutcomeLines outcome={preview.data} rules={rules} />} />
      ) : null}
      {run.data ? (
        <Alert
          style={{ marginBlockStart: 16 }}
          type={run.data.failed > 0 ? 'warning' : 'success'}
          showIcon
          data-testid="retention-run-result"
          title={t('dataRights.retention.runResult', { count: formatCount(run.data.total, lang), files: formatCount(run.data.filesRemoved, lang) })}
          description={run.data.failed > 0 ? t('dataRights.retention.failed', { count: formatCount(run.data.failed, lang) }) : <OutcomeLines outcome={run.data} rules={rules} />}
        />
      ) : null}
      <Modal
        open={confirming}
        title={t('dataRights.retention.confirmTitle')}
        okText={t('dataRights.retention.run')}
        okButtonProps={{ danger: true, disabled: typed.trim() !== t('dataRights.retention.confirmWord') }}
        confirmLoading={run.isPending}
        onOk={execute}
        onCancel={() => setConfirming(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('dataRights.retention.confirmBody', { count: formatCount(preview.data?.total ?? 0, lang) })}</Typography.Paragraph>
        <Input value={typed} onChange={(e) => setTyped(e.target.value)} aria-label={t('dataRights.retention.confirmWord')} data-testid="retention-confirm-word" />
      </Modal>
    </section>
  );
}
