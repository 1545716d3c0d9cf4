import { Alert, Button, Card, Result, Skeleton, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiCallError } from '../../app/api-client';
import { useApiErrorText, ErrorAlert } from '../../components/error-alert';
import { BeneficiaryForm } from './beneficiary-form';
import { valuesFromProfile } from './beneficiary-form-values';
import { BackIcon } from './register-screen';
import { beneficiaryQueryKey, useBeneficiaryForEdit } from './use-registry';

/** Edits the record as last read; a concurrent change is refused and the user reloads. */
export function EditScreen() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const profile = useBeneficiaryForEdit(id);
  const errorText = useApiErrorText();

  if (profile.isPending) return <Skeleton active />;
  if (profile.isError) return <Result status="warning" title={errorText(profile.error)} />;
  const data = profile.data;

  const renderError = (error: Error) =>
    isApiCallError(error) && error.code === 'STALE_VERSION' ? (
      <Alert
        type="warning"
        showIcon
        title={errorText(error)}
        data-testid="stale-version"
        style={{ marginBlockEnd: 16 }}
        action={
          <Button icon={<ReloadOutlined />} onClick={() => void client.resetQueries({ queryKey: beneficiaryQueryKey(id) })}>
            {t('profile.staleReload')}
          </Button>
        }
      />
    ) : (
      <ErrorAlert error={error} testId="beneficiary-error" />
    );

  return (
    <section>
      <div className="page-title-row">
        <Button icon={<BackIcon />} onClick={() => void navigate(`/beneficiaries/${id}`)}>
          {t('app.back')}
        </Button>
        <Typography.Title level={2}>
          {t('beneficiary.editTitle')}: {data.fullName}
        </Typography.Title>
      </div>
      <Card>
        {/* Keyed by version: a reload starts the form again from the fresh record. */}
        <BeneficiaryForm
          key={data.version}
          target={{ mode: 'edit', id, expectedVersion: data.version }}
          initial={valuesFromProfile(data)}
          renderError={renderError}
        />
      </Card>
    </section>
  );
}
