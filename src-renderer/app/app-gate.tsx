import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { SetupScreen } from '../features/setup/setup-screen';
import { LoginScreen } from '../features/auth/login-screen';
import { ForcedPasswordChange } from '../features/auth/forced-password-change';
import { SessionProvider, useMe, useSetupStatus } from './session';
import { AppRoutes } from './routes';
import { useApiErrorText } from '../components/error-alert';
import { LockScreen } from '../features/lock/lock-screen';
import { IdleLockWatcher } from '../features/lock/idle-lock-watcher';
import { RecoveryScreen } from '../features/backups/recovery-screen';
import { useRecoveryStatus } from '../features/backups/use-backups';

/** Decides the first screen: setup on a new store, then sign-in, then a forced password change. */
export function AppGate() {
  const { t } = useTranslation();
  const setup = useSetupStatus();
  const initialised = setup.data?.initialised === true;
  const me = useMe(initialised);
  const errorText = useApiErrorText();
  // A damaged store answers only recovery: its screen comes before everything else.
  const recovery = useRecoveryStatus();
  if (recovery.data?.recovery) return <RecoveryScreen status={recovery.data} onRefresh={() => void recovery.refetch()} />;

  if (recovery.isPending || setup.isPending || (initialised && me.isPending)) {
    return (
      <div className="centered-page">
        <Spin size="large" />
      </div>
    );
  }
  const failure = setup.error ?? (initialised ? me.error : null);
  if (failure) {
    return (
      <Result
        status="error"
        title={errorText(failure)}
        extra={
          <Button type="primary" onClick={() => void (setup.isError ? setup.refetch() : me.refetch())}>
            {t('app.retry')}
          </Button>
        }
      />
    );
  }
  if (!initialised) return <SetupScreen />;
  const user = me.data?.user ?? null;
  if (user === null) return <LoginScreen />;
  if (user.mustChangePassword) return <ForcedPasswordChange />;

  return (
    <SessionProvider
      user={user}
      associationName={{ ar: setup.data?.associationNameAr ?? null, en: setup.data?.associationNameEn ?? null }}
    >
      {/* Locked: the app stays mounted (unsaved work survives) but inert and hidden, under the lock screen. */}
      <div inert={user.locked} style={{ display: 'contents', visibility: user.locked ? 'hidden' : undefined }}>
        <AppRoutes />
      </div>
      {user.locked ? <LockScreen user={user} /> : <IdleLockWatcher />}
    </SessionProvider>
  );
}
