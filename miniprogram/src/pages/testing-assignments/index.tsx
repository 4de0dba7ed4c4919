import { PageShell } from '../../components/PageShell';
import { PrivacyConsent } from '../../components/PrivacyConsent';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Checkbox, Empty, Tag } from '@nutui/nutui-react-taro';
import { useMemo, useState } from 'react';
import type { OperatorTestingAssignment, TestingPlanView } from '@xf/domain/api/testing-plans';
import { myAssignments, projectTestingPlan } from '../../api/testing';
import { requireSession } from '../../auth/guard';
import { getSession } from '../../auth/session-store';
import { captureOnSite } from '../../components/site-capture';
import { SyncStatusBar } from '../../components/SyncStatusBar';
import { useAction } from '../../hooks/use-action';
import { offlineDb, type LocalPlanSingleItem } from '../../offline/db';
import { syncNow } from '../../offline/sync-engine';
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
  const [items, setItems] = useState<OperatorTestingAssignment[] | null>(null);
  const [projectId, setProjectId] = useState<number | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [shown, setShown] = useState(PAGE);
  const [inTasks, setInTasks] = useState<Set<string>>(new Set());
  const { busy, error, setError, run } = useAction();

  useDidShow(() => {
    if (!requireSession(['operator'])) return;
    const s = getSession()!;
    void offlineDb()
      .then((db) => listTestingTasks(db, String(s.user.id)))
      .then((tasks) =>
        setInTasks(
          new Set(
            tasks
              .filter((t) => t.submit?.submission !== 'submitted')
              .flatMap((t) => t.singleItems.map((x) => x.planSingleItemId)),
          ),
        ),
      );
    myAssignments()
      .then((list) => {
        setItems(list);
        setProjectId((p) => p ?? list[0]?.projectId ?? null);
      })
      .catch((e: Error) => setError(`接收计划需要联网：${e.message}`));
  });

  const projects = useMemo(() => {
    const map = new Map<number, { projectId: number; siteName: string; address: string; count: number }>();
    for (const a of items ?? []) {
      const p = map.get(a.projectId) ?? {
        projectId: a.projectId,
        siteName: a.siteName,
        address: a.address,
        count: 0,
      };
      p.count++;
      map.set(a.projectId, p);
    }
    return [...map.values()];
  }, [items]);
  const rows = useMemo(() => (items ?? []).filter((a) => a.projectId === projectId), [items, projectId]);
  const visible = rows.slice(0, shown);
  const chosen = rows.filter((r) => selected.has(r.planSingleItemId));
  const itemTotal = chosen.reduce((n, r) => n + r.itemCount, 0);
  const allChosen = rows.length > 0 && chosen.length === rows.length;

  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const chooseProject = (id: number) => {
    setProjectId(id);
    setSelected(new Set());
    setShown(PAGE);
  };

  const start = () =>
    run(async () => {
      const s = getSession();
      if (!s || projectId === null) return;
      if (!chosen.length) throw new Error('请至少选择一个检测单项');
      const plan = await projectTestingPlan(projectId);
      const content = contentOf(plan, new Set(chosen.map((c) => c.planSingleItemId)));
      if (content.length !== chosen.length) throw new Error('检测计划已被修改，请刷新后重新选择');
      const site = await captureOnSite();
      if (!site) return;
      await createTestingTask(
        await offlineDb(),
        String(s.user.id),
        { projectId, siteName: chosen[0]!.siteName, singleItems: content },
        site.fields,
        site.photo,
      );
      void syncNow();
      Taro.showToast({ title: '已建立测试任务', icon: 'success' });
      await Taro.redirectTo({ url: '/pages/testing-tasks/index' });
    });

  // Rows grouped by building, in the order received.
  const groups: { building: string; rows: OperatorTestingAssignment[] }[] = [];
  for (const r of visible) {
    const last = groups[groups.length - 1];
    if (last?.building === r.buildingName) last.rows.push(r);
    else groups.push({ building: r.buildingName, rows: [r] });
  }

  return (
    <PageShell className="testing-page">
      <SyncStatusBar />
      {projects.length > 1 && (
        <View className="chips">
          {projects.map((p) => (
            <Tag
              key={p.projectId}
              type={p.projectId === projectId ? 'primary' : 'default'}
              plain={p.projectId !== projectId}
              onClick={() => chooseProject(p.projectId)}
            >
              {`${p.siteName}（${p.count}）`}
            </Tag>
          ))}
        </View>
      )}
      {items && rows.length === 0 && <Empty description="暂无下发给您的检测计划" />}
      {rows.length > 0 && (
        <View className="card">
          <View className="row">
            <Text className="card-title">{rows[0]!.siteName}</Text>
            <Checkbox
              className="select-all"
              checked={allChosen}
              label="全选"
              onChange={(on) => setSelected(on ? new Set(rows.map((r) => r.planSingleItemId)) : new Set())}
            />
          </View>
          <Text className="muted">{rows[0]!.address}</Text>
          {groups.map((g) => (
            <View key={`${g.building}-${g.rows[0]!.planSingleItemId}`} className="building-group">
              <Text className="group-title">{g.building}</Text>
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
      <View className="bottom-bar">
        <Text className="muted" data-testid="selection-summary">
          {`已选${chosen.length}个单项，${itemTotal}个检测项`}
        </Text>
        {itemTotal > SUGGEST_SPLIT_ITEMS && (
          <Text className="warn-text" style={{ display: 'block' }}>
            检测项较多，建议分成多个测试任务，每次提交的数据量较小，提交更快。
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
          开始检测申请
        </Button>
        <Text className="muted" style={{ display: 'block', marginTop: '6px' }}>
          将获取当前位置并拍摄现场照片，由项目负责人同意后开始检测。
        </Text>
      </View>
      <PrivacyConsent />
    </PageShell>
  );
}
