import { useState } from 'react';
import { Alert, Button, Descriptions, Input, List, Skeleton, Tag } from 'antd';
import { SearchOutlined, UserAddOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { InterviewView } from '../../../src-shared/contract/interviews';
import { ErrorAlert } from '../../components/error-alert';
import { HouseholdTab } from '../registry/household-tab';
import { RevealValue } from '../privacy/reveal-value';
import { useBeneficiary, useBeneficiarySearch } from '../registry/use-registry';
import { useInterviewAction } from './use-interview';

/** The check-digit verdict comes from the server, which holds the ID in clear even when the screen shows it masked. */
function IdentityBadge({ valid }: { valid: boolean | null }) {
  const { t } = useTranslation();
  if (valid === null) return <Tag>{t('interview.data.identityNone')}</Tag>;
  return valid ? (
    <Tag color="green" data-testid="identity-valid">{t('interview.data.identityValid')}</Tag>
  ) : (
    <Tag color="red">{t('interview.data.identityInvalid')}</Tag>
  );
}

/** The chosen beneficiary with the identity check and the household, editable through the registry. */
function ChosenBeneficiary({ id, editable, onChange }: { id: string; editable: boolean; onChange: () => void }) {
  const { t } = useTranslation();
  const profile = useBeneficiary(id);
  if (profile.isPending) return <Skeleton active />;
  if (profile.isError) return <ErrorAlert error={profile.error} />;
  const p = profile.data;
  return (
    <div data-testid="chosen-beneficiary">
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('interview.data.beneficiary')}>{p.fullName}</Descriptions.Item>
        <Descriptions.Item label={t('interview.data.identity')}>
          <RevealValue beneficiaryId={p.id} field="nationalId" value={p.nationalId} testId="chosen-nationalId" /> <IdentityBadge valid={p.nationalIdValid} />
        </Descriptions.Item>
      </Descriptions>
      {editable ? (
        <Button size="small" style={{ marginBlock: 8 }} onClick={onChange} data-testid="beneficiary-change">
          {t('interview.data.change')}
        </Button>
      ) : null}
      <h4>{t('interview.data.household')}</h4>
      <HouseholdTab profile={p} canWrite={editable} />
    </div>
  );
}

/** Step 2, first part: find the visitor in the registry (or register them there) and attach them. */
export function BeneficiaryPicker({ view }: { view: InterviewView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // This interview's route (with a ticket still to link, if any): the registry comes back to it.
  const location = useLocation();
  const [text, setText] = useState('');
  const [changing, setChanging] = useState(false);
  const search = useBeneficiarySearch(text);
  const choose = useInterviewAction(view.id, 'interviews.setBeneficiary');
  const editable = view.request?.signature == null;

  if (view.beneficiaryId && !changing) {
    return <ChosenBeneficiary id={view.beneficiaryId} editable={editable} onChange={() => setChanging(true)} />;
  }
  return (
    <div>
      <Input
        prefix={<SearchOutlined />}
        placeholder={t('interview.data.search')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        allowClear
        autoFocus
        data-testid="interview-beneficiary-search"
      />
      <List
        size="small"
        data-testid="interview-beneficiary-results"
        dataSource={text.trim() === '' ? [] : (search.data?.items ?? [])}
        locale={{ emptyText: ' ' }}
        renderItem={(item) => (
          <List.Item
            actions={[
              <Button
                key="choose"
                size="small"
                type="primary"
                loading={choose.isPending}
                onClick={() => choose.mutate({ id: view.id, beneficiaryId: item.id }, { onSuccess: () => setChanging(false) })}
                data-testid={`choose-beneficiary-${item.id}`}
              >
                {t('interview.data.choose')}
              </Button>,
            ]}
          >
            {item.fullName} <span className="ltr-value">{item.nationalId ?? ''}</span>
          </List.Item>
        )}
      />
      <ErrorAlert error={choose.error} />
      <Alert type="info" title={t('interview.data.registerHint')} style={{ marginBlock: 8 }} />
      <Button icon={<UserAddOutlined />} onClick={() => void navigate(`/registry/new?${new URLSearchParams({ returnTo: `${location.pathname}${location.search}` }).toString()}`)} data-testid="interview-register-new">
        {t('interview.data.registerNew')}
      </Button>
    </div>
  );
}
