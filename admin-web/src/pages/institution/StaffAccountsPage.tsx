import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useNavigate } from 'react-router';
import { useUser } from '../../auth/AuthContext';
import { AccountsTable } from '../../components/AccountsTable';
import { PageCard } from '../../components/PageCard';

export function StaffAccountsPage() {
  const user = useUser();
  const navigate = useNavigate();
  return (
    <PageCard
      title="管理机构人员账号"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/institution/accounts/new')}>
          添加企业人员账号
        </Button>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="账号角色分为：现场维保检测人员（具备消防设施操作员证书，只能使用APP）、项目负责人（具备注册消防工程师证书，使用微信端）。系统根据人员持证情况自动分配类别，不能修改。"
      />
      <AccountsTable filters={{ institutionId: user.institutionId ?? undefined }} />
    </PageCard>
  );
}
