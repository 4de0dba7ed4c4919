import { PageShell } from '../../components/PageShell';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Checkbox, Empty, Tag } from '@nutui/nutui-react-taro';
import { useMemo, useState } from 'react';
import type { MaintenancePlanView, OperatorMaintenanceAssignment } from '@xf/domain/api/maintenance-plans';
import { myMaintenanceAssignments, maintenancePlan } from '../../api/maintenance';
import { requireSession } from '../../auth/guard';
import { getSession } from '../../auth/session-store';
import { captureOnSite } from '../../components/site-capture';
import { SyncStatusBar } from '../../components/SyncStatusBar';
import { useAction } from '../../hooks/use-action';
import { offlineDb } from '../../offline/db';
import { createMaintenanceTask, listMaintenanceTasks } from '../../offline/maintenance';
import type { LocalMaintenanceFacility } from '../../offline/maintenance-types';
import { syncNow } from '../../offline/sync-engine';
import '../testing-tasks/testing.css';

/** Above this many content lines the app suggests (never requires) smaller tasks (manual §03 使用说明 1). */
const SUGGEST_SPLIT_LINES = 500;

/** The content lines of the chosen facilities, kept on the phone with the task (recording needs no network). */
export function facilitiesOf(plan: MaintenancePlanView, ids: Set<string>): LocalMaintenanceFacility[] {
  return plan.facilities
    .filter((f) => ids.has(f.facilityId))
    .map((f) => ({
      facilityId: f.facilityId,
      name: f.name,
      systemName: f.systemName,
      categoryName: f.categoryName,
      lines: f.lines.map((l) => ({
        lineId: l.lineId,
        letter: l.letter,
        text: l.text,
        period: l.period,
        prompts: l.prompts,
        conformityStandard: l.conformityStandard,
      })),
    }));
}

const planKey = (a: OperatorMaintenanceAssignment) => a.planId;

/**
 * 接收下发计划 (manual §03 操作员使用维保APP, 使用说明 1–2): the facilities of dispatched maintenance plans, per plan;
 * one, several or all of them become a maintenance task with its 开始申请 (location fix + live photo).
 */
export default function MaintenanceAssignmentsPage() {
  const [items, setItems] = useState<OperatorMaintenanceAssignment[] | null>(null);
  const [planId, setPlanId] = useState<number | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [inTasks, setInTasks] = useState<Set<string>>(new Set());
  const { busy, error, setError, run } = useAction();

  useDidShow(() => {
    if (!requireSession(['operator'])) return;
    const s = getSession()!;
    void offlineDb()
      .then((db) => listMaintenanceTasks(db, String(s.user.id)))
      .then((tasks) =>
        setInTasks(
          new Set(
            tasks
              .filter((t) => t.submit?.submission !== 'submitted' && t.start.state !== 'rejected')
              .flatMap((t) => t.facilities.map((f) => `${t.planId}|${f.facilityId}`)),
          ),
        ),
      );
    myMaintenanceAssignments()
      .then((list) => {
        setItems(list);
        setPlanId((p) => p ?? list[0]?.planId ?? null);
      })
      .catch((e: Error) => setError(`接收计划需要联网：${e.message}`));
  });

  const plans = useMemo(() => {
    const map = new Map<number, { planId: number; label: string; count: number }>();
    for (const a of items ?? []) {
      const p = map.get(planKey(a)) ?? {
        planId: a.planId,
        label: `${a.siteName} ${a.month} ${a.kindLabel}`,
        count: 0,
      };
      p.count++;
      map.set(planKey(a), p);
    }
    return [...map.values()];
  }, [items]);
  const rows = useMemo(() => (items ?? []).filter((a) => a.planId === planId), [items, planId]);
  const free = rows.filter((r) => !inTasks.has(`${r.planId}|${r.facilityId}`));
  const chosen = rows.filter((r) => selected.has(r.facilityId));
  const lineTotal = chosen.reduce((n, r) => n + r.lineCount, 0);
  const allChosen = free.length > 0 && chosen.length === free.length;

  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const start = () =>
    run(async () => {
      const s = getSession();
      const first = chosen[0];
      if (!s || planId === null || !first) throw new Error('请至少选择一个消防设施');
      const plan = await maintenancePlan(planId);
      const facilities = facilitiesOf(plan, new Set(chosen.map((c) => c.facilityId)));
      if (facilities.length !== chosen.length) throw new Error('维保计划已被修改，请刷新后重新选择');
      const site = await captureOnSite();
      if (!site) return;
      await createMaintenanceTask(
        await offlineDb(),
        String(s.user.id),
        {
          projectId: first.projectId,
          siteName: first.siteName,
          planId,
          planLabel: `${first.month} ${first.kindLabel}`,
          facilities,
        },
        site.fields,
        site.photo,
      );
      void syncNow();
      Taro.showToast({ title: '已建立维保任务', icon: 'success' });
      await Taro.redirectTo({ url: '/pages/maintenance-tasks/index' });
    });

  // Rows grouped by system, in the order received.
  const groups: { system: string; rows: OperatorMaintenanceAssignment[] }[] = [];
  for (const r of rows) {
    const last = groups[groups.length - 1];
    if (last?.system === r.systemName) last.rows.push(r);
    else groups.push({ system: r.systemName, rows: [r] });
  }

  return (
    <PageShell className="testing-page">
      <SyncStatusBar />
      {plans.length > 1 && (
        <View className="chips">
          {plans.map((p) => (
            <Tag
              key={p.planId}
              type={p.planId === planId ? 'primary' : 'default'}
              plain={p.planId !== planId}
              onClick={() => {
                setPlanId(p.planId);
                setSelected(new Set());
              }}
            >
              {`${p.label}（${p.count}）`}
            </Tag>
          ))}
        </View>
      )}
      {items && rows.length === 0 && <Empty description="暂无下发给您的维保计划" />}
      {rows.length > 0 && (
        <View className="card">
          <View className="row">
            <Text className="card-title">{`${rows[0]!.siteName} · ${rows[0]!.month} ${rows[0]!.kindLabel}`}</Text>
            <Checkbox
              className="select-all"
              checked={allChosen}
              label="全选"
              onChange={(on) => setSelected(on ? new Set(free.map((r) => r.facilityId)) : new Set())}
            />
          </View>
          <Text className="muted">{rows[0]!.address}</Text>
          {groups.map((g) => (
            <View key={`${g.system}-${g.rows[0]!.id}`} className="building-group">
              <Text className="group-title">{g.system}</Text>
              {g.rows.map((r) => {
                const taken = inTasks.has(`${r.planId}|${r.facilityId}`);
                return (
                  <View key={r.id} className="assignment-row" data-facility={r.facilityId}>
                    <Checkbox
                      checked={selected.has(r.facilityId)}
                      disabled={taken}
                      label={r.facilityName}
                      onChange={(on) => toggle(r.facilityId, on)}
                    />
                    <View className="assignment-meta">
                      <Text className="muted">{`${r.lineCount}项维保内容 · ${r.stateLabel}`}</Text>
                      {taken && <Tag type="warning">已在维保任务中</Tag>}
                    </View>
                  </View>
                );
              })}
            </View>
          ))}
        </View>
      )}
      <View className="bottom-bar">
        <Text className="muted" data-testid="selection-summary">
          {`已选${chosen.length}个设施，${lineTotal}项维保内容`}
        </Text>
        {lineTotal > SUGGEST_SPLIT_LINES && (
          <Text className="warn-text" style={{ display: 'block' }}>
            消防设施较多，建议不要全选，分成多个维保任务，每次提交的数据量较小，提交更快。
          </Text>
        )}
        {error && (
          <Text className="error-text" style={{ display: 'block' }}>
            {error}
          </Text>
        )}
        <Button
          type="primary"
          block
          loading={busy}
          disabled={busy || !chosen.length}
          onClick={() => void start()}
        >
          建立维保任务
        </Button>
        <Text className="muted" style={{ display: 'block', marginTop: '6px' }}>
          将获取当前位置并拍摄现场照片，由项目负责人同意后开始维保。
        </Text>
      </View>
    </PageShell>
  );
}
