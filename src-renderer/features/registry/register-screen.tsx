import { Button, Card, Typography } from 'antd';
import { ArrowRightOutlined, ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/language';
import { BeneficiaryForm } from './beneficiary-form';
import { EMPTY_BENEFICIARY } from './beneficiary-form-values';

export function BackIcon() {
  const { lang } = useLanguage();
  // "Back" points toward the start edge: right in Arabic, left in English.
  return lang === 'ar' ? <ArrowRightOutlined /> : <ArrowLeftOutlined />;
}

export function RegisterScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <section>
      <div className="page-title-row">
        <Button icon={<BackIcon />} onClick={() => void navigate('/registry')}>
          {t('app.back')}
        </Button>
        <Typography.Title level={2}>{t('beneficiary.registerTitle')}</Typography.Title>
      </div>
      <Card>
        <BeneficiaryForm target={{ mode: 'register' }} initial={EMPTY_BENEFICIARY} />
      </Card>
    </section>
  );
}
