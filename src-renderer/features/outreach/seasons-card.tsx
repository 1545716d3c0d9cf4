import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Modal, Select, Switch, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SeasonView } from '../../../src-shared/contract/outreach';
import { CONTACT_CHANNELS } from '../../../src-shared/domain/contact-channels';
import { SEASON_CALENDARS, SEASON_ELIGIBILITIES } from '../../../src-shared/domain/outreach-seasons';
import { call } from '../../app/api-client';
import { canCall } from '../../app/access';
import { useLanguage } from '../../app/language';
import { useSession } from '../../app/session';
import { DualDate } from '../../components/dual-date';
import { ErrorAlert } from '../../components/error-alert';
import { formatCount } from '../interview/format-number';
import { placeFieldErrors } from '../committee/field-errors';

type SeasonFields = Omit<SeasonView, 'nextOn'>;

/** Ramadan, the two Eids and school start as data: managers set the day, lead time, households and script. */
export function SeasonsCard() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { user } = useSession();
  const client = useQueryClient();
  const [form] = Form.useForm<SeasonFields>();
  const [editing, setEditing] = useState<SeasonView | null>(null);
  const calendar = Form.useWatch('calendar', form) ?? editing?.calendar ?? 'hijri';
  const seasons = useQuery({ queryKey: ['outreach.seasons'], queryFn: () => call('outreach.seasons', {}) });
  const save = useMutation({
    mutationFn: (season: SeasonFields) => call('outreach.saveSeason', season),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['outreach.seasons'] });
      setEditing(null);
    },
    onError: (error) => placeFieldErrors(form, error, '', lang),
  });
  const monthName = (c: SeasonView['calendar'], month: number) => (t(c === 'hijri' ? 'reports.hijriMonths' : 'reports.gregorianMonths', { returnObjects: true }) as string[])[month - 1] ?? '';
  const mayEdit = canCall(user, 'outreach.saveSeason');
  return (
    <Card title={t('outreach.seasons.title')} data-testid="outreach-seasons">
      <ErrorAlert error={seasons.error} />
      <Table<SeasonView>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={seasons.data?.items ?? []}
        columns={[
          { key: 'season', title: t('outreach.seasons.season'), render: (_, s) => t(`outreach.seasons.names.${s.season}`) },
          { key: 'date', title: t('outreach.seasons.date'), render: (_, s) => `${formatCount(s.day, lang)} ${monthName(s.calendar, s.month)} (${t(`outreach.seasons.calendars.${s.calendar}`)})` },
          { key: 'lead', title: t('outreach.seasons.lead'), render: (_, s) => t('outreach.seasons.leadHint', { days: formatCount(s.leadDays, lang) }) },
          { key: 'eligibility', title: t('outreach.seasons.eligibility'), render: (_, s) => t(`outreach.seasons.eligibilities.${s.eligibility}`) },
          { key: 'channel', title: t('outreach.seasons.channel'), render: (_, s) => CONTACT_CHANNELS.find((c) => c.code === s.channel)?.[lang] },
          { key: 'next', title: t('outreach.seasons.next'), render: (_, s) => <DualDate value={s.nextOn} inline /> },
          { key: 'active', title: t('outreach.seasons.active'), render: (_, s) => <Tag color={s.active ? 'green' : 'default'}>{s.active ? t('app.yes') : t('app.no')}</Tag> },
          ...(mayEdit ? [{ key: 'edit', title: '', render: (_: unknown, s: SeasonView) => <Button size="small" onClick={() => { setEditing(s); form.setFieldsValue(s); }} data-testid={`season-edit-${s.code}`}>{t('outreach.seasons.edit')}</Button> }] : []),
        ]}
      />
      <Modal open={editing !== null} title={editing ? t(`outreach.seasons.names.${editing.season}`) : ''} okText={t('outreach.seasons.save')} onOk={() => form.submit()} confirmLoading={save.isPending} onCancel={() => setEditing(null)} forceRender>
        <ErrorAlert error={save.error} />
        <Form<SeasonFields> form={form} layout="vertical" onFinish={(values) => editing && save.mutate({ code: editing.code, season: editing.season, calendar: values.calendar, month: values.month, day: values.day, leadDays: values.leadDays, eligibility: values.eligibility, channel: values.channel, script: values.script, active: values.active })}>
          <Form.Item name="calendar" label={t('outreach.seasons.calendar')}><Select options={SEASON_CALENDARS.map((c) => ({ value: c, label: t(`outreach.seasons.calendars.${c}`) }))} /></Form.Item>
          <Form.Item name="month" label={t('outreach.seasons.month')}><Select options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: monthName(calendar, i + 1) }))} /></Form.Item>
          <Form.Item name="day" label={t('outreach.seasons.day')}><InputNumber data-testid="season-day" /></Form.Item>
          <Form.Item name="leadDays" label={t('outreach.seasons.lead')}><InputNumber data-testid="season-lead" /></Form.Item>
          <Form.Item name="eligibility" label={t('outreach.seasons.eligibility')}><Select options={SEASON_ELIGIBILITIES.map((e) => ({ value: e, label: t(`outreach.seasons.eligibilities.${e}`) }))} /></Form.Item>
          <Form.Item name="channel" label={t('outreach.seasons.channel')}><Select options={CONTACT_CHANNELS.map((c) => ({ value: c.code, label: c[lang] }))} /></Form.Item>
          <Form.Item name="script" label={t('outreach.seasons.script')}><Input.TextArea rows={3} /></Form.Item>
          <Form.Item name="active" label={t('outreach.seasons.active')} valuePropName="checked"><Switch /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
