import { Button, Checkbox, Col, Divider, Empty, Row } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Controller, useFieldArray, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { GENDERS, ID_TYPES, RELATIONS } from '../../../src-shared/contract/beneficiaries';
import { DateInputField } from '../../components/birth-date-field';
import { FormField } from '../../components/form-field';
import { SelectField } from '../../components/select-field';
import { TextInputField } from '../../components/text-input-field';
import { EMPTY_MEMBER, type BeneficiaryFormValues } from './beneficiary-form-values';

/** Household members typed in with the registration, before anything is saved. */
export function HouseholdEditor({ control }: { control: Control<BeneficiaryFormValues> }) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control, name: 'household' });
  return (
    <>
      <Divider titlePlacement="start">{t('beneficiary.sections.household')}</Divider>
      {fields.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('beneficiary.noMembers')} /> : null}
      {fields.map((field, index) => (
        <div className="member-card" key={field.id} data-testid="member-card">
          <div className="member-card-head">
            <span>
              {t('beneficiary.memberTitle')} {index + 1}
            </span>
            <Button className="member-remove" danger type="text" icon={<DeleteOutlined />} onClick={() => remove(index)}>
              {t('app.remove')}
            </Button>
          </div>
          <MemberFields control={control} prefix={`household.${index}`} testPrefix={`member-${index}`} />
        </div>
      ))}
      <Button icon={<PlusOutlined />} onClick={() => append({ ...EMPTY_MEMBER })} data-testid="add-member">
        {t('beneficiary.addMember')}
      </Button>
    </>
  );
}

type MemberPrefix = `household.${number}`;

/** One member's fields; also used by the profile's household dialog with its own form. */
export function MemberFields({
  control,
  prefix,
  testPrefix,
}: {
  control: Control<BeneficiaryFormValues>;
  prefix: MemberPrefix;
  testPrefix: string;
}) {
  const { t } = useTranslation();
  const label = (name: 'fullName' | 'relation' | 'gender' | 'idType' | 'nationalId' | 'birthDate' | 'isPrisoner' | 'notes') =>
    t(`beneficiary.fields.${name}`);
  return (
    <Row gutter={16}>
      <Col xs={24} lg={12}>
        <TextInputField control={control} name={`${prefix}.fullName`} label={label('fullName')} testId={`${testPrefix}-fullName`} required />
      </Col>
      <Col xs={24} sm={12} lg={6}>
        <SelectField
          control={control}
          name={`${prefix}.relation`}
          label={label('relation')}
          testId={`${testPrefix}-relation`}
          required
          placeholder={t('beneficiary.choose')}
          options={RELATIONS.map((r) => ({ value: r, label: t(`beneficiary.relations.${r}`) }))}
        />
      </Col>
      <Col xs={24} sm={12} lg={6}>
        <SelectField
          control={control}
          name={`${prefix}.gender`}
          label={label('gender')}
          testId={`${testPrefix}-gender`}
          kind="radio"
          options={GENDERS.map((g) => ({ value: g, label: t(`beneficiary.genders.${g}`) }))}
        />
      </Col>
      <Col xs={24} sm={12} lg={6}>
        <SelectField
          control={control}
          name={`${prefix}.idType`}
          label={label('idType')}
          testId={`${testPrefix}-idType`}
          options={ID_TYPES.map((v) => ({ value: v, label: t(`beneficiary.idTypes.${v}`) }))}
        />
      </Col>
      <Col xs={24} sm={12} lg={6}>
        <TextInputField control={control} name={`${prefix}.nationalId`} label={label('nationalId')} testId={`${testPrefix}-nationalId`} ltr />
      </Col>
      <Col xs={24} sm={12} lg={6}>
        <DateInputField control={control} name={`${prefix}.birthDate`} label={label('birthDate')} testId={`${testPrefix}-birthDate`} />
      </Col>
      <Col xs={24} sm={12} lg={6}>
        <Controller
          control={control}
          name={`${prefix}.isPrisoner`}
          render={({ field, fieldState }) => (
            <FormField label={label('isPrisoner')} path={field.name} error={fieldState.error}>
              <Checkbox checked={field.value === true} onChange={(e) => field.onChange(e.target.checked)} data-testid={`${testPrefix}-isPrisoner`}>
                {label('isPrisoner')}
              </Checkbox>
            </FormField>
          )}
        />
      </Col>
      <Col xs={24}>
        <TextInputField control={control} name={`${prefix}.notes`} label={label('notes')} testId={`${testPrefix}-notes`} />
      </Col>
    </Row>
  );
}
