import { PageShell } from '../../components/PageShell';
import { PrivacyConsent } from '../../components/PrivacyConsent';
import { Text, View } from '@tarojs/components';
import { Button, Checkbox, Empty, Tag } from '@nutui/nutui-react-taro';
import { useMemo, useState } from 'react';
import type { OperatorTestingAssignment, TestingPlanView } from '@xf/domain/api/testing-plans';
import { myAssignments, projectTestingPlan } from '../../api/testing';
import { GroupChips, StartTaskBar } from '../../components/field-task/AssignmentParts';
import {
  countGroups,
  groupConsecutive,
  useAssignments,
  useSelection,
} from '../../components/field-task/use-assignments';
import { SyncStatusBar } from '../../components/SyncStatusBar';
import type { LocalPlanSingleItem } from '../../offline/db';
import { createTestingTask, listTestingTasks } from '../../offline/testing';
import '../testing-tasks/testing.css';

/** Rows shown at once; more with 加载更多, so a plan of any size opens quickly on a phone. */
const PAGE = 40;
/** Above this many test items the app suggests (never requires) smaller tasks (manual §02 使用说明 2). */
const SUGGEST_SPLIT_ITEMS = 500;

/** The content of the chosen single items, kept on the phone with the task (recording needs no network). */
function contentOf(plan: TestingPlanView, ids: Set<string>): LocalPlanSingleItem[] {
  return plan.buildings.flatMap((b) =>
    b.singleItems
      .filter((s) => ids.has(s.planSingleItemId))
      .map((s) => ({
        planSingleItemId: s.planSingleItemId,
        buildingName: b.buildingName,
        code: s.code,
        name: s.name,
        subItems: s.subItems.map((sub) => ({
          planSubItemId: sub.planSubItemId,
          name: sub.name,
          items: sub.items.map((i) => ({
            planItemId: i.planItemId,
            name: i.name,
            class: i.class,
            method: i.method,
            requirement: i.requirement,
            ...(i.measured ? { measured: i.measured } : {}),
          })),
        })),
      })),
  );
}

/**
 * 接收下发计划 (manual §02 操作员使用检测APP 1–2): the single items assigned to me, per project and building; one,
 * several or all of them become a testing task with its 开始检测申请 (location fix + live photo).
 */
export default function TestingAssignmentsPage() {
  const [projectId, setProjectId] = useState<number | null>(null);
  const [shown, setShown] = useState(PAGE);
  const { selected, toggle, replace } = useSelection();
  const { items, inTasks, start, busy, error } = useAssignments<OperatorTestingAssignment>({
    load: myAssignments,
    inTasks: async (db, accountKey) =>
      (await listTestingTasks(db, accountKey))
        .filter((t) => t.submit?.submission !== 'submitted')
        .flatMap((t) => t.singleItems.map((x) => x.planSingleItemId)),
    onLoaded: (list) => setProjectId((p) => p ?? list[0]?.projectId ?? null),
  });

  const projects = useMemo(
    () =>
      countGroups(
        items ?? [],
        (a) => a.projectId,
        (a) => a.siteName,
      ),
    [items],
  );
  const rows = useMemo(() => (items ?? []).filter((a) => a.projectId === projectId), [items, projectId]);
  const chosen = rows.filter((r) => selected.has(r.planSingleItemId));
  const itemTotal = chosen.reduce((n, r) => n + r.itemCount, 0);
  const allChosen = rows.length > 0 && chosen.length === rows.length;

  const chooseProject = (id: number) => {
    setProjectId(id);
    replace();
    setShown(PAGE);
  };

  const onStart = () =>
    start(
      async () => {
        if (projectId === null || !chosen.length) throw new Error('请至少选择一个检测单项');
        const plan = await projectTestingPlan(projectId);
        const content = contentOf(plan, new Set(chosen.map((c) => c.planSingleItemId)));
        if (content.length !== chosen.length) throw new Error('检测计划已被修改，请刷新后重新选择');
        return { projectId, siteName: chosen[0]!.siteName, singleItems: content };
      },
      (db, accountKey, content, site) => createTestingTask(db, accountKey, content, site.fields, site.photo),
      { toast: '已建立测试任务', url: '/pages/testing-tasks/index' },
    );

  return (
    <PageShell className="testing-page">
      <SyncStatusBar />
      <GroupChips groups={projects} active={projectId} onChoose={chooseProject} />
      {items && rows.length === 0 && <Empty description="暂无下发给您的检测计划" />}
      {rows.length > 0 && (
        <View className="card">
          <View className="row">
            <Text className="card-title">{rows[0]!.siteName}</Text>
            <Checkbox
              className="select-all"
              checked={allChosen}
              label="全选"
              onChange={(on) => replace(on ? rows.map((r) => r.planSingleItemId) : [])}
            />
          </View>
          <Text className="muted">{rows[0]!.address}</Text>
          {groupConsecutive(rows.slice(0, shown), (r) => r.buildingName).map((g) => (
            <View key={`${g.key}-${g.rows[0]!.planSingleItemId}`} className="building-group">
              <Text className="group-title">{g.key}</Text>
              {g.rows.map((r) => (
                <View key={r.planSingleItemId} className="assignment-row" data-id={r.planSingleItemId}>
                  <Checkbox
                    checked={selected.has(r.planSingleItemId)}
                    label={`${r.code} ${r.name}`}
                    onChange={(on) => toggle(r.planSingleItemId, on)}
                  />
                  <View className="assignment-meta">
                    <Text className="muted">{`${r.subItemCount}个子项 · ${r.itemCount}个检测项`}</Text>
                    {r.coOperators.length > 0 && (
                      <Text className="muted">{`同组：${r.coOperators.map((o) => o.displayName).join('、')}`}</Text>
                    )}
                    {inTasks.has(r.planSingleItemId) && <Tag type="warning">已在测试任务中</Tag>}
                  </View>
                </View>
              ))}
            </View>
          ))}
          {rows.length > shown && (
            <Button fill="outline" block onClick={() => setShown((n) => n + PAGE)}>
              {`加载更多（还有${rows.length - shown}个单项）`}
            </Button>
          )}
        </View>
      )}
      <StartTaskBar
        summary={`已选${chosen.length}个单项，${itemTotal}个检测项`}
        splitAdvice={
          itemTotal > SUGGEST_SPLIT_ITEMS
            ? '检测项较多，建议分成多个测试任务，每次提交的数据量较小，提交更快。'
            : null
        }
        error={error}
        busy={busy}
        disabled={!chosen.length}
        label="开始检测申请"
        note="将获取当前位置并拍摄现场照片，由项目负责人同意后开始检测。"
        onStart={() => void onStart()}
      />
      <PrivacyConsent />
    </PageShell>
  );
}
