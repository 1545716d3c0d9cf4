import { Alert, Button, Card, Typography } from 'antd';
import { ArrowRightOutlined, ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { safeInternalPath } from '../../../src-shared/domain/internal-path';
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
  const [params] = useSearchParams();
  // Sent here from an interview (step 2): saving goes back there with the new beneficiary chosen.
  const returnTo = safeInternalPath(params.get('returnTo'));
  return (
    <section>
      <div className="page-title-row">
        <Button icon={<BackIcon />} onClick={() => void navigate(returnTo ?? '/registry')} data-testid="register-back">
          {t('app.back')}
        </Button>
        <Typography.Title level={2}>{t('beneficiary.registerTitle')}</Typography.Title>
      </div>
      {returnTo ? <Alert type="info" showIcon title={t('interview.data.returnsAfterRegister')} style={{ marginBlockEnd: 12 }} data-testid="register-returns" /> : null}
      <Card>
        <BeneficiaryForm target={{ mode: 'register', returnTo }} initial={EMPTY_BENEFICIARY} />
      </Card>
    </section>
  );
}
