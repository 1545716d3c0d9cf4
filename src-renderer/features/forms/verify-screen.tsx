import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Input, Space, Typography, Upload } from 'antd';
import { SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { VerifyResult } from '../../../src-shared/contract/forms';
import { call } from '../../app/api-client';
import { DateTimeText } from '../../components/dual-date';
import { ErrorAlert } from '../../components/error-alert';
import { readFileAsBase64 } from './pdf-file';

const ALERT_TYPE = { genuine: 'success', superseded: 'warning', unknown: 'info', altered: 'error' } as const;

function Verdict({ result }: { result: VerifyResult }) {
  const { t } = useTranslation();
  const { form } = result;
  return (
    <Card style={{ marginBlockStart: 16 }} data-testid="verify-result" data-verdict={result.verdict}>
      <Alert type={ALERT_TYPE[result.verdict]} showIcon title={t(`forms.verify.verdicts.${result.verdict}`)} data-testid="verify-verdict" />
      {result.replacement ? (
        <Typography.Paragraph style={{ marginBlockStart: 12 }}>{t('forms.verify.replacement', { code: result.replacement.code })}</Typography.Paragraph>
      ) : null}
      {form ? (
        <Descriptions column={1} bordered size="small" style={{ marginBlockStart: 12 }}>
          <Descriptions.Item label={t('forms.verify.details.title')}>{t(`forms.kinds.${form.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('forms.verify.details.code')}>
            <bdi>{form.code}</bdi>
          </Descriptions.Item>
          <Descriptions.Item label={t('forms.verify.details.issuedAt')}>
            <DateTimeText value={form.issuedAt} />
          </Descriptions.Item>
          <Descriptions.Item label={t('forms.verify.details.branch')}>{form.branchName}</Descriptions.Item>
          {result.subjectName ? <Descriptions.Item label={t('forms.verify.details.subject')}>{result.subjectName}</Descriptions.Item> : null}
          <Descriptions.Item label={t('forms.verify.details.sha256')}>
            <code dir="ltr" style={{ fontSize: 11, overflowWrap: 'anywhere' }}>
              {form.sha256}
            </code>
          </Descriptions.Item>
        </Descriptions>
      ) : null}
    </Card>
  );
}

/** `#/verify` and `#/verify/<code>`: is this paper or file a form we issued, unchanged and in force? */
export function VerifyScreen() {
  const { t } = useTranslation();
  const { code: routeCode = '' } = useParams();
  const navigate = useNavigate();
  const [code, setCode] = useState(routeCode);
  const [fileError, setFileError] = useState(false);
  const byCode = useMutation({ mutationFn: (verificationCode: string) => call('forms.verifyCode', { verificationCode }) });
  const byFile = useMutation({ mutationFn: (pdfBase64: string) => call('forms.verifyFile', { pdfBase64 }) });
  const latest = byFile.submittedAt > byCode.submittedAt ? byFile : byCode;

  useEffect(() => {
    setCode(routeCode);
    if (routeCode !== '') byCode.mutate(routeCode);
    // Only a new code in the address starts a check (the mutation object changes every render).
  }, [routeCode]);

  const submit = () => {
    const typed = code.trim();
    if (typed === '') return;
    // A scanned QR code types "mamen://verify/<code>": the route keeps only the code.
    const clean = /([0-9A-Za-z]{4}-?[0-9A-Za-z]{4})\s*$/.exec(typed)?.[1] ?? typed;
    if (clean === routeCode) byCode.mutate(clean);
    else void navigate(`/verify/${encodeURIComponent(clean)}`);
  };

  return (
    <section style={{ maxInlineSize: 760 }}>
      <Typography.Title level={2}>{t('forms.verify.title')}</Typography.Title>
      <Typography.Paragraph>{t('forms.verify.intro')}</Typography.Paragraph>
      <Space wrap>
        <Input
          autoFocus
          value={code}
          onChange={(e) => setCode(e.target.value)}
          onPressEnter={submit}
          placeholder={t('forms.verify.codePlaceholder')}
          aria-label={t('forms.verify.code')}
          dir="ltr"
          style={{ inlineSize: 240 }}
          data-testid="verify-code"
        />
        <Button type="primary" icon={<SafetyCertificateOutlined />} onClick={submit} loading={byCode.isPending} data-testid="verify-submit">
          {t('forms.verify.check')}
        </Button>
        <Upload
          accept="application/pdf,.pdf"
          showUploadList={false}
          beforeUpload={(file) => {
            const isPdf = file.type === 'application/pdf' || file.name.toLowerCase().endsWith('.pdf');
            setFileError(!isPdf);
            if (isPdf) void readFileAsBase64(file).then((b64) => byFile.mutate(b64));
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={byFile.isPending} data-testid="verify-upload">
            {t('forms.verify.upload')}
          </Button>
        </Upload>
      </Space>
      {fileError ? <Alert type="error" showIcon title={t('forms.verify.notPdf')} style={{ marginBlockStart: 16 }} /> : null}
      <div style={{ marginBlockStart: 16 }}>
        <ErrorAlert error={latest.error} />
      </div>
      {latest.data ? <Verdict result={latest.data} /> : null}
    </section>
  );
}
