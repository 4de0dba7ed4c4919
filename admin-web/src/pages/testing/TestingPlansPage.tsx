import { Alert, Card, Descriptions, Empty, Progress, Select, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { ProjectRow } from '@xf/domain/api/projects';
import type { TestingPlanView } from '@xf/domain/api/testing-plans';
import type { TestingReviewView } from '@xf/domain/api/testing-records';
import { api, ApiError, http } from '../../api/client';
import { FitTable } from '../../components/FitTable';
import { PageCard } from '../../components/PageCard';

interface Row {
  key: string;
  buildingName: string;
  code: string;
  name: string;
  itemCount: number;
  operators: string[];
  recorded: number | null;
  approved: number | null;
  /** Each operator's records, from the review view when it is available. */
  byOperator: { name: string; recordCount: number }[];
}

/** The plan's single items with the progress the review view reports for each (null: not available). */
function rowsOf(plan: TestingPlanView, review: TestingReviewView | null): Row[] {
  const progress = new Map(review?.progress.map((p) => [p.planSingleItemId, p]));
  return plan.buildings.flatMap((b) =>
    b.singleItems.map((s) => {
      const p = progress.get(s.planSingleItemId);
      return {
        key: s.planSingleItemId,
        buildingName: b.buildingName,
        code: s.code,
        name: s.name,
        itemCount: s.itemCount,
        operators: s.operators.map((o) => o.displayName || o.accountName),
        recorded: p ? p.recordedItemCount : review ? 0 : null,
        approved: p ? p.approvedItemCount : review ? 0 : null,
        byOperator: p?.operators.map((o) => ({ name: o.displayName, recordCount: o.recordCount })) ?? [],
      };
    }),
  );
}

/**
 * 查看检测服务计划 (manual §02): per testing project, its plan with progress per single item and operator. The
 * plan comes from GET /projects/:id/testing-plan; the progress from the review view
 * (GET /projects/:id/testing-review, testingReviewViewSchema) when the server has it.
 */
export function TestingPlansPage() {
  const [projects, setProjects] = useState<ProjectRow[]>([]);
  const [projectId, setProjectId] = useState<number | null>(null);
  const [plan, setPlan] = useState<TestingPlanView | null>(null);
  const [review, setReview] = useState<TestingReviewView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    api.getProjects({ kind: 'testing', pageSize: 100 }).then((p) => {
      setProjects(p.items);
      if (p.items[0]) setProjectId(p.items[0].id);
    });
  }, []);

  useEffect(() => {
    if (!projectId) return;
    setPlan(null);
    setReview(null);
    setProblem(null);
    api
      .getProjectTestingPlan(projectId)
      .then(setPlan, (e: unknown) => setProblem(e instanceof Error ? e.message : '检测计划加载失败'));
    // The review view: until the server serves it, the page shows the plan without progress.
    http.get<TestingReviewView>(`/projects/${projectId}/testing-review`).then(setReview, (e: unknown) => {
      if (!(e instanceof ApiError)) throw e;
    });
  }, [projectId]);

  const noBuildings = problem?.includes('建筑物');
  return (
    <PageCard
      title="查看检测服务计划"
      extra={
        <Select
          showSearch
          optionFilterProp="label"
          placeholder="选择检测项目"
          style={{ width: 320 }}
          value={projectId ?? undefined}
          onChange={setProjectId}
          options={projects.map((p) => ({ value: p.id, label: `${p.siteName}（${p.statusLabel}）` }))}
          data-testid="plan-project"
        />
      }
    >
      {projects.length === 0 && <Empty description="暂无检测项目" />}
      {problem && (
        <Alert
          type={noBuildings ? 'warning' : 'error'}
          showIcon
          title={noBuildings ? '该项目还没有添加建筑物，无法生成检测计划' : `检测计划暂不能显示：${problem}`}
          description={
            noBuildings && (
              <span>
                请在“管理检测服务项目”列表中点击该项目的
                <Link to={`/testing-projects/${projectId}/buildings`}>添加建筑物</Link>
                ，添加后项目负责人即可下发检测计划。
              </span>
            )
          }
          data-testid="plan-problem"
        />
      )}
      {plan && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Card size="small">
            <Descriptions size="small" column={4}>
              <Descriptions.Item label="计划类别">
                <Tag color={plan.planKind === 'retest' ? 'purple' : 'blue'}>{plan.planKindLabel}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label="下发状态">
                <Tag color={plan.dispatchStatus === 'dispatched' ? 'success' : 'default'}>
                  {plan.dispatchStatusLabel}
                </Tag>
              </Descriptions.Item>
              <Descriptions.Item label="单项">{plan.singleItemCodes.length} 个</Descriptions.Item>
              <Descriptions.Item label="检测项">{plan.itemCount} 个</Descriptions.Item>
              <Descriptions.Item label="建筑物">{plan.buildings.length} 栋</Descriptions.Item>
              {review && (
                <Descriptions.Item label="审核状态">
                  <Tag>{review.statusLabel}</Tag>
                  {review.planComplete ? '计划已全部完成' : '计划未完成'}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          <FitTable<Row>
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={rowsOf(plan, review)}
            columns={[
              { title: '建筑物', dataIndex: 'buildingName', width: 120 },
              { title: '单项', render: (_, r) => `${r.code} ${r.name}` },
              { title: '检测项数', dataIndex: 'itemCount', width: 90 },
              {
                title: '操作员',
                width: 200,
                render: (_, r) =>
                  r.operators.length ? r.operators.join('、') : <Tag color="warning">未派发</Tag>,
              },
              {
                title: '已记录',
                width: 170,
                render: (_, r) =>
                  r.recorded == null ? (
                    '—'
                  ) : (
                    <Progress
                      size="small"
                      percent={r.itemCount ? Math.round((r.recorded / r.itemCount) * 100) : 0}
                      format={() => `${r.recorded}/${r.itemCount}`}
                    />
                  ),
              },
              {
                title: '已审核通过',
                width: 110,
                render: (_, r) => (r.approved == null ? '—' : `${r.approved}/${r.itemCount}`),
              },
              {
                title: '各操作员记录数',
                width: 200,
                render: (_, r) => r.byOperator.map((o) => `${o.name} ${o.recordCount}条`).join('，'),
              },
            ]}
          />
        </Space>
      )}
    </PageCard>
  );
}
