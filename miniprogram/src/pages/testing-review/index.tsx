import { Text, View } from '@tarojs/components';
import { Button, Empty, Progress, Segmented, Step, Steps, Tag } from '@nutui/nutui-react-taro';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { TestingRecordView, TestingReviewView } from '@xf/domain/api/testing-records';
import {
  approveRecord,
  approveRecords,
  changeReview,
  getTestingReview,
  returnRecord,
  reviewNode,
  type ReviewAction,
} from '../../api/testing-review';
import { requireSession } from '../../auth/guard';
import { PageShell } from '../../components/PageShell';
import { ChangeJudgment, type JudgmentChange } from './ChangeJudgment';
import { RESULT_OPTIONS, VERDICT_OPTIONS, verdictLabel, verdictTag, type Verdict } from './labels';
import { NodeReview } from './NodeReview';
import { Records } from './Records';
import { pendingOf, recordsOf, REVIEW_STEPS, reviewStep, type SingleItemView } from './review-steps';
import './testing-review.css';

const ACTION_TEXT: Record<ReviewAction, string> = {
  open: '审核已开启：操作员暂不能提交或删除检测记录',
  close: '审核已关闭：操作员可以重新提交或删除检测记录',
  approve: '检测计划已审核通过',
  reopen: '已退回计划，可继续审核',
};

/**
 * 消防检测-待审核 of one project (manual §02 项目负责人在微信端审核APP提交结果 1–4, 退回已审核通过的记录): 计划完成统计,
 * 开启/关闭审核, then test items → sub-items → single items → 综合评定 → 审核计划, one single item on screen at a
 * time and its records a page at a time, so a plan of thousands of records stays usable.
 */
export default function TestingReviewPage() {
  const { params } = useRouter();
  const projectId = Number(params.id);
  const [view, setView] = useState<TestingReviewView | null>(null);
  const [error, setError] = useState('');
  const [tab, setTab] = useState<'submitted' | 'approved'>('submitted');
  const [singleId, setSingleId] = useState<string | null>(null);
  const [openSub, setOpenSub] = useState<string | null>(null);
  const [change, setChange] = useState<JudgmentChange<string> | null>(null);

  const load = async () => {
    try {
      const v = await getTestingReview(projectId);
      setView(v);
      setError('');
    } catch (e) {
      setError((e as Error).message);
    }
  };
  useDidShow(() => {
    if (!requireSession(['project_lead'])) return;
    if (!Number.isInteger(projectId) || projectId <= 0) setError('项目编号不正确');
    else void load();
  });

  /** Every change reloads the tree: the server recomputes tallies and verdicts. */
  const act = async (work: () => Promise<unknown>, done?: string) => {
    try {
      await work();
      if (done) void Taro.showToast({ title: done, icon: 'none', duration: 2500 });
    } catch (e) {
      void Taro.showToast({ title: (e as Error).message, icon: 'none', duration: 3500 });
    }
    await load();
  };

  if (error)
    return (
      <PageShell className="testing-review">
        <View className="card">
          <Text className="error-text">{error}</Text>
        </View>
      </PageShell>
    );
  if (!view) return <PageShell className="testing-review" />;

  const reviewing = view.status === 'open';
  const step = reviewStep(view);
  const single: SingleItemView | undefined =
    view.singleItems.find((s) => s.planSingleItemId === singleId) ?? view.singleItems[0];
  const nodeChange = (
    level: 'sub_item' | 'single_item' | 'overall',
    nodeId: string,
    subject: string,
    computed: Verdict,
    current: Verdict,
  ) =>
    setChange({
      subject,
      options: VERDICT_OPTIONS,
      computed,
      current,
      submit: async (verdict, reason) => {
        await reviewNode(projectId, {
          level,
          nodeId,
          verdict: verdict as Verdict,
          ...(reason ? { reason } : {}),
        });
        await load();
      },
    } as JudgmentChange<string>);
  const confirmNode = (level: 'sub_item' | 'single_item' | 'overall', nodeId: string, verdict: Verdict) =>
    void act(() => reviewNode(projectId, { level, nodeId, verdict }));
  const recordChange = (r: TestingRecordView) =>
    setChange({
      subject: `检测项 ${r.itemName} · 位置 ${r.position}`,
      options: RESULT_OPTIONS,
      computed: r.computedResult,
      current: r.reviewedResult ?? r.result,
      submit: async (result, reason) => {
        await approveRecord(r.id, {
          result: result as TestingRecordView['result'],
          ...(reason ? { reason } : {}),
        });
        await load();
      },
    } as JudgmentChange<string>);

  return (
    <PageShell className="testing-review">
      <View className="card">
        <View className="row">
          <Text className="card-title">{view.siteName}</Text>
          <Tag type={view.planKind === 'retest' ? 'danger' : 'default'} data-testid="plan-kind">
            {view.planKindLabel}
          </Tag>
          <Tag type={reviewing ? 'warning' : view.status === 'approved' ? 'success' : 'default'}>
            {view.statusLabel}
          </Tag>
        </View>
        {view.planKind === 'retest' ? (
          <Text className="muted retest-note">
            复检计划：只复检原检测报告中的不合格项，审核通过后由机构管理员生成复检报告。
          </Text>
        ) : null}
        <Text className="muted">
          {reviewing
            ? '审核中：APP不能提交或删除检测记录。需要操作员修改时，请先退回记录再关闭审核。'
            : view.status === 'closed'
              ? '未开启审核：操作员可以提交或删除检测记录。开启审核后开始审核。'
              : '检测计划已审核通过。'}
        </Text>
        <View className="review-actions">
          {view.abilities.open ? (
            <Button
              type="primary"
              className="review-open"
              onClick={() => void act(() => changeReview(projectId, 'open'), ACTION_TEXT.open)}
            >
              开启审核
            </Button>
          ) : null}
          {view.abilities.close ? (
            <Button
              className="review-close"
              onClick={() => void act(() => changeReview(projectId, 'close'), ACTION_TEXT.close)}
            >
              关闭审核
            </Button>
          ) : null}
        </View>
      </View>

      <View className="card">
        <Text className="card-title">计划完成统计</Text>
        <Text className={view.planComplete ? 'ok-text' : 'warn-text'}>
          {view.planComplete ? '计划已完成，可以审核检测记录' : '计划尚未完成：仍有检测项没有记录'}
        </Text>
        {view.progress.map((p) => (
          <View className="progress-row" key={p.planSingleItemId}>
            <View className="row">
              <Text>{`${p.code} ${p.name}`}</Text>
              <Text className="muted">{`${p.recordedItemCount}/${p.itemCount} · 已审核${p.approvedItemCount}`}</Text>
            </View>
            <Progress percent={p.itemCount ? Math.round((p.recordedItemCount / p.itemCount) * 100) : 0} />
            <Text className="muted">
              {`${p.buildingName} · ${p.operators.map((o) => `${o.displayName}${o.recordCount}条`).join('、') || '未分配'}`}
            </Text>
          </View>
        ))}
      </View>

      <View className="card">
        <Steps value={step + 1} className="review-steps">
          {REVIEW_STEPS.map((s, i) => (
            <Step key={s} value={i + 1} title={s} />
          ))}
        </Steps>
      </View>

      {view.singleItems.length === 0 ? <Empty description="暂无提交的检测记录" /> : null}
      {view.singleItems.length > 0 ? (
        <>
          <View className="single-chips">
            {view.singleItems.map((s) => (
              <View
                key={s.planSingleItemId}
                className={`single-chip${s === single ? ' single-chip-active' : ''}`}
                onClick={() => setSingleId(s.planSingleItemId)}
              >
                {`${s.code} ${s.name}`}
                {s.review ? ' ✓' : ''}
              </View>
            ))}
          </View>
          <Segmented
            className="record-tabs"
            value={tab}
            onChange={(v) => setTab(v as 'submitted' | 'approved')}
            options={[
              { label: '待审核', value: 'submitted' },
              { label: '已审核', value: 'approved' },
            ]}
          />
        </>
      ) : null}

      {single ? (
        <View className="card single-card">
          <View className="row">
            <Text className="card-title">{`${single.code} ${single.name}`}</Text>
            <Text className="muted">{single.buildingName}</Text>
          </View>
          {single.subItems.map((sub) => {
            const records = recordsOf(sub).filter((r) => r.status === tab);
            const pending = pendingOf(sub);
            const expanded = openSub === sub.planSubItemId;
            return (
              <View className="sub-item" key={sub.planSubItemId}>
                <View className="row" onClick={() => setOpenSub(expanded ? null : sub.planSubItemId)}>
                  <Text className="sub-item-name">{`${expanded ? '▾' : '▸'} ${sub.name}`}</Text>
                  <Tag type={verdictTag(sub.computedVerdict)} plain>
                    {verdictLabel(sub.computedVerdict)}
                  </Tag>
                </View>
                <Text className="muted">
                  {`检测项${sub.tally.total}个，已检${sub.tally.checked}个，不合格A类${sub.tally.failed.A}/B类${sub.tally.failed.B}/C类${sub.tally.failed.C}；待审核记录${pending.length}条`}
                </Text>
                {reviewing && pending.length ? (
                  <Button
                    size="small"
                    type="primary"
                    className="batch-approve"
                    onClick={() =>
                      void act(
                        () => approveRecords(pending.map((r) => r.id)),
                        `已审核${pending.length}条记录`,
                      )
                    }
                  >
                    {`审核本子项全部（${pending.length}条，按系统判定）`}
                  </Button>
                ) : null}
                {expanded ? (
                  <Records
                    records={records}
                    onApprove={(r) => void act(() => approveRecord(r.id))}
                    onChange={recordChange}
                    onReturn={(r) => void act(() => returnRecord(r.id), '已退回到待审核')}
                  />
                ) : null}
                <NodeReview
                  computed={sub.computedVerdict}
                  review={sub.review}
                  canReview={reviewing && pending.length === 0}
                  onConfirm={() => confirmNode('sub_item', sub.planSubItemId, sub.computedVerdict)}
                  onChange={() =>
                    nodeChange(
                      'sub_item',
                      sub.planSubItemId,
                      `子项 ${sub.name}`,
                      sub.computedVerdict,
                      sub.review?.verdict ?? sub.computedVerdict,
                    )
                  }
                />
              </View>
            );
          })}
          <View className="single-review">
            <Text className="card-title">单项评定</Text>
            {single.reasons.length ? <Text className="muted">{single.reasons.join('；')}</Text> : null}
            <NodeReview
              computed={single.computedVerdict}
              review={single.review}
              canReview={reviewing && single.subItems.every((s) => s.review)}
              onConfirm={() => confirmNode('single_item', single.planSingleItemId, single.computedVerdict)}
              onChange={() =>
                nodeChange(
                  'single_item',
                  single.planSingleItemId,
                  `单项 ${single.code} ${single.name}`,
                  single.computedVerdict,
                  single.review?.verdict ?? single.computedVerdict,
                )
              }
            />
          </View>
        </View>
      ) : null}

      {view.singleItems.length > 0 ? (
        <View className="card overall-card">
          <Text className="card-title">综合评定</Text>
          <Text className="muted">
            {view.overall.failedSingleItems.length
              ? `不合格单项：${view.overall.failedSingleItems.map((s) => `${s.code} ${s.name}`).join('、')}`
              : '无不合格单项'}
          </Text>
          <NodeReview
            computed={view.overall.computedVerdict}
            review={view.overall.review}
            canReview={reviewing && view.singleItems.every((s) => s.review)}
            onConfirm={() => confirmNode('overall', 'overall', view.overall.computedVerdict)}
            onChange={() =>
              nodeChange(
                'overall',
                'overall',
                '综合评定',
                view.overall.computedVerdict,
                view.overall.review?.verdict ?? view.overall.computedVerdict,
              )
            }
          />
          <View className="review-actions">
            {view.abilities.approve ? (
              <Button
                type="primary"
                block
                className="review-approve"
                onClick={() => void act(() => changeReview(projectId, 'approve'), ACTION_TEXT.approve)}
              >
                审核计划
              </Button>
            ) : null}
            {view.abilities.reopen ? (
              <Button
                block
                onClick={() => void act(() => changeReview(projectId, 'reopen'), ACTION_TEXT.reopen)}
              >
                退回计划
              </Button>
            ) : null}
          </View>
        </View>
      ) : null}
      <ChangeJudgment change={change} onClose={() => setChange(null)} />
    </PageShell>
  );
}
