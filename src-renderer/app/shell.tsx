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

type NavEntry = { path: string; key: 'registry' | 'users' | 'import'; method: MethodName };

/** Each section is shown to whoever may call the method it is built on. */
const NAV: readonly NavEntry[] = [
  { path: '/registry', key: 'registry', method: 'beneficiaries.search' },
  { path: '/users', key: 'users', method: 'users.list' },
  { path: '/import', key: 'import', method: 'imports.preview' },
];

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
        <Menu
          className="app-nav"
          theme="dark"
          mode="horizontal"
          selectedKeys={selected ? [selected] : []}
          style={{ background: 'transparent' }}
          items={entries.map((entry) => ({
            key: entry.path,
            label: <span data-testid={`nav-${entry.key}`}>{t(`nav.${entry.key}`)}</span>,
          }))}
          onClick={({ key }) => void navigate(key)}
        />
        <div className="app-header-tools">
          <LanguageToggle ghost />
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
      <main className="app-content">
        <Outlet />
      </main>
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
