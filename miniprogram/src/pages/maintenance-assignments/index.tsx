import { PageShell } from '../../components/PageShell';
import { Text, View } from '@tarojs/components';
import { Checkbox, Empty, Tag } from '@nutui/nutui-react-taro';
import { useMemo, useState } from 'react';
import type { OperatorMaintenanceAssignment } from '@xf/domain/api/maintenance-plans';
import { myMaintenanceAssignments, maintenancePlan } from '../../api/maintenance';
import { GroupChips, StartTaskBar } from '../../components/field-task/AssignmentParts';
import {
  countGroups,
  groupConsecutive,
  useAssignments,
  useSelection,
} from '../../components/field-task/use-assignments';
import { SyncStatusBar } from '../../components/SyncStatusBar';
import { createMaintenanceTask, facilitiesOf, listMaintenanceTasks } from '../../offline/maintenance';
import '../testing-tasks/testing.css';

/** Above this many content lines the app suggests (never requires) smaller tasks (manual §03 使用说明 1). */
const SUGGEST_SPLIT_LINES = 500;

/** A facility of a plan: one in an open task on this phone is not offered again. */
const takenKey = (planId: number, facilityId: string) => `${planId}|${facilityId}`;

/**
 * 接收下发计划 (manual §03 操作员使用维保APP, 使用说明 1–2): the facilities of dispatched maintenance plans, per plan;
 * one, several or all of them become a maintenance task with its 开始申请 (location fix + live photo).
 */
export default function MaintenanceAssignmentsPage() {
  const [planId, setPlanId] = useState<number | null>(null);
  const { selected, toggle, replace } = useSelection();
  const { items, inTasks, start, busy, error } = useAssignments<OperatorMaintenanceAssignment>({
    load: myMaintenanceAssignments,
    inTasks: async (db, accountKey) =>
      (await listMaintenanceTasks(db, accountKey))
        .filter((t) => t.submit?.submission !== 'submitted' && t.start.state !== 'rejected')
        .flatMap((t) => t.facilities.map((f) => takenKey(t.planId, f.facilityId))),
    onLoaded: (list) => setPlanId((p) => p ?? list[0]?.planId ?? null),
  });

  const plans = useMemo(
    () =>
      countGroups(
        items ?? [],
        (a) => a.planId,
        (a) => `${a.siteName} ${a.month} ${a.kindLabel}`,
      ),
    [items],
  );
  const rows = useMemo(() => (items ?? []).filter((a) => a.planId === planId), [items, planId]);
  const free = rows.filter((r) => !inTasks.has(takenKey(r.planId, r.facilityId)));
  const chosen = rows.filter((r) => selected.has(r.facilityId));
  const lineTotal = chosen.reduce((n, r) => n + r.lineCount, 0);
  const allChosen = free.length > 0 && chosen.length === free.length;

  const onStart = () =>
    start(
      async () => {
        const first = chosen[0];
        if (planId === null || !first) throw new Error('请至少选择一个消防设施');
        const plan = await maintenancePlan(planId);
        const facilities = facilitiesOf(plan, new Set(chosen.map((c) => c.facilityId)));
        if (facilities.length !== chosen.length) throw new Error('维保计划已被修改，请刷新后重新选择');
        return {
          projectId: first.projectId,
          siteName: first.siteName,
          planId,
          planLabel: `${first.month} ${first.kindLabel}`,
          facilities,
        };
      },
      (db, accountKey, content, site) =>
        createMaintenanceTask(db, accountKey, content, site.fields, site.photo),
      { toast: '已建立维保任务', url: '/pages/maintenance-tasks/index' },
    );

  return (
    <PageShell className="testing-page">
      <SyncStatusBar />
      <GroupChips
        groups={plans}
        active={planId}
        onChoose={(id) => {
          setPlanId(id);
          replace();
        }}
      />
      {items && rows.length === 0 && <Empty description="暂无下发给您的维保计划" />}
      {rows.length > 0 && (
        <View className="card">
          <View className="row">
            <Text className="card-title">{`${rows[0]!.siteName} · ${rows[0]!.month} ${rows[0]!.kindLabel}`}</Text>
            <Checkbox
              className="select-all"
              checked={allChosen}
              label="全选"
              onChange={(on) => replace(on ? free.map((r) => r.facilityId) : [])}
            />
          </View>
          <Text className="muted">{rows[0]!.address}</Text>
          {groupConsecutive(rows, (r) => r.systemName).map((g) => (
            <View key={`${g.key}-${g.rows[0]!.id}`} className="building-group">
              <Text className="group-title">{g.key}</Text>
              {g.rows.map((r) => {
                const taken = inTasks.has(takenKey(r.planId, r.facilityId));
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
      <StartTaskBar
        summary={`已选${chosen.length}个设施，${lineTotal}项维保内容`}
        splitAdvice={
          lineTotal > SUGGEST_SPLIT_LINES
            ? '消防设施较多，建议不要全选，分成多个维保任务，每次提交的数据量较小，提交更快。'
            : null
        }
        error={error}
        busy={busy}
        disabled={!chosen.length}
        label="建立维保任务"
        note="将获取当前位置并拍摄现场照片，由项目负责人同意后开始维保。"
        onStart={() => void onStart()}
      />
    </PageShell>
  );
}
