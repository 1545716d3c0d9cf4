import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api-client';

/** Finds a beneficiary as the registry does (name in any spelling, ID number, mobile) and picks one. */
export function BeneficiaryPicker({ value, onChange, testId }: { value: string | null; onChange: (id: string | null) => void; testId: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const query = text.trim();
  const search = useQuery({
    queryKey: ['beneficiaries.search', query, 'picker'],
    queryFn: () => call('beneficiaries.search', { query, limit: 10 }),
    enabled: query !== '',
    staleTime: 0,
  });
  const items = search.data?.items ?? [];
  return (
    <Select
      showSearch
      allowClear
      size="large"
      style={{ inlineSize: '100%' }}
      value={value}
      placeholder={t('queue.link.search')}
      aria-label={t('queue.link.search')}
      filterOption={false}
      onSearch={setText}
      onChange={(id: string | undefined) => onChange(id ?? null)}
      loading={search.isFetching}
      notFoundContent={query === '' ? null : t('queue.link.noResults')}
      options={items.map((b) => ({ value: b.id, label: `${b.fullName}${b.nationalId ? ` — ${b.nationalId}` : ''}` }))}
      data-testid={testId}
    />
  );
}
