import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { AssignableOperator, MaintenancePlanView } from '@xf/domain';
import { api } from '../../api/server';
import { LEAD_KINDS, requireSession } from '../../auth/guard';
import { getSession } from '../../auth/session-store';
import '../projects/projects.css';
import './maintenance-plan.css';
import { PageShell } from '../../components/PageShell';

const monthLabel = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;
const toggle = <T,>(list: T[], x: T) => (list.includes(x) ? list.filter((y) => y !== x) : [...list, x]);

/**
 * One 维保计划: its content (from the standard, read-only) facility by facility. The lead picks
 * facilities and operators to 下发, and removes a distributed facility the operator has not started.
 */
export default function MaintenancePlanPage() {
  const { params } = useRouter();
  const [plan, setPlan] = useState<MaintenancePlanView | null>(null);
  const [operators, setOperators] = useState<AssignableOperator[]>([]);
  const [facilities, setFacilities] = useState<string[]>([]);
  const [chosenOperators, setChosenOperators] = useState<number[]>([]);
  const [expanded, setExpanded] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const isLead = getSession()?.user.kind === 'project_lead';
  const id = Number(params.id);

  const load = async () => {
    if (!Number.isInteger(id) || id <= 0) {
      setError('计划编号不正确');
      return;
    }
    try {
      const p = await api.getMaintenancePlan(id);
      setPlan(p);
      setError('');
      void Taro.setNavigationBarTitle({ title: `${monthLabel(p.month)}${p.kindLabel}` });
      if (isLead) {
        const ops = await api.getProjectAssignableOperators(p.projectId);
        setOperators(ops.items);
      }
    } catch (e) {
      setError((e as Error).message);
    }
  };

  useDidShow(() => {
    if (!requireSession(LEAD_KINDS)) return;
    void load();
  });

  const distribute = async () => {
    if (busy) return;
    if (facilities.length === 0 || chosenOperators.length === 0) {
      void Taro.showToast({ title: '请选择消防设施和操作员', icon: 'none' });
      return;
    }
    setBusy(true);
    try {
      const saved = await api.createMaintenancePlanAssignment(id, {
        facilityIds: facilities,
        operatorAccountIds: chosenOperators,
      });
      setPlan(saved);
      setFacilities([]);
      setChosenOperators([]);
      void Taro.showToast({ title: '维保计划已下发', icon: 'success' });
    } catch (e) {
      void Taro.showToast({ title: (e as Error).message, icon: 'none', duration: 3000 });
    } finally {
      setBusy(false);
    }
  };

  const removeAssignment = async (assignmentId: number, label: string) => {
    const { confirm } = await Taro.showModal({ title: '删除已下发的设施', content: `确定删除${label}？` });
    if (!confirm) return;
    try {
      const saved = await api.deleteMaintenancePlanAssignment(id, assignmentId);
      setPlan(saved);
      void Taro.showToast({ title: '已删除', icon: 'success' });
    } catch (e) {
      void Taro.showToast({ title: (e as Error).message, icon: 'none', duration: 3000 });
    }
  };

  if (error)
    return (
      <PageShell className="maintenance-plan">
        <Text className="error-text">{error}</Text>
      </PageShell>
    );
  if (!plan) return <PageShell className="maintenance-plan" />;

  return (
    <PageShell className="maintenance-plan">
      <View className="card">
        <View className="row">
          <Text className="card-title">
            {plan.siteName} · {monthLabel(plan.month)}
            {plan.kindLabel}
          </Text>
          <Text className={plan.status === 'distributed' ? 'badge badge-synced' : 'badge badge-pending'}>
            {plan.statusLabel}
          </Text>
        </View>
        <View className="muted plan-note">
          设施{plan.facilityCount}个 · 维保内容{plan.lineCount}条 · 已派发设施{plan.distributedFacilityCount}
          个
        </View>
        <View className="muted plan-note">
          维保计划由系统根据国家标准和所选消防系统自动生成，内容不可修改；只能派发给消防设施操作员。
        </View>
      </View>

      <View className="card">
        <Text className="card-title">消防设施</Text>
        {plan.facilities.map((f) => {
          const on = facilities.includes(f.facilityId);
          return (
            <View className="facility" key={f.facilityId}>
              <View className="facility-head">
                {isLead ? (
                  <View
                    className={on ? 'facility-check facility-check-on' : 'facility-check'}
                    onClick={() => setFacilities((s) => toggle(s, f.facilityId))}
                  >
                    {on ? '✓' : ''}
                  </View>
                ) : null}
                <Text
                  className="facility-name"
                  onClick={() => setExpanded(expanded === f.facilityId ? null : f.facilityId)}
                >
                  {f.name}
                </Text>
              </View>
              <View className="muted facility-line">
                {f.systemName} › {f.categoryName} · 维保内容{f.lines.length}条
              </View>
              {expanded === f.facilityId
                ? f.lines.map((l) => (
                    <View className="facility-line" key={l.lineId}>
                      {l.letter}. {l.text}
                    </View>
                  ))
                : null}
              {f.assignments.map((a) => (
                <View className="assignment" key={a.id}>
                  <Text>
                    {a.operator.displayName}（{a.operator.accountName}）· {a.stateLabel}
                  </Text>
                  {isLead && a.state === 'pending' ? (
                    <Text
                      className="assignment-remove"
                      onClick={() => void removeAssignment(a.id, `${f.name}（${a.operator.displayName}）`)}
                    >
                      删除
                    </Text>
                  ) : null}
                </View>
              ))}
            </View>
          );
        })}
      </View>

      {isLead ? (
        <View className="card">
          <Text className="card-title">派发给操作员</Text>
          <View className="muted plan-note">已选设施{facilities.length}个</View>
          <View className="operator-options">
            {operators.length === 0 ? (
              <Text className="muted">本机构暂无可派发的消防设施操作员</Text>
            ) : (
              operators.map((o) => (
                <View
                  key={o.id}
                  className={
                    chosenOperators.includes(o.id)
                      ? 'operator-option operator-option-selected'
                      : 'operator-option'
                  }
                  onClick={() => setChosenOperators((s) => toggle(s, o.id))}
                >
                  {o.displayName}（{o.accountName}）{o.faceApproved ? '' : ' · 人脸未审核'}
                </View>
              ))
            )}
          </View>
          <View className="plan-actions">
            {/* No `disabled` prop: Taro H5 keeps a disabled attribute even when false, greying the button. */}
            <Button className="btn" onClick={() => void distribute()}>
              {busy ? '正在提交…' : '下发所选设施'}
            </Button>
          </View>
        </View>
      ) : null}
    </PageShell>
  );
}
