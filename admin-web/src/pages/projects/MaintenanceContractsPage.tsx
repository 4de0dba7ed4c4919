import { Button, Input, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { MaintenanceContractView as MaintenanceContract } from '@xf/domain/api/projects';
import { api } from '../../api/client';
import { useUser } from '../../auth/AuthContext';
import { PageCard } from '../../components/PageCard';
import { useServerTable } from '../../components/useServerTable';
import { FitTable } from '../../components/FitTable';

/** 管理服务合同 (manual §03): the institution's 维保合同. */
export function MaintenanceContractsPage() {
  const navigate = useNavigate();
  // Adding needs no row to ask about; it stays with the account kind, like the menu.
  const canCreate = useUser().abilities['maintenance_contract.create'];
  const [clientName, setClientName] = useState('');
  const { tableProps } = useServerTable((p) => api.getMaintenanceContracts({ ...p, clientName }), {
    clientName,
  });
  return (
    <PageCard
      title="管理服务合同"
      extra={
        canCreate && (
          <Button type="primary" onClick={() => navigate('/maintenance-contracts/new')}>
            添加
          </Button>
        )
      }
    >
      <Space style={{ marginBottom: 12 }}>
        <Input.Search placeholder="甲方名称" allowClear onSearch={setClientName} style={{ width: 260 }} />
      </Space>
      <FitTable<MaintenanceContract>
        {...tableProps}
        columns={[
          { title: 'ID', dataIndex: 'id', width: 80 },
          { title: '甲方名称', dataIndex: 'clientName' },
          {
            title: '甲方联系人',
            render: (_, c) => (c.contact ? `${c.contact.name}（${c.contact.mobile}）` : '—'),
          },
          { title: '签订日期', dataIndex: 'signedOn', width: 110 },
          { title: '合同期限', render: (_, c) => `${c.contractStart} 至 ${c.contractEnd}` },
          {
            title: '合同附件',
            render: (_, c) => c.attachments.map((a) => a.kindLabel).join('、'),
          },
          {
            title: '对应项目',
            width: 100,
            render: (_, c) => (
              <Button
                type="link"
                size="small"
                onClick={() => navigate(`/maintenance-projects?contractId=${c.id}`)}
              >
                {c.projectCount} 个
              </Button>
            ),
          },
          {
            title: '操作',
            width: 180,
            render: (_, c) =>
              c.abilities.update && (
                <Space size={0}>
                  <Button
                    type="link"
                    size="small"
                    onClick={() => navigate(`/maintenance-contracts/${c.id}/edit`)}
                  >
                    更新
                  </Button>
                  <Button
                    type="link"
                    size="small"
                    onClick={() => navigate(`/maintenance-projects/new?contractId=${c.id}`)}
                  >
                    添加项目
                  </Button>
                </Space>
              ),
          },
        ]}
      />
    </PageCard>
  );
}
