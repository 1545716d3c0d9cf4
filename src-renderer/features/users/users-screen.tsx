import { useState } from 'react';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Branch, UserSummary } from '../../../src-shared/contract/accounts';
import { ErrorAlert } from '../../components/error-alert';
import { DateTimeText } from '../../components/dual-date';
import { BranchModal } from './branch-modal';
import { ResetPasswordModal } from './reset-password-modal';
import { useBranches, useUsers } from './use-accounts';
import { UserModal } from './user-modal';

type Dialog = { kind: 'user'; user: UserSummary | null } | { kind: 'reset'; user: UserSummary } | { kind: 'branch' } | null;

/** Administration of staff accounts and branches. */
export function UsersScreen() {
  const { t } = useTranslation();
  const users = useUsers();
  const branches = useBranches();
  const [dialog, setDialog] = useState<Dialog>(null);

  const userColumns: ColumnsType<UserSummary> = [
    { key: 'username', title: t('users.columns.username'), dataIndex: 'username', render: (v: string) => <span className="ltr-value">{v}</span> },
    { key: 'displayName', title: t('users.columns.displayName'), dataIndex: 'displayName' },
    { key: 'role', title: t('users.columns.role'), render: (_v, u) => t(`roles.${u.role}`) },
    { key: 'branch', title: t('users.columns.branch'), dataIndex: 'branchName' },
    { key: 'scope', title: t('users.columns.scope'), render: (_v, u) => t(`scopes.${u.branchScope}`) },
    { key: 'active', title: t('users.columns.active'), render: (_v, u) => (u.active ? <Tag color="green">{t('app.yes')}</Tag> : <Tag>{t('app.no')}</Tag>) },
    { key: 'locked', title: t('users.columns.locked'), render: (_v, u) => (u.lockedUntil ? <DateTimeText value={u.lockedUntil} /> : '—') },
    { key: 'lastLogin', title: t('users.columns.lastLogin'), render: (_v, u) => (u.lastLoginAt ? <DateTimeText value={u.lastLoginAt} /> : '—') },
    {
      key: 'actions',
      title: t('users.columns.actions'),
      render: (_v, u) => (
        <Space>
          <Button size="small" icon={<EditOutlined />} onClick={() => setDialog({ kind: 'user', user: u })}>
            {t('app.edit')}
          </Button>
          <Button size="small" icon={<KeyOutlined />} onClick={() => setDialog({ kind: 'reset', user: u })}>
            {t('users.resetPassword')}
          </Button>
        </Space>
      ),
    },
  ];
  const branchColumns: ColumnsType<Branch> = [
    { key: 'code', title: t('branches.columns.code'), dataIndex: 'code', render: (v: string) => <span className="ltr-value">{v}</span> },
    { key: 'nameAr', title: t('branches.columns.nameAr'), dataIndex: 'nameAr' },
    { key: 'nameEn', title: t('branches.columns.nameEn'), dataIndex: 'nameEn', render: (v: string | null) => v ?? '—' },
    { key: 'city', title: t('branches.columns.city'), dataIndex: 'city', render: (v: string | null) => v ?? '—' },
    { key: 'hq', title: t('branches.columns.hq'), render: (_v, b) => (b.isHeadquarters ? <Tag color="green">{t('app.yes')}</Tag> : '') },
  ];

  return (
    <section>
      <div className="page-title-row">
        <Typography.Title level={2}>{t('users.title')}</Typography.Title>
        <span className="page-title-actions">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'user', user: null })} data-testid="user-create">
            {t('users.create')}
          </Button>
        </span>
      </div>
      <ErrorAlert error={users.error} />
      <Card style={{ marginBlockEnd: 24 }}>
        <Table<UserSummary> rowKey="id" size="middle" loading={users.isPending} columns={userColumns} dataSource={users.data?.users ?? []} pagination={false} data-testid="users-table" />
      </Card>
      <div className="page-title-row">
        <Typography.Title level={3}>{t('branches.title')}</Typography.Title>
        <span className="page-title-actions">
          <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'branch' })} data-testid="branch-create">
            {t('branches.create')}
          </Button>
        </span>
      </div>
      <ErrorAlert error={branches.error} />
      <Card>
        <Table<Branch> rowKey="id" size="middle" loading={branches.isPending} columns={branchColumns} dataSource={branches.data?.branches ?? []} pagination={false} />
      </Card>
      {dialog?.kind === 'user' ? <UserModal user={dialog.user} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'reset' ? <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'branch' ? <BranchModal onClose={() => setDialog(null)} /> : null}
    </section>
  );
}
