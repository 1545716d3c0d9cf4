import { Button, Descriptions, Result, Skeleton } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api-client';
import { useLanguage } from '../../app/language';
import { DateTimeText, DualDate } from '../../components/dual-date';
import { useApiErrorText } from '../../components/error-alert';
import { BackIcon } from '../registry/register-screen';
import { formatCount } from './format-number';
import './interview.css';

/** The printable receipt of step 5 (HTML print; the signed PDF receipt comes from the forms engine). */
export function ReceiptScreen() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const errorText = useApiErrorText();
  const receipt = useQuery({ queryKey: ['interviews.receipt', id], queryFn: () => call('interviews.receipt', { id }) });
  if (receipt.isPending) return <Skeleton active />;
  if (receipt.isError) return <Result status="warning" title={errorText(receipt.error)} />;
  const r = receipt.data;
  return (
    <section>
      <div className="page-title-row no-print">
        <Button icon={<BackIcon />} onClick={() => void navigate(`/interviews/${id}`)}>
          {t('app.back')}
        </Button>
        <span className="page-title-actions">
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="receipt-print">
            {t('interview.receipt.print')}
          </Button>
        </span>
      </div>
      <div className="receipt-sheet" data-testid="receipt">
        <h1>{t('interview.receipt.title')}</h1>
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('interview.receipt.requestNo')}>
            <span className="hash-text">{r.requestId}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('interview.receipt.beneficiary')}>{r.beneficiaryName}</Descriptions.Item>
          <Descriptions.Item label={t('interview.receipt.nationalId')}>
            <span className="ltr-value">{r.beneficiaryNationalId ?? t('app.none')}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('interview.receipt.type')}>{lang === 'en' ? r.requestTypeNameEn : r.requestTypeNameAr}</Descriptions.Item>
          <Descriptions.Item label={t('interview.receipt.submittedAt')}>
            <DateTimeText value={r.submittedAt} />
          </Descriptions.Item>
          <Descriptions.Item label={t('interview.receipt.due')}>
            <span className="receipt-due" data-testid="receipt-due">
              <DualDate value={r.dueDate} />
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('interview.receipt.branch')}>{r.branchName}</Descriptions.Item>
          <Descriptions.Item label={t('interview.receipt.desk')}>{r.deskUserName ?? t('app.none')}</Descriptions.Item>
          {r.dataHash ? (
            <Descriptions.Item label={t('interview.receipt.hash')}>
              <span className="hash-text">{r.dataHash}</span>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        <p style={{ marginBlockStart: 16 }}>{t('interview.receipt.note')}</p>
        <p>{t('interview.submission.clock', { days: formatCount(r.clock.days, lang), mode: t(`interview.submission.modes.${r.clock.mode}`) })}</p>
      </div>
    </section>
  );
}
