import { Button, Tooltip } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLockNow } from './use-idle-lock';

export function LockNowButton() {
  const { t } = useTranslation();
  const lockNow = useLockNow();
  return (
    <Tooltip title={t('lock.lockNowHint')}>
      <Button ghost icon={<LockOutlined />} onClick={() => lockNow('manual')} data-testid="lock-now" aria-label={t('lock.lockNow')} />
    </Tooltip>
  );
}
