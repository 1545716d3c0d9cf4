import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BeneficiaryProfile } from '../../../src-shared/contract/beneficiaries';
import { CONTACT_CHANNEL_NAMES } from '../../../src-shared/domain/contact-channels';
import { formatSaudiMobile } from '../../../src-shared/domain/phone';
import { useLanguage } from '../../app/language';
import { DateTimeText, DualDate } from '../../components/dual-date';
import type { Translation } from '../../i18n/ar';
import { RevealValue } from '../privacy/reveal-value';
import { governorateKey, isKnownNationality } from './choices';

/** Every field of the record, read-only. */
export function ProfileDetails({ profile }: { profile: BeneficiaryProfile }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const field = (name: keyof Translation['beneficiary']['fields']) => t(`beneficiary.fields.${name}`);
  // Masked unless the role's profile policy shows them clear; each reveal is one audited call.
  const phone = (field: 'phonePrimary' | 'phoneSecondary') => (
    <RevealValue beneficiaryId={profile.id} field={field} value={profile[field]} format={formatSaudiMobile} testId={`profile-${field}`} />
  );
  const govKey = governorateKey(profile.governorate);
  const items = [
    { key: 'firstName', label: field('firstName'), children: profile.firstName },
    { key: 'fatherName', label: field('fatherName'), children: profile.fatherName },
    { key: 'grandfatherName', label: field('grandfatherName'), children: profile.grandfatherName },
    { key: 'familyName', label: field('familyName'), children: profile.familyName },
    { key: 'latinName', label: field('latinName'), children: <span className="ltr-value">{profile.latinName ?? '—'}</span> },
    { key: 'idType', label: field('idType'), children: t(`beneficiary.idTypes.${profile.idType}`) },
    { key: 'nationalId', label: field('nationalId'), children: <RevealValue beneficiaryId={profile.id} field="nationalId" value={profile.nationalId} testId="profile-nationalId" /> },
    {
      key: 'nationality',
      label: field('nationality'),
      children: isKnownNationality(profile.nationality) ? t(`nationalities.${profile.nationality}`) : profile.nationality,
    },
    { key: 'gender', label: field('gender'), children: t(`beneficiary.genders.${profile.gender}`) },
    { key: 'birthDate', label: field('birthDate'), children: <DualDate value={profile.birthDate} inline /> },
    { key: 'phonePrimary', label: field('phonePrimary'), children: phone('phonePrimary') },
    { key: 'phoneSecondary', label: field('phoneSecondary'), children: phone('phoneSecondary') },
    { key: 'preferredChannel', label: field('preferredChannel'), children: <span data-testid="profile-preferredChannel">{profile.preferredChannel ? CONTACT_CHANNEL_NAMES[profile.preferredChannel][lang] : t('app.none')}</span> },
    { key: 'governorate', label: field('governorate'), children: govKey ? t(`governorates.${govKey}`) : (profile.governorate ?? '—') },
    { key: 'city', label: field('city'), children: profile.city ?? '—' },
    { key: 'address', label: field('address'), children: profile.address ?? '—', span: 2 },
    { key: 'notes', label: field('notes'), children: profile.notes ?? '—', span: 2 },
    { key: 'branch', label: field('branch'), children: profile.branchName },
    { key: 'createdBy', label: field('createdBy'), children: profile.createdByName ?? '—' },
    { key: 'createdAt', label: field('createdAt'), children: <DateTimeText value={profile.createdAt} /> },
    { key: 'updatedAt', label: field('updatedAt'), children: <DateTimeText value={profile.updatedAt} /> },
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />;
}
