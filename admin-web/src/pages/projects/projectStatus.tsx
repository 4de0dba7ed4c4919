import { Space, Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import type { ProjectRow } from '../../api/projects';

const statusColor: Record<string, string> = {
  in_progress: 'processing',
  completed: 'success',
  cancelled: 'default',
  terminated: 'default',
};

/** What the manual allows once a running project's contract period is over. */
const AFTER_CONTRACT_END: Record<ProjectRow['kind'], { short: string; full: string }> = {
  testing: {
    short: '可注销后重新录入',
    full: '已超过检测期限，不能生成检测报告：请注销本项目，再重新录入检测项目。',
  },
  maintenance: {
    short: '可终止后按新合同录入',
    full: '维保合同期限已过：续签后请终止本项目，按新合同重新录入。',
  },
};

export const contractEnded = (p: ProjectRow, today = dayjs().format('YYYY-MM-DD')) =>
  p.status === 'in_progress' && p.contractEnd.slice(0, 10) < today;

/** The project's status, and a red mark when it is still running past its contract end. */
export function statusTag(p: ProjectRow) {
  const status = <Tag color={statusColor[p.status]}>{p.statusLabel}</Tag>;
  if (!contractEnded(p)) return status;
  const next = AFTER_CONTRACT_END[p.kind];
  return (
    <Tooltip title={next.full}>
      <Space size={2} direction="vertical" data-testid={`contract-ended-${p.id}`}>
        <Space size={4}>
          {status}
          <Tag color="error">合同已到期</Tag>
        </Space>
        <span className="text-danger">{next.short}</span>
      </Space>
    </Tooltip>
  );
}
