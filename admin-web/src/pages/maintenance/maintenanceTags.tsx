import { Tag } from 'antd';
import type { MaintenanceFaultStatus } from '@xf/domain/api/maintenance-faults';
import type { MaintenanceTaskStatus } from '@xf/domain/api/maintenance-tasks';

const TASK_COLORS: Record<MaintenanceTaskStatus, string> = {
  created: 'default',
  started: 'processing',
  submitted: 'warning',
  approved: 'success',
  rejected: 'error',
};

/** A maintenance task's state, coloured alike in the list and the detail. */
export const taskStatusTag = (status: MaintenanceTaskStatus, label: string) => (
  <Tag color={TASK_COLORS[status]}>{label}</Tag>
);

/** 待处理 needs the lead; the handlings are under way; 已解决 is closed. */
export const faultStatusTag = (status: MaintenanceFaultStatus, label: string) => (
  <Tag color={status === 'resolved' ? 'success' : status === 'pending' ? 'error' : 'processing'}>{label}</Tag>
);
