import { Button, Table } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, type ApiQuery, type Query } from '../../api/client';
import type { ProjectRow } from '@xf/domain/api/projects';
import { useUser } from '../../auth/AuthContext';
import { PageCard } from '../../components/PageCard';
import { useServerTable } from '../../components/useServerTable';
import { useProjectActions } from './projectActions';
import { ProjectFilters } from './ProjectFilters';
import { statusTag } from './projectStatus';
import { fitColumns } from '../../components/tableWidth';

/** 管理合同对应项目 (manual §03): the 维保项目 list with the manual's columns. */
export function MaintenanceProjectsPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const contractId = params.get('contractId') ?? undefined;
  // Adding needs no row to ask about; it stays with the account kind, like the menu.
  const canCreate = useUser().abilities['project.create'];
  const [filters, setFilters] = useState<Query>({ kind: 'maintenance' });
  const { tableProps, reload } = useServerTable(
    (p) => api.getProjects({ ...p, ...(filters as ApiQuery<'getProjects'>), contractId }),
    { ...filters, contractId },
  );
  const actions = useProjectActions(reload);
  const sub = (p: ProjectRow, page: string, label: string) => (
    <Link to={`/maintenance-projects/${p.id}/${page}`} data-testid={`${page}-${p.id}`}>
      {label}
    </Link>
  );

  return (
    <PageCard
      title={contractId ? `管理合同对应项目（合同 ${contractId}）` : '管理合同对应项目'}
      extra={
        canCreate && (
          <Button
            type="primary"
            onClick={() =>
              navigate(`/maintenance-projects/new${contractId ? `?contractId=${contractId}` : ''}`)
            }
          >
            添加
          </Button>
        )
      }
    >
      <ProjectFilters kind="maintenance" onChange={setFilters} />
      <Table<ProjectRow>
        {...tableProps}
        {...fitColumns<ProjectRow>([
          { title: 'ID', dataIndex: 'id', width: 70 },
          { title: '项目名称', dataIndex: 'siteName' },
          { title: '城市', dataIndex: 'cityLabel', width: 130 },
          { title: '技术服务机构', dataIndex: 'institutionName' },
          { title: '签订日期', dataIndex: 'signedOn', width: 110 },
          { title: '是否直传报告', dataIndex: 'directReportUploadLabel', width: 100 },
          { title: '添加建筑物', width: 100, render: (_, p) => sub(p, 'buildings', p.buildingsAddedLabel) },
          {
            title: '添加消防系统',
            width: 110,
            render: (_, p) => sub(p, 'fire-systems', p.fireSystemsAddedLabel),
          },
          { title: '项目负责人', dataIndex: 'projectLeadName', width: 110 },
          { title: '标注项目位置', width: 110, render: (_, p) => sub(p, 'geofence', p.geofenceMarkedLabel) },
          { title: '状态', width: 190, render: (_, p) => statusTag(p) },
          actions.column,
        ])}
      />
      {actions.dialogs}
    </PageCard>
  );
}
