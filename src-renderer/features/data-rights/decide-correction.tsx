import { useState } from 'react';
import { App, Button, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CorrectionView } from '../../../src-shared/contract/privacy';
import type { ContactChannel } from '../../../src-shared/domain/contact-channels';
import { useApiErrorText } from '../../components/error-alert';
import { ChannelSelect } from './channel-select';
import { useDataRightsWrite } from './use-data-rights';

/** Accept (applied through the registry's edit) or reject with a reason; the beneficiary is told on the chosen channel. */
export function DecideCorrection({ c }: { c: CorrectionView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useApiErrorText();
  const [channel, setChannel] = useState<ContactChannel>(c.channel);
  const [reason, setReason] = useState('');
  const decide = useDataRightsWrite('privacy.decideCorrection');
  const send = (outcome: 'accepted' | 'rejected') =>
    decide.mutate(
      { id: c.id, outcome, decisionReason: outcome === 'rejected' ? reason : null, informChannel: channel },
      { onSuccess: () => void message.success(t('dataRights.corrections.decided')) },
    );
  return (
    <Space direction="vertical" style={{ inlineSize: '100%' }}>
      <ChannelSelect value={channel} onChange={setChannel} testId={`correction-channel-${c.id}`} label={t('dataRights.corrections.informChannel')} />
      <Input size="small" placeholder={t('dataRights.corrections.decisionReason')} aria-label={t('dataRights.corrections.decisionReason')} value={reason} onChange={(e) => setReason(e.target.value)} data-testid={`correction-reason-${c.id}`} />
      <Space>
        <Button size="small" type="primary" loading={decide.isPending} onClick={() => send('accepted')} data-testid={`correction-accept-${c.id}`}>
          {t('dataRights.corrections.accept')}
        </Button>
        <Button size="small" danger loading={decide.isPending} onClick={() => send('rejected')} data-testid={`correction-reject-${c.id}`}>
          {t('dataRights.corrections.reject')}
        </Button>
      </Space>
      {decide.error ? <span className="data-rights-error" role="alert">{errorText(decide.error)}</span> : null}
    </Space>
  );
}
