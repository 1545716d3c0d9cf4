import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Button, Tooltip } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SensitiveField } from '../../../src-shared/domain/sensitive-fields';
import { isMaskedValue } from '../../../src-shared/domain/masking';
import { call } from '../../app/api-client';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/error-alert';

type Props = {
  beneficiaryId: string;
  field: SensitiveField;
  memberId?: string;
  value: string | null;
  /** How a clear value is shown (e.g. a phone spelt the way people say it). */
  format?: (clear: string) => string;
  testId?: string;
};

/**
 * A sensitive value as the server sent it; when masked, a button asks for the clear value
 * (`beneficiaries.reveal`, audited). The clear value lives only in this component's state.
 */
export function RevealValue({ beneficiaryId, field, memberId, value, format, testId }: Props) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [clear, setClear] = useState<string | null>(null);
  const reveal = useMutation({
    mutationFn: () => call('beneficiaries.reveal', { id: beneficiaryId, field, memberId: memberId ?? null }),
    onSuccess: (result) => setClear(result.value),
  });
  const masked = isMaskedValue(value);
  const plain = clear ?? (masked ? null : value);
  const display = plain !== null ? (format ? format(plain) : plain) : value;
  return (
    <span className="reveal-value">
      <span className="ltr-value" data-testid={testId}>
        {display ?? '—'}
      </span>
      {masked && clear === null && canCall(user, 'beneficiaries.reveal') ? (
        <Tooltip title={t('privacy.revealHint')}>
          <Button
            size="small"
            type="link"
            icon={<EyeOutlined />}
            loading={reveal.isPending}
            onClick={() => reveal.mutate()}
            data-testid={testId ? `${testId}-reveal` : undefined}
          >
            {t('privacy.reveal')}
          </Button>
        </Tooltip>
      ) : null}
      {reveal.error ? <ErrorAlert error={reveal.error} /> : null}
    </span>
  );
}
