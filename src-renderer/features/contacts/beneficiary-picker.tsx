import { useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useBeneficiarySearch } from '../registry/use-registry';

/** Finds a beneficiary as the registry does (name, ID or mobile), for a contact logged from the nav. */
export function BeneficiaryPicker({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const search = useBeneficiarySearch(text);
  const options = (search.data?.items ?? []).map((b) => ({
    value: b.id,
    label: [b.fullName, b.nationalId].filter(Boolean).join(' — '),
  }));
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value ?? undefined}
      placeholder={t('contacts.beneficiarySearch')}
      aria-label={t('contacts.beneficiarySearch')}
      loading={search.isFetching}
      options={options}
      allowClear
      onChange={(id: string | undefined) => onChange(id ?? null)}
      notFoundContent={null}
      style={{ inlineSize: '100%' }}
      data-testid="contact-beneficiary"
    />
  );
}
