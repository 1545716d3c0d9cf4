import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Modal } from 'antd';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { HouseholdMemberInput, type HouseholdMember } from '../../../src-shared/contract/beneficiaries';
import { call, isApiCallError } from '../../app/api-client';
import { contractResolver } from '../../app/form-errors';
import { useLanguage } from '../../app/language';
import { ErrorAlert } from '../../components/error-alert';
import {
  EMPTY_BENEFICIARY,
  EMPTY_MEMBER,
  memberValues,
  type BeneficiaryFormValues,
} from './beneficiary-form-values';
import { MemberFields } from './household-editor';
import { beneficiaryQueryKey } from './use-registry';

type Member = z.infer<typeof HouseholdMember>;

// The dialog reuses the registration form's member fields, so its one member sits at `household.0`.
const schema = z.object({ household: z.tuple([HouseholdMemberInput]) });

/** Adds a household member to a saved record, or edits one (`household.add` / `household.update`). */
export function MemberModal({
  beneficiaryId,
  member,
  open,
  onClose,
}: {
  beneficiaryId: string;
  member: Member | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const client = useQueryClient();
  const { control, handleSubmit, setError } = useForm<BeneficiaryFormValues>({
    defaultValues: { beneficiary: EMPTY_BENEFICIARY, household: [member ? memberValues(member) : { ...EMPTY_MEMBER }] },
    resolver: contractResolver<BeneficiaryFormValues>(schema),
  });
  const save = useMutation({
    mutationFn: (input: z.output<typeof HouseholdMemberInput>) =>
      member
        ? call('household.update', { id: member.id, expectedVersion: member.version, member: input })
        : call('household.add', { beneficiaryId, member: input }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: beneficiaryQueryKey(beneficiaryId) });
      onClose();
    },
    onError: (error) => {
      if (!isApiCallError(error)) return;
      for (const [path, fieldError] of Object.entries(error.apiError.fields ?? {})) {
        if (!path.startsWith('member.')) continue;
        const name = path.slice('member.'.length);
        setError(`household.0.${name}` as 'household.0.fullName', { type: 'server', message: fieldError.message[lang] });
      }
    },
  });
  const submit = handleSubmit((values) => save.mutate(schema.parse(values).household[0]));

  return (
    <Modal
      open={open}
      width={860}
      title={t('beneficiary.memberTitle')}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      confirmLoading={save.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={save.error} />
      <Form layout="vertical" component="div">
        <MemberFields control={control} prefix="household.0" testPrefix="member-edit" />
      </Form>
    </Modal>
  );
}
