import { Button, Form } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contractResolver } from '../../app/form-errors';
import { ErrorAlert } from '../../components/error-alert';
import { BeneficiaryFields } from './beneficiary-fields';
import {
  beneficiaryFormSchema,
  type BeneficiaryFormValues,
  type BeneficiaryValues,
} from './beneficiary-form-values';
import { DuplicateModal } from './duplicate-modal';
import { HouseholdEditor } from './household-editor';
import { useSaveBeneficiary, type SaveTarget } from './use-save-beneficiary';
import type { ReactNode } from 'react';

type BeneficiaryFormProps = {
  target: SaveTarget;
  initial: BeneficiaryValues;
  /** Rendered above the form for errors the caller knows how to recover from (stale version). */
  renderError?: (error: Error) => ReactNode;
};

/** Register and edit share this form; household members are typed here only when registering. */
export function BeneficiaryForm({ target, initial, renderError }: BeneficiaryFormProps) {
  const { t } = useTranslation();
  const { control, handleSubmit, setError } = useForm<BeneficiaryFormValues>({
    defaultValues: { beneficiary: initial, household: [] },
    resolver: contractResolver<BeneficiaryFormValues>(beneficiaryFormSchema),
  });
  const flow = useSaveBeneficiary(target, setError);
  const submit = handleSubmit((values) => flow.save(beneficiaryFormSchema.parse(values)));

  return (
    <>
      {flow.error ? (renderError?.(flow.error) ?? <ErrorAlert error={flow.error} testId="beneficiary-error" />) : null}
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="beneficiary-form">
        <Form layout="vertical" component="div">
          <BeneficiaryFields control={control} />
          {target.mode === 'register' ? <HouseholdEditor control={control} /> : null}
          <div className="form-actions">
            <Button type="primary" size="large" htmlType="submit" icon={<SaveOutlined />} loading={flow.saving} data-testid="beneficiary-save">
              {flow.saving ? t('beneficiary.saving') : t('beneficiary.save')}
            </Button>
          </div>
        </Form>
      </form>
      <DuplicateModal
        candidates={flow.review?.candidates ?? null}
        saving={flow.committing}
        resolving={flow.resolving ?? null}
        onOpenSame={flow.openSame}
        onSaveAnyway={flow.saveAnyway}
        onClose={flow.closeReview}
      />
    </>
  );
}
