import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Modal, Select, Switch, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RuleView } from '../../../src-shared/contract/outreach';
import { CONTACT_CHANNELS } from '../../../src-shared/domain/contact-channels';
import { call } from '../../app/api-client';
import { canCall } from '../../app/access';
import { useLanguage } from '../../app/language';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/error-alert';
import { formatCount } from '../interview/format-number';
import { placeFieldErrors } from '../committee/field-errors';

/** The rules as data: managers change days, channel, script or switch a rule off. */
export function RulesCard() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { user } = useSession();
  const client = useQueryClient();
  const [form] = Form.useForm<RuleView>();
  const [editing, setEditing] = useState<RuleView | null>(null);
  const rules = useQuery({ queryKey: ['outreach.rules'], queryFn: () => call('outreach.rules', {}) });
  const save = useMutation({
    mutationFn: (rule: RuleView) => call('outreach.saveRule', rule),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['outreach.rules'] });
      setEditing(null);
    },
    onError: (error) => placeFieldErrors(form, error, '', lang),
  });
  const mayEdit = canCall(user, 'outreach.saveRule');
  return (
    <Card title={t('outreach.rules.title')} data-testid="outreach-rules">
      <ErrorAlert error={rules.error} />
      <Table<RuleView>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={rules.data?.items ?? []}
        columns={[
          { key: 'kind', title: t('outreach.rules.kind'), render: (_, r) => t(`outreach.kinds.${r.kind}`) },
          { key: 'days', title: t('outreach.rules.days'), render: (_, r) => t(`outreach.rules.daysHint.${r.kind}`, { days: formatCount(r.days, lang) }) },
          { key: 'channel', title: t('outreach.rules.channel'), render: (_, r) => CONTACT_CHANNELS.find((c) => c.code === r.channel)?.[lang] },
          { key: 'script', title: t('outreach.rules.script'), dataIndex: 'script' },
          { key: 'active', title: t('outreach.rules.active'), render: (_, r) => <Tag color={r.active ? 'green' : 'default'}>{r.active ? t('app.yes') : t('app.no')}</Tag> },
          ...(mayEdit ? [{ key: 'edit', title: '', render: (_: unknown, r: RuleView) => <Button size="small" onClick={() => { setEditing(r); form.setFieldsValue(r); }} data-testid={`rule-edit-${r.code}`}>{t('outreach.rules.edit')}</Button> }] : []),
        ]}
      />
      <Modal open={editing !== null} title={editing ? t(`outreach.kinds.${editing.kind}`) : ''} okText={t('outreach.rules.save')} onOk={() => form.submit()} confirmLoading={save.isPending} onCancel={() => setEditing(null)} forceRender>
        <ErrorAlert error={save.error} />
        <Form<RuleView> form={form} layout="vertical" onFinish={(values) => editing && save.mutate({ ...editing, ...values })}>
          <Form.Item name="days" label={t('outreach.rules.days')}><InputNumber data-testid="rule-days" /></Form.Item>
          <Form.Item name="channel" label={t('outreach.rules.channel')}><Select options={CONTACT_CHANNELS.map((c) => ({ value: c.code, label: c[lang] }))} /></Form.Item>
          <Form.Item name="script" label={t('outreach.rules.script')}><Input.TextArea rows={3} /></Form.Item>
          <Form.Item name="active" label={t('outreach.rules.active')} valuePropName="checked"><Switch /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
