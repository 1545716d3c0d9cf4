import { Button, Card, Result, Skeleton, Tabs, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { useApiErrorText } from '../../components/error-alert';
import { HistoryTab } from './history-tab';
import { HouseholdTab } from './household-tab';
import { ProfileDetails } from './profile-details';
import { BackIcon } from './register-screen';
import { useBeneficiary } from './use-registry';
import { beneficiaryCaseTabs } from '../contacts/case-tabs';
import { FormList } from '../forms/form-list';
import { dataRightsTabs } from '../data-rights/data-rights-tabs';

export function ProfileScreen() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { user } = useSession();
  const profile = useBeneficiary(id);
  const errorText = useApiErrorText();
  const canWrite = canCall(user, 'beneficiaries.update');

  const back = (
    <Button icon={<BackIcon />} onClick={() => void navigate('/registry')} data-testid="back-to-registry">
      {t('profile.backToRegistry')}
    </Button>
  );
  if (profile.isPending) return <Skeleton active />;
  if (profile.isError) return <Result status="warning" title={errorText(profile.error)} extra={back} />;
  const data = profile.data;

  return (
    <section>
      <div className="page-title-row">
        {back}
        <Typography.Title level={2} data-testid="profile-name">
          {data.fullName}
        </Typography.Title>
        {canWrite ? (
          <span className="page-title-actions">
            <Button type="primary" icon={<EditOutlined />} onClick={() => void navigate(`/beneficiaries/${id}/edit`)} data-testid="profile-edit">
              {t('app.edit')}
            </Button>
          </span>
        ) : null}
      </div>
      <Card>
        <Tabs
          items={[
            { key: 'details', label: t('profile.tabs.details'), children: <ProfileDetails profile={data} /> },
            {
              key: 'household',
              label: `${t('profile.tabs.household')} (${data.household.length})`,
              children: <HouseholdTab profile={data} canWrite={canWrite} />,
            },
            { key: 'history', label: t('profile.tabs.history'), children: <HistoryTab id={id} /> },
            ...beneficiaryCaseTabs(id, data.fullName, t),
            ...(canCall(user, 'forms.list')
              ? [{ key: 'forms', label: <span data-testid="tab-forms">{t('forms.desk.tab')}</span>, children: <FormList beneficiaryId={id} /> }]
              : []),
            ...dataRightsTabs(id, user, t),
          ]}
        />
      </Card>
    </section>
  );
}
