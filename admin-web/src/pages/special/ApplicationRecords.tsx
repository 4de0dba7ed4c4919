import { Button, Space, Tag } from 'antd';
import { openApiFile } from './openFile';
import type { SpecialApplicationRow } from './types';
import { FitTable } from '../../components/FitTable';

const statusColor = { pending: 'processing', approved: 'success', rejected: 'error' } as const;

/** 查看申请记录: the applications of one project, or the brigade's review queue. */
export function ApplicationTable({
  rows,
  loading,
  showProject,
  actions,
  pagination,
}: {
  rows: SpecialApplicationRow[];
  loading?: boolean;
  showProject?: boolean;
  actions?: (a: SpecialApplicationRow) => React.ReactNode;
  pagination?: object | false;
}) {
  return (
    <FitTable<SpecialApplicationRow>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={pagination ?? false}
      columns={[
        ...(showProject
          ? [
              {
                title: '项目名称',
                render: (_: unknown, a: SpecialApplicationRow) => `${a.projectName}（${a.projectKindLabel}）`,
              },
              { title: '技术服务机构', dataIndex: 'institutionName' },
            ]
          : []),
        { title: '申请类型', dataIndex: 'kindLabel' },
        { title: '原因', dataIndex: 'reason' },
        {
          title: '说明材料',
          render: (_, a) =>
            a.files.length === 0 ? (
              '无'
            ) : (
              <Space orientation="vertical" size={0}>
                {a.files.map((f) => (
                  <Button key={f.id} type="link" size="small" onClick={() => void openApiFile(f.url)}>
                    {f.originalName ?? `文件 ${f.id}`}
                  </Button>
                ))}
              </Space>
            ),
        },
        { title: '申请人', dataIndex: 'appliedByName', width: 150 },
        { title: '申请时间', width: 170, render: (_, a) => new Date(a.appliedAt).toLocaleString('zh-CN') },
        {
          title: '状态',
          width: 90,
          render: (_, a) => <Tag color={statusColor[a.status]}>{a.statusLabel}</Tag>,
        },
        {
          title: '审核意见',
          render: (_, a) =>
            a.decidedByName ? `${a.decidedByName}${a.rejectReason ? `：${a.rejectReason}` : ''}` : '',
        },
        ...(actions
          ? [{ title: '操作', width: 140, render: (_: unknown, a: SpecialApplicationRow) => actions(a) }]
          : []),
      ]}
    />
  );
}
