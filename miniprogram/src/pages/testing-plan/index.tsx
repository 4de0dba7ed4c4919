import { Button, Text, View } from '@tarojs/components';
import { ApiError } from '../../api/errors';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { AssignableOperator, TestingPlanSingleItemView, TestingPlanView } from '@xf/domain';
import { request } from '../../api/http';
import { LEAD_KINDS, requireSession } from '../../auth/guard';
import { getSession } from '../../auth/session-store';
import '../projects/projects.css';
import './testing-plan.css';
import { PageShell } from '../../components/PageShell';

type Selection = Record<string, number[]>;

const selectionOf = (plan: TestingPlanView): Selection =>
  Object.fromEntries(
    plan.buildings.flatMap((b) =>
      b.singleItems.map((s) => [s.planSingleItemId, s.operators.map((o) => o.id)]),
    ),
  );

/** Beijing time whatever the phone's time zone: the plan is dispatched and checked in Beijing. */
const formatTime = (iso: string) =>
  new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * 检测计划 (manual §02): the plan is generated from the standard and read-only; the project lead only
 * picks one or more operators for each single item, then 下发计划 (first time) or 修改计划.
 */
export default function TestingPlanPage() {
  const { params } = useRouter();
  const [plan, setPlan] = useState<TestingPlanView | null>(null);
  const [operators, setOperators] = useState<AssignableOperator[]>([]);
  const [selection, setSelection] = useState<Selection>({});
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const canAssign = getSession()?.user.kind === 'project_lead';
  const id = Number(params.id);

  const load = () => {
    if (!Number.isInteger(id) || id <= 0) {
      setError('项目编号不正确');
      return;
    }
    Promise.all([
      request<TestingPlanView>(`/projects/${id}/testing-plan`),
      canAssign
        ? request<{ items: AssignableOperator[] }>(`/projects/${id}/assignable-operators`)
        : Promise.resolve({ items: [] }),
    ])
      .then(([p, ops]) => {
        setPlan(p);
        setOperators(ops.items);
        setSelection(selectionOf(p));
        setError('');
      })
      .catch((e: Error) =>
        setError(
          e instanceof ApiError && e.field === 'buildings'
            ? '该项目还没有添加建筑物，暂不能生成检测计划。请机构管理员在电脑端“管理检测服务项目”中为该项目添加建筑物后再来下发。'
            : e.message,
        ),
      );
  };

  useDidShow(() => {
    if (!requireSession(LEAD_KINDS)) return;
    load();
  });

  const toggle = (singleId: string, operatorId: number) =>
    setSelection((s) => {
      const current = s[singleId] ?? [];
      return {
        ...s,
        [singleId]: current.includes(operatorId)
          ? current.filter((x) => x !== operatorId)
          : [...current, operatorId],
      };
    });

  const save = async () => {
    if (busy) return;
    const assignments = Object.entries(selection)
      .filter(([, ids]) => ids.length > 0)
      .map(([planSingleItemId, operatorAccountIds]) => ({ planSingleItemId, operatorAccountIds }));
    if (assignments.length === 0) {
      void Taro.showToast({ title: '请至少为一个检测单项选择操作员', icon: 'none' });
      return;
    }
    const first = plan?.dispatchStatus !== 'dispatched';
    setBusy(true);
    try {
      const saved = await request<TestingPlanView>(`/projects/${id}/testing-plan/assignments`, {
        method: 'PUT',
        json: { assignments },
      });
      setPlan(saved);
      setSelection(selectionOf(saved));
      setOpen(null);
      void Taro.showToast({ title: first ? '检测计划已下发' : '计划已修改', icon: 'success' });
    } catch (e) {
      void Taro.showToast({ title: (e as Error).message, icon: 'none', duration: 3000 });
    } finally {
      setBusy(false);
    }
  };

  if (error)
    return (
      <PageShell className="testing-plan">
        <Text className="error-text">{error}</Text>
      </PageShell>
    );
  if (!plan) return <PageShell className="testing-plan" />;

  const nameOf = (operatorId: number, s: TestingPlanSingleItemView) =>
    operators.find((o) => o.id === operatorId)?.displayName ??
    s.operators.find((o) => o.id === operatorId)?.displayName ??
    `账号${operatorId}`;

  const dispatched = plan.dispatchStatus === 'dispatched';
  return (
    <PageShell className="testing-plan">
      <View className="card">
        <View className="row">
          <Text className="card-title">{plan.siteName}</Text>
          <Text
            className={plan.planKind === 'retest' ? 'badge badge-retest' : 'badge'}
            data-testid="plan-kind"
          >
            {plan.planKindLabel}
          </Text>
          <Text className={dispatched ? 'badge badge-synced' : 'badge badge-pending'}>
            {dispatched ? '已下发' : '未下发'}
          </Text>
        </View>
        <View className="muted plan-note">
          共{plan.singleItemCodes.length}个单项、{plan.itemCount}个检测项（{plan.buildings.length}栋建筑物）
        </View>
        {dispatched && plan.dispatchedAt ? (
          <View className="muted plan-note">
            下发时间：{formatTime(plan.dispatchedAt)}
            {plan.revisionCount > 0 && plan.revisedAt
              ? `；已修改${plan.revisionCount}次，最近${formatTime(plan.revisedAt)}`
              : ''}
          </View>
        ) : null}
        {plan.planKind === 'retest' ? (
          <View className="muted plan-note">
            复检计划只包含原检测报告中的不合格项，复检计划只能进行一次；请为每个单项选择操作员，复检完成后由机构管理员生成复检报告。
          </View>
        ) : (
          <View className="muted plan-note">
            检测计划由系统根据国家标准自动生成，内容不可修改；请为每个消防系统选择操作员。
          </View>
        )}
      </View>

      {plan.buildings.map((b) => (
        <View className="card" key={b.buildingId}>
          <Text className="card-title">{b.buildingName}</Text>
          {b.singleItems.map((s) => {
            const chosen = selection[s.planSingleItemId] ?? [];
            return (
              <View className="single-item" key={s.planSingleItemId}>
                <View className="single-item-head">
                  <Text className="single-item-name">
                    {s.code} {s.name}
                  </Text>
                  {canAssign ? (
                    <Button
                      className="btn btn-plain btn-small"
                      onClick={() => setOpen(open === s.planSingleItemId ? null : s.planSingleItemId)}
                    >
                      {open === s.planSingleItemId ? '收起' : '选择操作员'}
                    </Button>
                  ) : null}
                </View>
                <View className="muted single-item-line">
                  子项{s.subItemCount}个 · 检测项{s.itemCount}个
                </View>
                <View className="single-item-line">
                  操作员：{chosen.length ? chosen.map((o) => nameOf(o, s)).join('、') : '未分配'}
                </View>
                {open === s.planSingleItemId ? (
                  <View className="operator-options">
                    {operators.length === 0 ? (
                      <Text className="muted">本机构暂无可派发的消防设施操作员</Text>
                    ) : (
                      operators.map((o) => (
                        <View
                          key={o.id}
                          className={
                            chosen.includes(o.id)
                              ? 'operator-option operator-option-selected'
                              : 'operator-option'
                          }
                          onClick={() => toggle(s.planSingleItemId, o.id)}
                        >
                          {o.displayName}（{o.accountName}）{o.faceApproved ? '' : ' · 人脸未审核'}
                        </View>
                      ))
                    )}
                  </View>
                ) : null}
              </View>
            );
          })}
        </View>
      ))}

      {canAssign ? (
        <View className="plan-actions">
          {/* No `disabled` prop: Taro H5 keeps a disabled attribute even when false, greying the button. */}
          <Button className="btn" onClick={() => void save()}>
            {busy ? '正在提交…' : dispatched ? '修改计划' : '下发计划'}
          </Button>
        </View>
      ) : null}
    </PageShell>
  );
}
