import { App, Button, Popconfirm } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { useApiError } from '../../api/errors';
import { InstitutionListPage } from './InstitutionListPage';

/** 合规状态: institutions that no longer meet the practice conditions, and a manual compliance pass. */
export function CompliancePage() {
  const onError = useApiError();
  const { message } = App.useApp();
  const [running, setRunning] = useState(false);
  const [key, setKey] = useState(0);
  const run = async () => {
    setRunning(true);
    try {
      const r = await api.postComplianceRun();
      message.success(`已检查 ${r.checked} 家机构：关闭账号 ${r.closed} 家，恢复 ${r.reopened} 家`);
      setKey((k) => k + 1);
    } catch (e) {
      onError(e);
    } finally {
      setRunning(false);
    }
  };
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <div style={{ textAlign: 'right' }}>
        <Popconfirm
          title="立即执行合规检查？"
          description="不符合从业条件的机构，其机构管理员账号将被自动关闭。"
          onConfirm={run}
        >
          <Button type="primary" loading={running}>
            立即执行合规检查
          </Button>
        </Popconfirm>
      </div>
      <InstitutionListPage key={key} mode="brigade" complianceFocus />
    </div>
  );
}
