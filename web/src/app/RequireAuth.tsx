import { Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { errorMessage } from './api.ts';
import { CurrentUserContext, useMe } from './auth.ts';

export const PASSWORD_CHANGE_PATH = '/account/password';

/** Renders its children only for a logged-in user; everyone else goes to /login and comes back after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { data: me, isPending, error } = useMe();
  const location = useLocation();
  if (isPending) return <FullPageSpin />;
  if (error) return <Result status="error" title="无法获取登录状态" subTitle={errorMessage(error)} />;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  // set by an administrator or expired: nothing else answers until it is changed (403 password_change_required)
  if (me.mustChangePassword && location.pathname !== PASSWORD_CHANGE_PATH)
    return <Navigate to={PASSWORD_CHANGE_PATH} replace />;
  return <CurrentUserContext value={me}>{children}</CurrentUserContext>;
}

export function FullPageSpin() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', alignItems: 'center', minHeight: '60vh' }}>
      <Spin size="large" />
    </div>
  );
}
