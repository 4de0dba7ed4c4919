import { Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup, Empty, Tag } from '@nutui/nutui-react-taro';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { AssignableOperator, TestingPlanSingleItemView, TestingPlanView } from '@xf/domain';
import { ApiError } from '../../api/errors';
import { api } from '../../api/server';
import { LEAD_KINDS, requireSession } from '../../auth/guard';
import { OperatorPicker } from '../../components/OperatorPicker';
import { PageShell } from '../../components/PageShell';
import './testing-plan.css';

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
 * picks one or more operators for each single item, then 下发计划 (first time) or 修改计划. Whether this
 * account may assign is the plan's `assignOperators` ability, sent by the server.
 */
export default function TestingPlanPage() {
  const { params } = useRouter();
  const [plan, setPlan] = useState<TestingPlanView | null>(null);
  const [operators, setOperators] = useState<AssignableOperator[]>([]);
  const [selection, setSelection] = useState<Selection>({});
  const [picking, setPicking] = useState<TestingPlanSingleItemView | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const id = Number(params.id);

  const load = async () => {
    if (!Number.isInteger(id) || id <= 0) return setError('项目编号不正确');
    try {
      const p = await api.getProjectTestingPlan(id);
      const ops = p.abilities?.assignOperators ? (await api.getProjectAssignableOperators(id)).items : [];
      setPlan(p);
      setOperators(ops);
      setSelection(selectionOf(p));
      setError('');
    } catch (e) {
      setError(
        e instanceof ApiError && e.field === 'buildings'
          ? '该项目还没有添加建筑物，暂不能生成检测计划。请机构管理员在电脑端“管理检测服务项目”中为该项目添加建筑物后再来下发。'
          : (e as Error).message,
      );
    }
  };

  useDidShow(() => {
    if (!requireSession(LEAD_KINDS)) return;
    void load();
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
      const saved = await api.updateProjectTestingPlanAssignments(id, { assignments });
      setPlan(saved);
      setSelection(selectionOf(saved));
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
        <Empty status="error" description={error} />
      </PageShell>
    );
  if (!plan) return <PageShell className="testing-plan" />;

  const nameOf = (operatorId: number, s: TestingPlanSingleItemView) =>
    operators.find((o) => o.id === operatorId)?.displayName ??
    s.operators.find((o) => o.id === operatorId)?.displayName ??
    `账号${operatorId}`;
  const canAssign = !!plan.abilities?.assignOperators;
  const dispatched = plan.dispatchStatus === 'dispatched';
  return (
    <PageShell className="testing-plan">
      <CellGroup
        title={
          <View className="row">
            <Text className="card-title">{plan.siteName}</Text>
            <Tag type={plan.planKind === 'retest' ? 'danger' : 'default'} data-testid="plan-kind">
              {plan.planKindLabel}
            </Tag>
            <Tag type={dispatched ? 'success' : 'warning'}>{dispatched ? '已下发' : '未下发'}</Tag>
          </View>
        }
        description={
          plan.planKind === 'retest'
            ? '复检计划只包含原检测报告中的不合格项，复检计划只能进行一次；请为每个单项选择操作员，复检完成后由机构管理员生成复检报告。'
            : '检测计划由系统根据国家标准自动生成，内容不可修改；请为每个消防系统选择操作员。'
        }
      >
        <Cell
          title="计划内容"
          extra={`${plan.singleItemCodes.length}个单项、${plan.itemCount}个检测项（${plan.buildings.length}栋建筑物）`}
        />
        {dispatched && plan.dispatchedAt ? (
          <Cell
            title="下发时间"
            extra={formatTime(plan.dispatchedAt)}
            description={
              plan.revisionCount > 0 && plan.revisedAt
                ? `已修改${plan.revisionCount}次，最近${formatTime(plan.revisedAt)}`
                : undefined
            }
          />
        ) : null}
      </CellGroup>

      {plan.buildings.map((b) => (
        <CellGroup key={b.buildingId} title={b.buildingName}>
          {b.singleItems.map((s) => {
            const chosen = selection[s.planSingleItemId] ?? [];
            return (
              <Cell
                key={s.planSingleItemId}
                className="single-item"
                title={`${s.code} ${s.name}`}
                description={`子项${s.subItemCount}个 · 检测项${s.itemCount}个\n操作员：${
                  chosen.length ? chosen.map((o) => nameOf(o, s)).join('、') : '未分配'
                }`}
                extra={
                  canAssign ? (
                    <Button size="small" fill="outline" onClick={() => setPicking(s)}>
                      选择操作员
                    </Button>
                  ) : null
                }
              />
            );
          })}
        </CellGroup>
      ))}

      {canAssign ? (
        <>
          <Button type="primary" block loading={busy} className="plan-save" onClick={() => void save()}>
            {dispatched ? '修改计划' : '下发计划'}
          </Button>
          <OperatorPicker
            visible={!!picking}
            title={picking ? `${picking.code} ${picking.name}` : ''}
            operators={operators}
            chosen={picking ? (selection[picking.planSingleItemId] ?? []) : []}
            onClose={() => setPicking(null)}
            onConfirm={(ids) => {
              if (picking) setSelection((sel) => ({ ...sel, [picking.planSingleItemId]: ids }));
              setPicking(null);
            }}
          />
        </>
      ) : null}
    </PageShell>
  );
}
