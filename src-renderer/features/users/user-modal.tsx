import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Checkbox, Form, Modal } from 'antd';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../src-shared/contract';
import type { UserSummary } from '../../../src-shared/contract/accounts';
import { BRANCH_SCOPES, ROLES } from '../../../src-shared/domain/roles';
import { call, isApiCallError } from '../../app/api-client';
import { applyFieldErrors, contractResolver } from '../../app/form-errors';
import { useLanguage } from '../../app/language';
import { ErrorAlert } from '../../components/error-alert';
import { FormField } from '../../components/form-field';
import { SelectField } from '../../components/select-field';
import { TextInputField } from '../../components/text-input-field';
import { useBranches, USERS_QUERY_KEY } from './use-accounts';

type UserValues = {
  id: string;
  username: string;
  displayName: string;
  role: string;
  branchId: string;
  branchScope: string;
  password: string;
  active: boolean;
};

/** Create a user (`users.create`) or change one (`users.update`: role, branch, scope, active). */
export function UserModal({ user, onClose }: { user: UserSummary | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const client = useQueryClient();
  const branches = useBranches();
  const creating = user === null;
  const { control, handleSubmit, setError } = useForm<UserValues>({
    defaultValues: {
      id: user?.id ?? '',
      username: user?.username ?? '',
      displayName: user?.displayName ?? '',
      role: user?.role ?? 'reception',
      branchId: user?.branchId ?? '',
      branchScope: user?.branchScope ?? 'own',
      password: '',
      active: user?.active ?? true,
    },
    resolver: contractResolver<UserValues>(creating ? contract['users.create'].input : contract['users.update'].input),
  });
  const save = useMutation({
    mutationFn: (values: UserValues) =>
      creating
        ? call('users.create', contract['users.create'].input.parse(values))
        : call('users.update', contract['users.update'].input.parse(values)),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: USERS_QUERY_KEY });
      onClose();
    },
    onError: (error) => {
      if (isApiCallError(error)) applyFieldErrors(error.apiError, setError, lang, () => true);
    },
  });
  const submit = handleSubmit((values) => save.mutate(values));

  return (
    <Modal
      open
      title={creating ? t('users.create') : t('users.editTitle')}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      confirmLoading={save.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={save.error} />
      <Form layout="vertical" component="div">
        {creating ? (
          <TextInputField control={control} name="username" label={t('users.columns.username')} testId="user-username" required ltr autoFocus />
        ) : null}
        <TextInputField control={control} name="displayName" label={t('users.columns.displayName')} testId="user-displayName" required />
        <SelectField control={control} name="role" label={t('users.columns.role')} testId="user-role" required options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        <SelectField
          control={control}
          name="branchId"
          label={t('users.columns.branch')}
          testId="user-branch"
          required
          placeholder={t('beneficiary.choose')}
          options={(branches.data?.branches ?? []).map((b) => ({ value: b.id, label: `${b.code} — ${b.nameAr}` }))}
        />
        <SelectField
          control={control}
          name="branchScope"
          label={t('users.columns.scope')}
          testId="user-scope"
          kind="radio"
          options={BRANCH_SCOPES.map((s) => ({ value: s, label: t(`scopes.${s}`) }))}
        />
        {creating ? (
          <TextInputField control={control} name="password" label={t('users.initialPassword')} testId="user-password" kind="password" required autoComplete="new-password" />
        ) : (
          <Controller
            control={control}
            name="active"
            render={({ field, fieldState }) => (
              <FormField label={t('users.columns.active')} path="active" error={fieldState.error}>
                <Checkbox checked={field.value} onChange={(e) => field.onChange(e.target.checked)} data-testid="user-active">
                  {t('users.columns.active')}
                </Checkbox>
              </FormField>
            )}
          />
        )}
      </Form>
    </Modal>
  );
}
