import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { Shell } from './shell';
import { canCall } from './access';
import { useSession } from './session';
import { RegistryScreen } from '../features/registry/registry-screen';
import { RegisterScreen } from '../features/registry/register-screen';
import { ProfileScreen } from '../features/registry/profile-screen';
import { EditScreen } from '../features/registry/edit-screen';
import { UsersScreen } from '../features/users/users-screen';
import { ImportScreen } from '../features/imports/import-screen';

/**
 * Hash routing: the same static files are served from app:// in Electron and from the loopback host,
 * and neither has to know the routes.
 */
export function AppRoutes() {
  const { user } = useSession();
  return (
    <HashRouter>
      <Routes>
        <Route element={<Shell />}>
          <Route path="/registry" element={<RegistryScreen />} />
          <Route path="/registry/new" element={<RegisterScreen />} />
          <Route path="/beneficiaries/:id" element={<ProfileScreen />} />
          <Route path="/beneficiaries/:id/edit" element={<EditScreen />} />
          {canCall(user, 'users.list') ? <Route path="/users" element={<UsersScreen />} /> : null}
          {canCall(user, 'imports.preview') ? <Route path="/import" element={<ImportScreen />} /> : null}
          <Route path="*" element={<Navigate to="/registry" replace />} />
        </Route>
      </Routes>
    </HashRouter>
  );
}
