import { useState } from 'react';
import { Button, Form, Input, Select, Space } from 'antd';
import { ClearOutlined, FilterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { auditActionLabel } from '../../../src-shared/domain/audit-actions';
import { useLanguage } from '../../app/language';
import { BeneficiaryPicker } from '../contacts/beneficiary-picker';
import { NO_FILTERS, useAuditFilters, type AuditFilterValues } from './use-audit';

/** The viewer's filters, applied together (each application is one audited reading). */
export function AuditFilters({ onApply }: { onApply: (filters: AuditFilterValues) => void }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const choices = useAuditFilters();
  const [draft, setDraft] = useState<AuditFilterValues>(NO_FILTERS);
  const set = (patch: Partial<AuditFilterValues>) => setDraft((d) => ({ ...d, ...patch }));
  const data = choices.data;
  return (
    <Form layout="vertical" component="div" className="audit-filters">
      <Form.Item label={t('audit.filters.user')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('audit.filters.any')}
          value={draft.userId ?? undefined}
          options={(data?.users ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
          onChange={(v: string | undefined) => set({ userId: v ?? null })}
          aria-label={t('audit.filters.user')}
          data-testid="audit-filter-user"
        />
      </Form.Item>
      <Form.Item label={t('audit.filters.action')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          virtual={false}
          placeholder={t('audit.filters.any')}
          value={draft.action ?? undefined}
          options={(data?.actions ?? []).map((a) => ({ value: a, label: auditActionLabel(a, lang) }))}
          onChange={(v: string | undefined) => set({ action: v ?? null })}
          aria-label={t('audit.filters.action')}
          data-testid="audit-filter-action"
        />
      </Form.Item>
      <Form.Item label={t('audit.filters.beneficiary')}>
        <BeneficiaryPicker value={draft.beneficiaryId} onChange={(id) => set({ beneficiaryId: id })} />
      </Form.Item>
      {(data?.branches.length ?? 0) > 1 ? (
        <Form.Item label={t('audit.filters.branch')}>
          <Select
            allowClear
            placeholder={t('audit.filters.any')}
            value={draft.branchId ?? undefined}
            options={(data?.branches ?? []).map((b) => ({ value: b.id, label: b.name }))}
            onChange={(v: string | undefined) => set({ branchId: v ?? null })}
            aria-label={t('audit.filters.branch')}
            data-testid="audit-filter-branch"
          />
        </Form.Item>
      ) : null}
      <Form.Item label={t('audit.filters.from')}>
        <Input type="date" value={draft.from ?? ''} onChange={(e) => set({ from: e.target.value || null })} aria-label={t('audit.filters.from')} data-testid="audit-filter-from" />
      </Form.Item>
      <Form.Item label={t('audit.filters.to')}>
        <Input type="date" value={draft.to ?? ''} onChange={(e) => set({ to: e.target.value || null })} aria-label={t('audit.filters.to')} data-testid="audit-filter-to" />
      </Form.Item>
      <Form.Item label=" ">
        <Space>
          <Button type="primary" icon={<FilterOutlined />} onClick={() => onApply(draft)} data-testid="audit-apply">
            {t('audit.filters.apply')}
          </Button>
          <Button
            icon={<ClearOutlined />}
            onClick={() => {
              setDraft(NO_FILTERS);
              onApply(NO_FILTERS);
            }}
          >
            {t('audit.filters.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
