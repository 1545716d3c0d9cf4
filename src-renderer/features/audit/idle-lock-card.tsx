import { useEffect, useState } from 'react';
import { App, Button, Card, InputNumber, Space, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api-client';
import { ErrorAlert } from '../../components/error-alert';
import { IDLE_LOCK_QUERY_KEY } from '../lock/use-idle-lock';

/** The admin's idle-lock setting: minutes without input before every desk locks. */
export function IdleLockCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const current = useQuery({ queryKey: IDLE_LOCK_QUERY_KEY, queryFn: () => call('auth.idleLock', {}) });
  const [minutes, setMinutes] = useState<number | null>(null);
  useEffect(() => {
    if (current.data && minutes === null) setMinutes(current.data.minutes);
  }, [current.data, minutes]);
  const save = useMutation({
    mutationFn: (value: number) => call('auth.setIdleLock', { minutes: value }),
    onSuccess: (result) => {
      client.setQueryData(IDLE_LOCK_QUERY_KEY, result);
      void message.success(t('audit.security.saved', { minutes: result.minutes }));
    },
  });
  return (
    <Card title={t('audit.security.title')} size="small" style={{ marginBlockEnd: 16 }} data-testid="idle-lock-card">
      <Typography.Paragraph type="secondary">{t('audit.security.intro')}</Typography.Paragraph>
      <ErrorAlert error={save.error} />
      <Space>
        <span>{t('audit.security.minutes')}</span>
        <InputNumber min={1} max={240} value={minutes} onChange={(v) => setMinutes(v)} data-testid="idle-lock-minutes" aria-label={t('audit.security.minutes')} />
        <Button type="primary" disabled={minutes === null} loading={save.isPending} onClick={() => minutes !== null && save.mutate(minutes)} data-testid="idle-lock-save">
          {t('audit.security.save')}
        </Button>
      </Space>
    </Card>
  );
}
