import { Alert, Button, Card } from 'antd';
import { useNavigate } from 'react-router';
import { useAuth } from '../../auth/AuthContext';
import { PasswordChangeForm } from './PasswordChangeForm';

/** Freshly issued or reset accounts must set their own password before anything else. */
export function ForcedPasswordPage() {
  const { reloadUser, logout } = useAuth();
  const navigate = useNavigate();
  return (
    <div className="login-bg">
      <Card
        title="首次登录请修改密码"
        style={{ width: 460 }}
        extra={
          <Button type="link" onClick={() => void logout()}>
            退出
          </Button>
        }
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="为保证账号安全，请先修改总队派发的初始密码，再进行后续工作。"
        />
        <PasswordChangeForm
          submitText="修改密码并进入系统"
          onChanged={async () => {
            await reloadUser();
            navigate('/', { replace: true });
          }}
        />
      </Card>
    </div>
  );
}
