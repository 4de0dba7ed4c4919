import { Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup, Checkbox, Dialog, Empty, Tag } from '@nutui/nutui-react-taro';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { AssignableOperator, MaintenanceAssignmentView, MaintenancePlanView } from '@xf/domain';
import { api } from '../../api/server';
import { LEAD_KINDS, requireSession } from '../../auth/guard';
import { OperatorPicker, operatorLabel } from '../../components/OperatorPicker';
import { PageShell } from '../../components/PageShell';
import '../testing-plan/testing-plan.css';
import './maintenance-plan.css';

const monthLabel = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;
const toggle = <T,>(list: T[], x: T) => (list.includes(x) ? list.filter((y) => y !== x) : [...list, x]);

/**
 * One 维保计划: its content (from the standard, read-only) facility by facility. The lead picks
 * facilities and operators to 下发, and removes a distributed facility the operator has not started; the
 * buttons follow the plan's and each assignment's abilities.
 */
export default function MaintenancePlanPage() {
  const { params } = useRouter();
  const [plan, setPlan] = useState<MaintenancePlanView | null>(null);
  const [operators, setOperators] = useState<AssignableOperator[]>([]);
  const [facilities, setFacilities] = useState<string[]>([]);
  const [chosenOperators, setChosenOperators] = useState<number[]>([]);
  const [picking, setPicking] = useState(false);
  const [expanded, setExpanded] = useState<string | null>(null);
  const [removing, setRemoving] = useState<{ assignment: MaintenanceAssignmentView; label: string } | null>(
    null,
  );
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const id = Number(params.id);

  const load = async () => {
    if (!Number.isInteger(id) || id <= 0) return setError('计划编号不正确');
    try {
      const p = await api.getMaintenancePlan(id);
      setPlan(p);
      setError('');
      void Taro.setNavigationBarTitle({ title: `${monthLabel(p.month)}${p.kindLabel}` });
      if (p.abilities?.distribute) setOperators((await api.getProjectAssignableOperators(p.projectId)).items);
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

  const removeAssignment = async (assignmentId: number) => {
    setRemoving(null);
    try {
      setPlan(await api.deleteMaintenancePlanAssignment(id, assignmentId));
      void Taro.showToast({ title: '已删除', icon: 'success' });
    } catch (e) {
      void Taro.showToast({ title: (e as Error).message, icon: 'none', duration: 3000 });
    }
  };

  if (error)
    return (
      <PageShell className="maintenance-plan">
        <Empty status="error" description={error} />
      </PageShell>
    );
  if (!plan) return <PageShell className="maintenance-plan" />;

  const canDistribute = !!plan.abilities?.distribute;
  const chosenNames = operators
    .filter((o) => chosenOperators.includes(o.id))
    .map(operatorLabel)
    .join('、');
  return (
    <PageShell className="maintenance-plan">
      <CellGroup
        title={
          <View className="row">
            <Text className="card-title">{`${plan.siteName} · ${monthLabel(plan.month)}${plan.kindLabel}`}</Text>
            <Tag type={plan.status === 'distributed' ? 'success' : 'warning'}>{plan.statusLabel}</Tag>
          </View>
        }
        description="维保计划由系统根据国家标准和所选消防系统自动生成，内容不可修改；只能派发给消防设施操作员。"
      >
        <Cell
          title="计划内容"
          extra={`设施${plan.facilityCount}个 · 维保内容${plan.lineCount}条 · 已派发设施${plan.distributedFacilityCount}个`}
        />
      </CellGroup>

      <CellGroup title="消防设施">
        {plan.facilities.map((f) => {
          const open = expanded === f.facilityId;
          return (
            <View className="facility" key={f.facilityId}>
              <Cell
                // NutUI's clickable cell lays a tap-highlight overlay over its whole row, which would swallow
                // the tick; with a tick the row still opens its content, without the overlay.
                clickable={!canDistribute}
                title={
                  canDistribute ? (
                    // Ticking selects the facility; the rest of the row opens its content.
                    <View onClick={(e) => e.stopPropagation()}>
                      <Checkbox
                        className="facility-check"
                        checked={facilities.includes(f.facilityId)}
                        label={f.name}
                        onChange={() => setFacilities((s) => toggle(s, f.facilityId))}
                      />
                    </View>
                  ) : (
                    f.name
                  )
                }
                description={`${f.systemName} › ${f.categoryName} · 维保内容${f.lines.length}条`}
                extra={open ? '收起' : '内容'}
                onClick={() => setExpanded(open ? null : f.facilityId)}
              />
              {open
                ? f.lines.map((l) => (
                    <Cell key={l.lineId} className="facility-line" description={`${l.letter}. ${l.text}`} />
                  ))
                : null}
              {f.assignments.map((a) => (
                <Cell
                  key={a.id}
                  className="assignment"
                  title={`${a.operator.displayName}（${a.operator.accountName}）`}
                  description={a.stateLabel}
                  extra={
                    a.abilities?.remove ? (
                      <Button
                        size="small"
                        fill="outline"
                        className="assignment-remove"
                        onClick={() =>
                          setRemoving({ assignment: a, label: `${f.name}（${a.operator.displayName}）` })
                        }
                      >
                        删除
                      </Button>
                    ) : null
                  }
                />
              ))}
            </View>
          );
        })}
      </CellGroup>

      {canDistribute ? (
        <CellGroup title="派发给操作员">
          <Cell title="已选设施" extra={`${facilities.length}个`} />
          <Cell
            clickable
            className="choose-operators"
            title="操作员"
            description={chosenNames || '未选择'}
            extra="选择 ›"
            onClick={() => setPicking(true)}
          />
          <Button type="primary" block loading={busy} className="plan-save" onClick={() => void distribute()}>
            下发所选设施
          </Button>
          <OperatorPicker
            visible={picking}
            title="选择操作员"
            operators={operators}
            chosen={chosenOperators}
            onClose={() => setPicking(false)}
            onConfirm={(ids) => {
              setChosenOperators(ids);
              setPicking(false);
            }}
          />
        </CellGroup>
      ) : null}

      <Dialog
        visible={!!removing}
        title="删除已下发的设施"
        content={removing ? `确定删除${removing.label}？` : ''}
        confirmText="删除"
        onConfirm={() => {
          if (removing) void removeAssignment(removing.assignment.id);
        }}
        onCancel={() => setRemoving(null)}
        onClose={() => setRemoving(null)}
      />
    </PageShell>
  );
}
