import { DatePicker, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  maintenanceFaultStatusLabels,
  type MaintenanceFaultStatus,
  type MaintenanceFaultView,
} from '@xf/domain/api/maintenance-faults';
import { api } from '../../api/client';
import { FitTable } from '../../components/FitTable';
import { PageCard } from '../../components/PageCard';
import { useServerTable } from '../../components/useServerTable';
import { FaultTimeline } from './FaultTimeline';
import { faultStatusTag } from './maintenanceTags';
import { monthRange, useMaintenanceProjectOptions } from './useMaintenanceProjectOptions';

/**
 * 管理测试故障 (manual §04's menu of 管理维保服务活动): every fault the 不符合 lines of the maintenance projects opened,
 * with its state and its whole handling (found, then each step), dated in Beijing time as the monthly report prints
 * it; by project, state and the month it was found.
 */
export function MaintenanceFaultsPage() {
  const projects = useMaintenanceProjectOptions();
  const [projectId, setProjectId] = useState<number>();
  const [status, setStatus] = useState<MaintenanceFaultStatus>();
  const [month, setMonth] = useState<Dayjs | null>(null);
  const range = monthRange(month?.format('YYYY-MM'));
  const filters = { projectId, status, detectedFrom: range.from, detectedTo: range.to };
  const { tableProps } = useServerTable<MaintenanceFaultView>(
    (p) => api.getMaintenanceFaults({ ...p, ...filters }),
    filters,
  );

  return (
    <PageCard title="管理测试故障">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="维保项目"
          style={{ width: 220 }}
          options={projects}
          onChange={setProjectId}
        />
        <Select
          allowClear
          placeholder="故障状态"
          style={{ width: 140 }}
          options={Object.entries(maintenanceFaultStatusLabels).map(([value, label]) => ({ value, label }))}
          onChange={(v) => setStatus(v as MaintenanceFaultStatus | undefined)}
        />
        <DatePicker picker="month" placeholder="发现月份" value={month} onChange={setMonth} />
      </Space>
      <FitTable<MaintenanceFaultView>
        {...tableProps}
        size="small"
        bordered
        locale={{ emptyText: '暂无故障：维保记录中的不符合项会在这里列出' }}
        columns={[
          { title: '项目名称', dataIndex: 'siteName', width: 120 },
          {
            title: '故障设施',
            width: 200,
            render: (_, f) => (
              <Space direction="vertical" size={0}>
                <span>{`${f.systemName}：${f.facilityName}（${f.facilityIndex}）`}</span>
                <Typography.Text type="secondary">{`${f.lineLetter}. ${f.lineText}`}</Typography.Text>
                {f.facilityLocation && (
                  <Typography.Text type="secondary">{f.facilityLocation}</Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: '故障描述',
            width: 170,
            render: (_, f) => (f.note ? `${f.description}（备注：${f.note}）` : f.description),
          },
          { title: '状态', width: 80, render: (_, f) => faultStatusTag(f.status, f.statusLabel) },
          { title: '处理过程', width: 480, render: (_, f) => <FaultTimeline fault={f} /> },
        ]}
      />
    </PageCard>
  );
}
