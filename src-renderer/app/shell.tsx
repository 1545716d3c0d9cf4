import { useState } from 'react';
import { Button, Dropdown, Menu, Modal } from 'antd';
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MethodName } from '../../src-shared/contract';
import { canCall } from './access';
import { useLanguage } from './language';
import { useSession } from './session';
import { LanguageToggle } from '../components/language-toggle';
import { StatusBar } from '../components/status-bar';
import { ChangePasswordForm } from '../features/auth/change-password-form';
import { LockNowButton } from '../features/lock/lock-now-button';

type NavKey = 'registry' | 'users' | 'import' | 'queueIssue' | 'queueDesk' | 'contacts' | 'knowledge' | 'interviews' | 'referrals' | 'requests' | 'forms' | 'verify' | 'committee' | 'notifications' | 'surveys' | 'outreach' | 'complaints' | 'sync' | 'backups' | 'reports' | 'audit' | 'corrections' | 'retention';
type NavGroup = 'reception' | 'casework' | 'documents' | 'administration';
type NavEntry = { path: string; key: NavKey; method: MethodName; group: NavGroup };

/** Each section is shown to whoever may call the method it is built on, grouped as the desk works. */
const NAV: readonly NavEntry[] = [
  { path: '/queue/issue', key: 'queueIssue', method: 'queue.issue', group: 'reception' },
  { path: '/queue/desk', key: 'queueDesk', method: 'queue.callNext', group: 'reception' },
  { path: '/registry', key: 'registry', method: 'beneficiaries.search', group: 'reception' },
  { path: '/interviews', key: 'interviews', method: 'interviews.listOpen', group: 'reception' },
  { path: '/contacts', key: 'contacts', method: 'contacts.daily', group: 'reception' },
  { path: '/referrals', key: 'referrals', method: 'referrals.list', group: 'casework' },
  { path: '/requests', key: 'requests', method: 'requests.list', group: 'casework' },
  { path: '/committee', key: 'committee', method: 'committee.board', group: 'casework' },
  { path: '/notifications', key: 'notifications', method: 'notifications.list', group: 'casework' },
  { path: '/surveys', key: 'surveys', method: 'surveys.mine', group: 'casework' },
  { path: '/outreach', key: 'outreach', method: 'outreach.list', group: 'reception' },
  { path: '/complaints', key: 'complaints', method: 'complaints.list', group: 'reception' },
  { path: '/forms', key: 'forms', method: 'forms.list', group: 'documents' },
  { path: '/verify', key: 'verify', method: 'forms.verifyCode', group: 'documents' },
  { path: '/knowledge', key: 'knowledge', method: 'knowledge.list', group: 'documents' },
  { path: '/users', key: 'users', method: 'users.list', group: 'administration' },
  { path: '/import', key: 'import', method: 'imports.preview', group: 'administration' },
  { path: '/sync', key: 'sync', method: 'sync.status', group: 'administration' },
  { path: '/backups', key: 'backups', method: 'backups.list', group: 'administration' },
  { path: '/reports', key: 'reports', method: 'reports.dashboard', group: 'administration' },
  { path: '/audit', key: 'audit', method: 'audit.list', group: 'administration' },
  { path: '/data-corrections', key: 'corrections', method: 'privacy.openCorrections', group: 'casework' },
  { path: '/data-retention', key: 'retention', method: 'privacy.retentionSettings', group: 'administration' },
];
const GROUPS: readonly NavGroup[] = ['reception', 'casework', 'documents', 'administration'];

export function Shell() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { user, associationName, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [changingPassword, setChangingPassword] = useState(false);
  const entries = NAV.filter((entry) => canCall(user, entry.method));
  const selected = entries.find((entry) => location.pathname.startsWith(entry.path))?.path;
  const title = (lang === 'en' ? associationName.en : null) ?? associationName.ar ?? t('app.title');

  return (
    <div className="app-layout">
      <header className="app-header">
        <span className="app-title">{title}</span>
        <div className="app-header-tools">
          <LanguageToggle ghost />
          <LockNowButton />
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'password', icon: <KeyOutlined />, label: t('userMenu.changePassword') },
                { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="logout">{t('userMenu.logout')}</span> },
              ],
              onClick: ({ key }) => (key === 'logout' ? signOut() : setChangingPassword(true)),
            }}
          >
            <Button ghost icon={<UserOutlined />} data-testid="user-menu">
              {user.displayName}
            </Button>
          </Dropdown>
        </div>
      </header>
      <div className="app-body">
        <nav className="app-sidebar" aria-label={t('nav.label')}>
          <Menu
            mode="inline"
            selectedKeys={selected ? [selected] : []}
            items={GROUPS.map((group) => ({
              type: 'group' as const,
              key: group,
              label: t(`navGroups.${group}`),
              children: entries
                .filter((entry) => entry.group === group)
                .map((entry) => ({ key: entry.path, label: <span data-testid={`nav-${entry.key}`}>{t(`nav.${entry.key}`)}</span> })),
            })).filter((group) => group.children.length > 0)}
            onClick={({ key }) => void navigate(key)}
          />
        </nav>
        <main className="app-content">
          <Outlet />
        </main>
      </div>
      <StatusBar />
      <Modal
        open={changingPassword}
        title={t('password.title')}
        footer={null}
        destroyOnHidden
        onCancel={() => setChangingPassword(false)}
      >
        <ChangePasswordForm onDone={() => setChangingPassword(false)} />
      </Modal>
    </div>
  );
}
