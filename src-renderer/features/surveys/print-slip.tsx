import { useState } from 'react';
import { App, Button, Card, Select, Space, Typography } from 'antd';
import { QrcodeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SURVEY_SERVICES, type SurveyService } from '../../../src-shared/domain/survey-scores';
import { call } from '../../app/api-client';
import { DualDate } from '../../components/dual-date';
import { ErrorAlert } from '../../components/error-alert';
import { openPdfForPrinting, savePdf } from '../forms/pdf-file';

type Subject = { service: SurveyService; beneficiaryId?: string | null; requestId?: string | null };

/**
 * Prints a one-time QR survey slip for the service just given: the PDF opens in the browser's viewer
 * (saved instead when a pop-up blocker refuses); the address it holds is shown for reading aloud.
 */
export function PrintSlipButton({ subject, testId }: { subject: Subject; testId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invite = useMutation({
    mutationFn: () => call('surveys.invite', { service: subject.service, beneficiaryId: subject.beneficiaryId ?? null, requestId: subject.requestId ?? null }),
    onSuccess: (slip) => {
      if (!openPdfForPrinting(slip.file.pdfBase64)) savePdf(slip.file.pdfBase64, slip.file.fileName);
      void message.success(t('surveys.slip.printed'));
    },
  });
  return (
    <Space direction="vertical" size="small">
      <ErrorAlert error={invite.error} />
      <Button icon={<QrcodeOutlined />} onClick={() => invite.mutate()} loading={invite.isPending} data-testid={testId}>
        {t('surveys.slip.print')}
      </Button>
      {invite.data ? (
        <Typography.Text type="secondary" data-testid={`${testId}-issued`}>
          {t('surveys.slip.validUntil')} <DualDate value={invite.data.expiresAt} inline /> — <span className="ltr-value" data-testid={`${testId}-url`}>{invite.data.url}</span>
        </Typography.Text>
      ) : null}
    </Space>
  );
}

/** The slip for a visit or a call, chosen by service, printed from the surveys screen. */
export function QrSlipCard() {
  const { t } = useTranslation();
  const [service, setService] = useState<SurveyService>('reception_visit');
  return (
    <Card title={t('surveys.slip.title')} data-testid="qr-slip">
      <Typography.Paragraph type="secondary">{t('surveys.slip.intro')}</Typography.Paragraph>
      <Space align="start" wrap>
        <Select<SurveyService> value={service} onChange={setService} aria-label={t('surveys.screen.service')} style={{ minInlineSize: 220 }} options={SURVEY_SERVICES.map((s) => ({ value: s, label: t(`surveys.services.${s}`) }))} data-testid="qr-slip-service" />
        <PrintSlipButton subject={{ service }} testId="qr-slip-print" />
      </Space>
    </Card>
  );
}
