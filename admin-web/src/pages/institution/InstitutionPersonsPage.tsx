import { Alert } from 'antd';
import { useUser } from '../../auth/AuthContext';
import { PageCard } from '../../components/PageCard';
import { PersonsTable } from './PersonsTable';

export function InstitutionPersonsPage() {
  const user = useUser();
  return (
    <PageCard title="查看机构人员信息">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="人员信息从部局社会消防技术服务信息系统自动导入。一个机构在部局系统只能指定1名技术负责人，技术负责人不能负责项目；如有变动请尽快在部局系统更新。"
      />
      {user.institutionId !== null && <PersonsTable institutionId={user.institutionId} />}
    </PageCard>
  );
}
