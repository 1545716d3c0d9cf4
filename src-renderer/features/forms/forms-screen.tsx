import { Button, Card, Input, List, Typography } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api-client';
import { useQuery } from '@tanstack/react-query';
import { useBeneficiarySearch } from '../registry/use-registry';
import { FormList } from './form-list';

/** `#/forms`: find a beneficiary; `#/forms/<beneficiaryId>`: their signed forms. */
export function FormsScreen() {
  const { t } = useTranslation();
  const { beneficiaryId } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const text = params.get('q') ?? '';
  const search = useBeneficiarySearch(text);
  const profile = useQuery({
    queryKey: ['beneficiaries.get', beneficiaryId],
    queryFn: () => call('beneficiaries.get', { id: beneficiaryId ?? '' }),
    enabled: Boolean(beneficiaryId),
  });

  if (beneficiaryId) {
    return (
      <section>
        <div className="page-title-row">
          <Typography.Title level={2} data-testid="forms-title">
            {t('forms.of', { name: profile.data?.fullName ?? '' })}
          </Typography.Title>
          <span className="page-title-actions">
            <Button icon={<UserOutlined />} onClick={() => void navigate(`/beneficiaries/${beneficiaryId}`)}>
              {t('forms.openProfile')}
            </Button>
          </span>
        </div>
        <Card>
          <FormList beneficiaryId={beneficiaryId} />
        </Card>
      </section>
    );
  }
  return (
    <section>
      <Typography.Title level={2}>{t('forms.title')}</Typography.Title>
      <Typography.Paragraph>{t('forms.intro')}</Typography.Paragraph>
      <Input.Search
        autoFocus
        allowClear
        value={text}
        placeholder={t('forms.searchPlaceholder')}
        onChange={(e) => setParams(e.target.value === '' ? {} : { q: e.target.value }, { replace: true })}
        data-testid="forms-search"
        style={{ maxInlineSize: 520 }}
      />
      <List
        style={{ marginBlockStart: 16 }}
        dataSource={text.trim() === '' ? [] : (search.data?.items ?? [])}
        data-testid="forms-search-results"
        renderItem={(item) => (
          <List.Item>
            <Button type="link" onClick={() => void navigate(`/forms/${item.id}`)}>
              {item.fullName}
            </Button>
            <bdi>{item.nationalId ?? ''}</bdi>
          </List.Item>
        )}
      />
    </section>
  );
}
