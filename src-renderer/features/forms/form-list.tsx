import { App, Button, Empty, Table, Tag } from 'antd';
import { FileProtectOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FormSummary } from '../../../src-shared/contract/forms';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { DateTimeText } from '../../components/dual-date';
import { ErrorAlert, useApiErrorText } from '../../components/error-alert';
import { FormActions } from './form-actions';
import { useBeneficiaryForms, useGenerateConsent } from './use-forms';

/** A beneficiary's signed forms, newest first, with print/save; and the consent form to issue. */
export function FormList({ beneficiaryId }: { beneficiaryId: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const { message } = App.useApp();
  const errorText = useApiErrorText();
  const forms = useBeneficiaryForms(beneficiaryId);
  const generate = useGenerateConsent(beneficiaryId);
  const known = new Set((forms.data?.items ?? []).map((f) => f.id));

  const issueConsent = () =>
    generate.mutate(undefined, {
      onSuccess: (form) => void message.success(t(known.has(form.id) ? 'forms.reused' : 'forms.generated', { code: form.code })),
      onError: (error) => void message.error(errorText(error)),
    });

  return (
    <div>
      {canCall(user, 'forms.generateConsent') ? (
        <Button type="primary" icon={<FileProtectOutlined />} loading={generate.isPending} onClick={issueConsent} data-testid="generate-consent" style={{ marginBlockEnd: 16 }}>
          {t('forms.generateConsent')}
        </Button>
      ) : null}
      <ErrorAlert error={forms.error} />
      <Table<FormSummary>
        rowKey="id"
        loading={forms.isPending}
        dataSource={forms.data?.items ?? []}
        pagination={false}
        data-testid="forms-table"
        locale={{ emptyText: <Empty description={t('forms.none')} /> }}
        columns={[
          { key: 'title', title: t('forms.columns.title'), render: (_, f) => t(`forms.kinds.${f.kind}`) },
          { key: 'code', title: t('forms.columns.code'), render: (_, f) => <bdi data-testid="form-code" style={{ whiteSpace: 'nowrap' }}>{f.code}</bdi> },
          { key: 'issuedAt', title: t('forms.columns.issuedAt'), render: (_, f) => <DateTimeText value={f.issuedAt} /> },
          { key: 'issuedBy', title: t('forms.columns.issuedBy'), render: (_, f) => f.issuedByName ?? t('app.none') },
          {
            key: 'status',
            title: t('forms.columns.status'),
            render: (_, f) => <Tag color={f.status === 'current' ? 'green' : 'default'}>{t(`forms.statuses.${f.status}`)}</Tag>,
          },
          { key: 'copies', title: t('forms.columns.copies'), dataIndex: 'copies' },
          { key: 'actions', title: t('forms.columns.actions'), render: (_, f) => <FormActions form={f} /> },
        ]}
      />
    </div>
  );
}
