import { Button, DatePicker, Drawer, Select, Space, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  maintenanceTaskStatusLabels,
  type MaintenanceTaskStatus,
  type MaintenanceTaskView,
} from '@xf/domain/api/maintenance-tasks';
import { api } from '../../api/client';
import { FitTable } from '../../components/FitTable';
import { fmtDateTime } from '../../components/format';
import { PageCard } from '../../components/PageCard';
import { useServerTable } from '../../components/useServerTable';
import { MaintenanceTaskDetail } from './MaintenanceTaskDetail';
import { taskStatusTag } from './maintenanceTags';
import { useMaintenanceProjectOptions } from './useMaintenanceProjectOptions';
import { useOperatorOptions } from '../../components/useOperatorOptions';

const requestTag = (r: MaintenanceTaskView['startRequest']) =>
  r ? (
    <Tag color={{ pending: 'processing', approved: 'success', rejected: 'error' }[r.status]}>
      {r.statusLabel}
    </Tag>
  ) : (
    ''
  );

/**
 * 查看现场提交记录 (manual §03, 管理维保服务活动): every maintenance task of the projects this account sees, by
 * project, plan month, operator and state; 查看 opens its 开始/提交申请 with their checks and every submitted line.
 */
export function MaintenanceTasksPage() {
  const projects = useMaintenanceProjectOptions();
  const operators = useOperatorOptions();
  const [projectId, setProjectId] = useState<number>();
  const [month, setMonth] = useState<Dayjs | null>(null);
  const [operatorAccountId, setOperator] = useState<number>();
  const [status, setStatus] = useState<MaintenanceTaskStatus>();
  const [openId, setOpenId] = useState<number | null>(null);
  const filters = { projectId, month: month?.format('YYYY-MM'), operatorAccountId, status };
  const { tableProps } = useServerTable<MaintenanceTaskView>(
    (p) => api.getMaintenanceTasks({ ...p, ...filters }),
    filters,
  );

  return (
    <PageCard title="查看现场提交记录">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="维保项目"
          style={{ width: 220 }}
          options={projects}
          onChange={setProjectId}
          data-testid="filter-project"
        />
        <DatePicker picker="month" placeholder="计划月份" value={month} onChange={setMonth} />
        {operators.length > 0 && (
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="操作员"
            style={{ width: 140 }}
            options={operators}
            onChange={setOperator}
          />
        )}
        <Select
          allowClear
          placeholder="任务状态"
          style={{ width: 140 }}
          options={Object.entries(maintenanceTaskStatusLabels).map(([value, label]) => ({ value, label }))}
          onChange={(v) => setStatus(v as MaintenanceTaskStatus | undefined)}
        />
      </Space>
      <FitTable<MaintenanceTaskView>
        {...tableProps}
        size="small"
        locale={{ emptyText: '暂无维保任务：操作员在APP建立维保任务后显示在这里' }}
        columns={[
          { title: '项目名称', dataIndex: 'siteName', width: 180 },
          { title: '维保计划', width: 120, render: (_, t) => `${t.planMonth} ${t.planKindLabel}` },
          { title: '操作员', width: 90, render: (_, t) => t.operator.displayName || t.operator.accountName },
          { title: '设施数', width: 60, render: (_, t) => t.facilities.length },
          { title: '开始申请', width: 80, render: (_, t) => requestTag(t.startRequest) },
          { title: '提交申请', width: 80, render: (_, t) => requestTag(t.submitRequest) },
          { title: '提交时间', width: 150, render: (_, t) => fmtDateTime(t.submittedAt) },
          { title: '记录数', dataIndex: 'recordCount', width: 60 },
          {
            title: '不符合',
            width: 60,
            render: (_, t) => (t.nonconformingCount ? <Tag color="error">{t.nonconformingCount}</Tag> : 0),
          },
          { title: '状态', width: 90, render: (_, t) => taskStatusTag(t.status, t.statusLabel) },
          {
            title: '操作',
            width: 60,
            render: (_, t) => (
              <Button type="link" size="small" onClick={() => setOpenId(t.id)}>
                查看
              </Button>
            ),
          },
        ]}
      />
      <Drawer
        open={openId !== null}
        onClose={() => setOpenId(null)}
        size="min(1200px, 92vw)"
        title="维保任务现场提交记录"
        destroyOnHidden
      >
        {openId !== null && <MaintenanceTaskDetail id={openId} />}
      </Drawer>
    </PageCard>
  );
}
