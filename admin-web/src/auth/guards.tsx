import { Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { AccountKind } from '../api/types';
import { useAuth } from './AuthContext';

/** Logged-in users only; a forced password change comes before anything else. */
export function RequireAuth({
  children,
  passwordPage = false,
}: {
  children: ReactNode;
  passwordPage?: boolean;
}) {
  const { user, loading } = useAuth();
  const location = useLocation();
  if (loading) return <Spin size="large" style={{ display: 'block', marginTop: 160 }} />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (user.mustChangePassword && !passwordPage) return <Navigate to="/change-password" replace />;
  if (!user.mustChangePassword && passwordPage) return <Navigate to="/" replace />;
  return <>{children}</>;
}

export function RequireKind({ kinds, children }: { kinds: readonly AccountKind[]; children: ReactNode }) {
  const { user } = useAuth();
  if (!user || !kinds.includes(user.kind)) {
    return <Result status="403" title="无权访问" subTitle="当前账号没有访问此页面的权限。" />;
  }
  return <>{children}</>;
}
