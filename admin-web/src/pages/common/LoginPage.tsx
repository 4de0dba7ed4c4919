import { Card, Typography } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../../auth/AuthContext';
import { LoginForm } from '../../auth/LoginForm';

export function LoginPage() {
  const { user } = useAuth();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from;
  if (user) return <Navigate to={user.mustChangePassword ? '/change-password' : (from ?? '/')} replace />;
  return (
    <div className="login-bg">
      <Typography.Title level={2} style={{ color: '#fff', marginBottom: 32, letterSpacing: 2 }}>
        北京市消防技术服务机构监督管理系统
      </Typography.Title>
      <Card style={{ width: 400 }} title="用户登录">
        <LoginForm
          onLoggedIn={(r) =>
            navigate(r.user.mustChangePassword ? '/change-password' : (from ?? '/'), { replace: true })
          }
        />
      </Card>
      <Typography.Text style={{ color: 'rgba(255,255,255,0.6)', marginTop: 24 }}>
        推荐使用谷歌浏览器访问
      </Typography.Text>
    </div>
  );
}
