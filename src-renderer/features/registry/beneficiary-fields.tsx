import { Col, Divider, Row } from 'antd';
import type { Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { GENDERS, ID_TYPES } from '../../../src-shared/contract/beneficiaries';
import { CONTACT_CHANNELS } from '../../../src-shared/domain/contact-channels';
import { DateInputField } from '../../components/birth-date-field';
import { SelectField } from '../../components/select-field';
import { TextInputField } from '../../components/text-input-field';
import { useLanguage } from '../../app/language';
import type { Translation } from '../../i18n/ar';
import type { BeneficiaryFormValues } from './beneficiary-form-values';
import { JAZAN_GOVERNORATES, NATIONALITIES } from './choices';

type Props = { control: Control<BeneficiaryFormValues> };

const NAME_PARTS = ['firstName', 'fatherName', 'grandfatherName', 'familyName'] as const;

/** The beneficiary's own fields; test ids are `field-<contract field name>`. */
export function BeneficiaryFields({ control }: Props) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const label = (name: keyof Translation['beneficiary']['fields']) => t(`beneficiary.fields.${name}`);
  return (
    <>
      <Divider titlePlacement="start">{t('beneficiary.sections.name')}</Divider>
      <Row gutter={16}>
        {NAME_PARTS.map((part, index) => (
          <Col xs={24} sm={12} lg={6} key={part}>
            <TextInputField control={control} name={`beneficiary.${part}`} label={label(part)} testId={`field-${part}`} required autoFocus={index === 0} />
          </Col>
        ))}
        <Col xs={24} lg={12}>
          <TextInputField control={control} name="beneficiary.latinName" label={label('latinName')} testId="field-latinName" ltr />
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('beneficiary.sections.identity')}</Divider>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <SelectField
            control={control}
            name="beneficiary.idType"
            label={label('idType')}
            testId="field-idType"
            kind="radio"
            required
            options={ID_TYPES.map((v) => ({ value: v, label: t(`beneficiary.idTypes.${v}`) }))}
          />
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <TextInputField control={control} name="beneficiary.nationalId" label={label('nationalId')} testId="field-nationalId" ltr />
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <SelectField
            control={control}
            name="beneficiary.nationality"
            label={label('nationality')}
            testId="field-nationality"
            required
            options={NATIONALITIES.map((code) => ({ value: code, label: t(`nationalities.${code}`) }))}
          />
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <SelectField
            control={control}
            name="beneficiary.gender"
            label={label('gender')}
            testId="field-gender"
            kind="radio"
            required
            options={GENDERS.map((g) => ({ value: g, label: t(`beneficiary.genders.${g}`) }))}
          />
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <DateInputField control={control} name="beneficiary.birthDate" label={label('birthDate')} testId="field-birthDate" />
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('beneficiary.sections.contact')}</Divider>
      <Row gutter={16}>
        <Col xs={24} sm={12} lg={6}>
          <TextInputField control={control} name="beneficiary.phonePrimary" label={label('phonePrimary')} testId="field-phonePrimary" ltr />
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <TextInputField control={control} name="beneficiary.phoneSecondary" label={label('phoneSecondary')} testId="field-phoneSecondary" ltr />
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <SelectField
            control={control}
            name="beneficiary.preferredChannel"
            label={label('preferredChannel')}
            testId="field-preferredChannel"
            allowClear
            placeholder={t('beneficiary.choose')}
            options={CONTACT_CHANNELS.map((c) => ({ value: c.code, label: c[lang] }))}
          />
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <SelectField
            control={control}
            name="beneficiary.governorate"
            label={label('governorate')}
            testId="field-governorate"
            allowClear
            placeholder={t('beneficiary.choose')}
            options={JAZAN_GOVERNORATES.map((g) => ({ value: g.value, label: t(`governorates.${g.key}`) }))}
          />
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <TextInputField control={control} name="beneficiary.city" label={label('city')} testId="field-city" />
        </Col>
        <Col xs={24} lg={12}>
          <TextInputField control={control} name="beneficiary.address" label={label('address')} testId="field-address" />
        </Col>
        <Col xs={24} lg={12}>
          <TextInputField control={control} name="beneficiary.notes" label={label('notes')} testId="field-notes" kind="textarea" />
        </Col>
      </Row>
    </>
  );
}
