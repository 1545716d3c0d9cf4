import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Popconfirm, Space, Table, Tag } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { BeneficiaryProfile, HouseholdMember } from '../../../src-shared/contract/beneficiaries';
import { call } from '../../app/api-client';
import { ErrorAlert } from '../../components/error-alert';
import { DualDate } from '../../components/dual-date';
import { isMaskedValue } from '../../../src-shared/domain/masking';
import { RevealValue } from '../privacy/reveal-value';
import { MemberModal } from './member-modal';
import { beneficiaryQueryKey } from './use-registry';

type Member = z.infer<typeof HouseholdMember>;

/** The family register of a saved beneficiary. */
export function HouseholdTab({ profile, canWrite }: { profile: BeneficiaryProfile; canWrite: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [editing, setEditing] = useState<{ member: Member | null } | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => call('household.remove', { id }),
    onSuccess: () => client.invalidateQueries({ queryKey: beneficiaryQueryKey(profile.id) }),
  });
  // Editing needs the member's ID in clear: opening the dialog reveals it (audited) when it is masked.
  const startEdit = useMutation({
    mutationFn: async (m: Member) =>
      isMaskedValue(m.nationalId)
        ? { ...m, nationalId: (await call('beneficiaries.reveal', { id: profile.id, field: 'householdNationalId', memberId: m.id })).value }
        : m,
    onSuccess: (member) => setEditing({ member }),
  });
  const columns: ColumnsType<Member> = [
    { key: 'fullName', title: t('beneficiary.fields.fullName'), dataIndex: 'fullName' },
    { key: 'relation', title: t('beneficiary.fields.relation'), render: (_v, m) => t(`beneficiary.relations.${m.relation}`) },
    { key: 'gender', title: t('beneficiary.fields.gender'), render: (_v, m) => t(`beneficiary.genders.${m.gender}`) },
    { key: 'nationalId', title: t('beneficiary.fields.nationalId'), render: (_v, m) => <RevealValue beneficiaryId={profile.id} field="householdNationalId" memberId={m.id} value={m.nationalId} /> },
    { key: 'birthDate', title: t('beneficiary.fields.birthDate'), render: (_v, m) => <DualDate value={m.birthDate} /> },
    { key: 'isPrisoner', title: t('beneficiary.fields.isPrisoner'), render: (_v, m) => (m.isPrisoner ? <Tag color="orange">{t('app.yes')}</Tag> : t('app.no')) },
    { key: 'notes', title: t('beneficiary.fields.notes'), dataIndex: 'notes' },
  ];
  if (canWrite) {
    columns.push({
      key: 'actions',
      title: '',
      render: (_v, m) => (
        <Space>
          <Button size="small" icon={<EditOutlined />} loading={startEdit.isPending && startEdit.variables.id === m.id} onClick={() => startEdit.mutate(m)}>
            {t('app.edit')}
          </Button>
          <Popconfirm title={t('app.confirmRemove')} okText={t('app.yes')} cancelText={t('app.no')} onConfirm={() => remove.mutate(m.id)}>
            <Button size="small" danger icon={<DeleteOutlined />} loading={remove.isPending && remove.variables === m.id}>
              {t('app.remove')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }
  return (
    <>
      <ErrorAlert error={remove.error ?? startEdit.error} />
      {canWrite ? (
        <Button icon={<PlusOutlined />} onClick={() => setEditing({ member: null })} style={{ marginBlockEnd: 12 }} data-testid="household-add">
          {t('beneficiary.addMember')}
        </Button>
      ) : null}
      <Table<Member> rowKey="id" size="small" columns={columns} dataSource={profile.household} pagination={false} locale={{ emptyText: t('beneficiary.noMembers') }} />
      {editing ? <MemberModal open beneficiaryId={profile.id} member={editing.member} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
