import { useState } from 'react';
import { Alert, Button, Card, Select, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CommitteeCase } from '../../../src-shared/contract/committee';
import { CONTACT_CHANNELS, type ContactChannel } from '../../../src-shared/domain/contact-channels';
import { call } from '../../app/api-client';
import { canCall } from '../../app/access';
import { useLanguage } from '../../app/language';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/error-alert';
import { PrintFormButton } from '../forms/print-form-button';
import { useCaseAction } from './use-committee';

/** The decision letter from the signed-forms engine, and the record that the beneficiary was told. */
export function LetterCard({ view }: { view: CommitteeCase }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { user } = useSession();
  const client = useQueryClient();
  const [channel, setChannel] = useState<ContactChannel>(view.preferredChannel);
  const inform = useCaseAction(view.requestId, 'committee.informBeneficiary');
  const current = view.decisions.find((d) => d.current);
  if (!current) return null;
  const issue = async () => {
    const form = await call('forms.generateDecisionLetter', { requestId: view.requestId });
    void client.invalidateQueries({ queryKey: ['committee.case', view.requestId] });
    return form;
  };
  return (
    <Card title={t('committee.letter.title')} data-testid="letter-card">
      <Space direction="vertical" style={{ inlineSize: '100%' }}>
        {current.outcome === 'deferred' ? (
          <Typography.Paragraph type="secondary">{t('committee.letter.deferredNote')}</Typography.Paragraph>
        ) : canCall(user, 'forms.generateDecisionLetter') ? (
          <PrintFormButton issue={issue} label={t('committee.letter.generate')} testId="letter-generate" type="primary" />
        ) : null}
        {view.letter ? (
          <Typography.Text data-testid="letter-issued">{t('committee.letter.issued', { code: view.letter.code })}</Typography.Text>
        ) : null}
        <ErrorAlert error={inform.error} />
        {view.informed ? (
          <Alert type="success" showIcon title={t('committee.letter.informed')} data-testid="informed" />
        ) : (
          <Typography.Text type="secondary">{t('committee.letter.notInformed')}</Typography.Text>
        )}
        {canCall(user, 'committee.informBeneficiary') ? (
          <div className="committee-actions">
            <span>{t('committee.letter.channel')}</span>
            <Select<ContactChannel> value={channel} onChange={setChannel} style={{ minInlineSize: 220 }} data-testid="inform-channel" options={CONTACT_CHANNELS.map((c) => ({ value: c.code, label: c[lang] }))} />
            <Button onClick={() => inform.mutate({ requestId: view.requestId, channel })} loading={inform.isPending} data-testid="inform">
              {t('committee.letter.inform')}
            </Button>
          </div>
        ) : null}
      </Space>
    </Card>
  );
}
