import { Button, Space, Table } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, type ApiQuery, type Query } from '../../api/client';
import type { ProjectRow } from '@xf/domain/api/projects';
import { useUser } from '../../auth/AuthContext';
import { ExportExcelButton } from '../../components/ExportExcelButton';
import { PageCard } from '../../components/PageCard';
import { useServerTable } from '../../components/useServerTable';
import { useProjectActions } from './projectActions';
import { ProjectFilters } from './ProjectFilters';
import { statusTag } from './projectStatus';
import { fitColumns } from '../../components/tableWidth';

/** 管理检测服务项目 (manual §02): list, 添加, 更新, 注销. */
export function TestingProjectsPage() {
  const user = useUser();
  const navigate = useNavigate();
  // Adding needs no row to ask about; it stays with the account kind, like the menu.
  const canCreate = user.abilities['project.create'];
  const [filters, setFilters] = useState<Query>({ kind: 'testing' });
  const { tableProps, reload } = useServerTable(
    (p) => api.getProjects({ ...p, ...(filters as ApiQuery<'getProjects'>) }),
    filters,
  );
  const actions = useProjectActions(reload);
  // A testing project's plan comes from its buildings, and its location checks from its fence.
  const sub = (p: ProjectRow, page: string, label: string) => (
    <Link to={`/testing-projects/${p.id}/${page}`} data-testid={`${page}-${p.id}`}>
      {label}
    </Link>
  );

  return (
    <PageCard
      title="管理检测服务项目"
      extra={
        <Space>
          <ExportExcelButton<ProjectRow>
            path="/projects"
            filters={filters}
            fileName="检测服务项目"
            columns={[
              { title: 'ID', value: (p) => p.id },
              { title: '项目名称', value: (p) => p.siteName },
              { title: '甲方名称', value: (p) => p.clientName ?? '' },
              { title: '城市', value: (p) => p.cityLabel },
              { title: '管辖归属', value: (p) => p.detachmentName ?? '' },
              { title: '签订日期', value: (p) => p.signedOn },
              { title: '项目负责人', value: (p) => p.projectLeadName ?? '' },
              { title: '状态', value: (p) => p.statusLabel },
            ]}
          />
          {canCreate && (
            <Button type="primary" onClick={() => navigate('/testing-projects/new')}>
              添加
            </Button>
          )}
        </Space>
      }
    >
      <ProjectFilters defaultKind="testing" onChange={setFilters} />
      <Table<ProjectRow>
        {...tableProps}
        {...fitColumns<ProjectRow>([
          { title: 'ID', dataIndex: 'id', width: 70 },
          { title: '项目名称', dataIndex: 'siteName' },
          { title: '项目类型', dataIndex: 'kindLabel', width: 80 },
          { title: '甲方名称', dataIndex: 'clientName' },
          { title: '城市', dataIndex: 'cityLabel', width: 130 },
          { title: '管辖归属', dataIndex: 'detachmentName', width: 130 },
          { title: '技术服务机构', dataIndex: 'institutionName' },
          { title: '签订日期', dataIndex: 'signedOn', width: 110 },
          {
            title: '合同期限',
            width: 200,
            render: (_, p) => `${p.contractStart} 至 ${p.contractEnd}`,
          },
          { title: '项目负责人', dataIndex: 'projectLeadName', width: 110 },
          { title: '添加建筑物', width: 100, render: (_, p) => sub(p, 'buildings', p.buildingsAddedLabel) },
          { title: '标注项目位置', width: 110, render: (_, p) => sub(p, 'geofence', p.geofenceMarkedLabel) },
          { title: '状态', width: 190, render: (_, p) => statusTag(p) },
          actions.column,
        ])}
      />
      {actions.dialogs}
    </PageCard>
  );
}
