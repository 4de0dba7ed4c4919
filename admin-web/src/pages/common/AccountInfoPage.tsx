import { faceProfileStatusLabels, type FaceProfileStatus } from '@xf/domain/api/accounts';
import { App, Button, Descriptions, Divider, Popconfirm, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { revokeAll } from '../../api/auth';
import { useApiError } from '../../api/errors';
import { session } from '../../api/client';
import { useUser } from '../../auth/AuthContext';
import { PageCard } from '../../components/PageCard';
import { PasswordChangeForm } from './PasswordChangeForm';

const FACE_STATUS_COLOR: Record<FaceProfileStatus, string> = {
  none: 'default',
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
};

export function AccountInfoPage() {
  const user = useUser();
  const onError = useApiError();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const face = {
    text: faceProfileStatusLabels[user.faceProfileStatus],
    color: FACE_STATUS_COLOR[user.faceProfileStatus],
  };

  const signOutEverywhere = async () => {
    try {
      const r = await revokeAll();
      message.success(`已退出所有设备（${r.revoked} 个登录）`);
      session.clear();
      navigate('/login', { replace: true });
    } catch (e) {
      onError(e);
    }
  };

  return (
    <PageCard
      title="账号信息"
      extra={
        <Popconfirm
          title="退出所有设备？"
          description="所有设备（含本机）上的登录都将失效，需要重新登录。"
          onConfirm={signOutEverywhere}
        >
          <Button danger>退出所有设备</Button>
        </Popconfirm>
      }
    >
      <Descriptions bordered column={2} size="small">
        <Descriptions.Item label="账号">{user.accountName}</Descriptions.Item>
        <Descriptions.Item label="姓名">{user.displayName}</Descriptions.Item>
        <Descriptions.Item label="账号类别">{user.kindLabel}</Descriptions.Item>
        <Descriptions.Item label="所属单位">{user.institutionName ?? '—'}</Descriptions.Item>
        {user.personId !== null && (
          <Descriptions.Item label="人脸底图">
            <Tag color={face.color}>{face.text}</Tag>
            {user.faceProfileRejectReason && <span>驳回原因：{user.faceProfileRejectReason}</span>}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Divider titlePlacement="start">修改密码</Divider>
      <PasswordChangeForm onChanged={() => undefined} />
    </PageCard>
  );
}
