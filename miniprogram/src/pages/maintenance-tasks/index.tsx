import { PageShell } from '../../components/PageShell';
import { Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { Button, Empty, Progress, Tag } from '@nutui/nutui-react-taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { deleteServerMaintenanceTask, myMaintenanceTasks } from '../../api/maintenance';
import { requireSession } from '../../auth/guard';
import { getSession } from '../../auth/session-store';
import { captureOnSite } from '../../components/site-capture';
import { SyncStatusBar } from '../../components/SyncStatusBar';
import { useAction } from '../../hooks/use-action';
import { offlineDb, type OutboxEntry, type RequestState } from '../../offline/db';
import { REQUEST_STATE_LABELS } from '../../offline/field-task';
import {
  applyServerMaintenanceTasks,
  discardMaintenanceTask,
  listMaintenanceTasks,
  maintenanceProgress,
  maintenanceTaskOutbox,
  requestMaintenanceStartAgain,
  requestMaintenanceSubmission,
  resubmitCorrection,
  type MaintenanceProgress,
} from '../../offline/maintenance';
import type { LocalMaintenanceTask } from '../../offline/maintenance-types';
import { isOnline, syncNow } from '../../offline/sync-engine';
import { onSyncStatus } from '../../offline/sync-status';
import '../testing-tasks/testing.css';

/** While a request waits for the lead, the list asks the server this often (only while the page is shown). */
const POLL_MS = 10_000;

interface Row {
  task: LocalMaintenanceTask;
  progress: MaintenanceProgress;
  outbox: OutboxEntry[];
}

const TAG_TYPE: Record<RequestState, 'default' | 'warning' | 'success' | 'danger'> = {
  queued: 'default',
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
};

function submissionText(task: LocalMaintenanceTask, progress: MaintenanceProgress): string | null {
  const s = task.submit;
  if (!s) return null;
  if (s.submission === 'submitted')
    return `${task.correction ? '修改后的' : ''}维保结果已提交（${progress.recorded}条记录）`;
  if (s.submission === 'queued')
    return `正在上传：照片${progress.uploadedPhotos}/${progress.photos}张，随后提交${progress.recorded}条记录`;
  return `提交申请${REQUEST_STATE_LABELS[s.request.state]}${s.request.reason ? `：${s.request.reason}` : ''}`;
}

/**
 * 待开始工作 (manual §03 使用说明 2–4): every maintenance task on this phone with its 开始申请 (待同意/已同意/已拒绝
 * and why, 重新申请 after a refusal), what was recorded, and 提交维保结果申请 → the lead's consent → photos → all
 * records at once, with what still waits to upload. A corrected task (查询历史记录 → 修改) is submitted again here.
 */
export default function MaintenanceTasksPage() {
  const [rows, setRows] = useState<Row[] | null>(null);
  const { busy, error, run } = useAction();
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  const reload = useCallback(async () => {
    const s = getSession();
    if (!s) return;
    const db = await offlineDb();
    const tasks = await listMaintenanceTasks(db, String(s.user.id));
    const next: Row[] = [];
    for (const task of tasks)
      next.push({
        task,
        progress: await maintenanceProgress(db, task),
        outbox: await maintenanceTaskOutbox(db, task),
      });
    setRows(next);
  }, []);

  const pull = useCallback(async () => {
    const s = getSession();
    if (!s || !isOnline()) return;
    try {
      await applyServerMaintenanceTasks(await offlineDb(), String(s.user.id), await myMaintenanceTasks());
      void syncNow();
    } catch {
      /* offline or the server is unreachable: the phone's state stays */
    }
    await reload();
  }, [reload]);

  useDidShow(() => {
    if (!requireSession(['operator'])) return;
    void reload().then(pull);
    timer.current ??= setInterval(() => void pull(), POLL_MS);
  });
  useDidHide(() => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
  });
  useEffect(
    () => () => {
      if (timer.current) clearInterval(timer.current);
    },
    [],
  );
  useEffect(() => onSyncStatus(() => void reload()), [reload]);

  const again = (task: LocalMaintenanceTask) =>
    run(async () => {
      const site = await captureOnSite();
      if (!site) return;
      await requestMaintenanceStartAgain(await offlineDb(), task, site.fields, site.photo);
      void syncNow();
      await reload();
    });

  const submit = (row: Row) =>
    run(async () => {
      if (!isOnline()) throw new Error('提交维保结果需要联网，请到有网络的地方再提交');
      const db = await offlineDb();
      if (row.task.correction) {
        await resubmitCorrection(db, row.task);
      } else {
        const site = await captureOnSite();
        if (!site) return;
        await requestMaintenanceSubmission(db, row.task, site.fields, site.photo);
      }
      void syncNow();
      await reload();
    });

  const discard = (task: LocalMaintenanceTask) =>
    run(async () => {
      const { confirm } = await Taro.showModal({
        title: '删除维保任务',
        content: '该任务及其在本机的记录和照片将被删除，无法恢复，确定删除吗？',
      });
      if (!confirm) return;
      // A task the server has (not yet submitted) is deleted there first, so the lead can remove the dispatch.
      if (task.serverId && !task.correction && task.start.state !== 'rejected')
        await deleteServerMaintenanceTask(task.serverId);
      await discardMaintenanceTask(await offlineDb(), task);
      await reload();
    });

  const record = (task: LocalMaintenanceTask) =>
    void Taro.navigateTo({
      url: `/pages/maintenance-record/index?task=${encodeURIComponent(task.clientId)}`,
    });

  return (
    <PageShell className="testing-page">
      <SyncStatusBar />
      <Button
        type="primary"
        block
        onClick={() => void Taro.navigateTo({ url: '/pages/maintenance-assignments/index' })}
      >
        接收下发计划
      </Button>
      {error && (
        <Text className="error-text" style={{ display: 'block', marginTop: '12px' }}>
          {error}
        </Text>
      )}
      {rows && rows.length === 0 && <Empty description="暂无维保任务，请先在“接收下发计划”中选择消防设施" />}
      {rows?.map(({ task, progress, outbox }) => {
        const submitted = task.submit?.submission === 'submitted';
        const canSubmit =
          task.start.state === 'approved' &&
          (task.correction ? !task.submit : !task.submit || task.submit.request.state === 'rejected');
        const sending = outbox.filter((e) => e.state !== 'rejected');
        const refused = outbox.filter((e) => e.state === 'rejected');
        const subText = submissionText(task, progress);
        return (
          <View className="card task-card" key={task.clientId} data-task={task.clientId}>
            <View className="row">
              <Text className="card-title">{`${task.siteName} · ${task.planLabel}`}</Text>
              {task.correction ? (
                <Tag type="danger">审核不通过，修改中</Tag>
              ) : (
                <Tag
                  type={TAG_TYPE[task.start.state]}
                >{`开始申请${REQUEST_STATE_LABELS[task.start.state]}`}</Tag>
              )}
            </View>
            <Text className="muted" style={{ display: 'block' }}>
              {task.facilities.map((f) => f.name).join('、')}
            </Text>
            <Text className="muted" style={{ display: 'block' }} data-testid="task-progress">
              {`已记录${progress.recorded}/${progress.expected}项维保内容${progress.nonconforming ? `，不符合${progress.nonconforming}项` : ''}`}
            </Text>
            {task.start.state === 'rejected' && (
              <Text className="error-text" style={{ display: 'block' }}>
                {`拒绝原因：${task.start.reason || '未说明'}`}
              </Text>
            )}
            {progress.problems.length > 0 && !submitted && (
              <Text className="warn-text" style={{ display: 'block' }}>
                {`${progress.problems.length}条记录未完成：${progress.problems[0]!.message}`}
              </Text>
            )}
            {subText && (
              <Text
                className={task.submit?.request.state === 'rejected' ? 'error-text' : 'muted'}
                style={{ display: 'block' }}
                data-testid="submission-state"
              >
                {subText}
              </Text>
            )}
            {task.submit?.submission === 'queued' && progress.photos > 0 && (
              <Progress percent={Math.round((progress.uploadedPhotos / progress.photos) * 100)} showText />
            )}
            {sending.length > 0 && (
              <Text className="muted" style={{ display: 'block' }} data-testid="waiting-upload">
                {`待上传${sending.length}项${sending[0]!.lastError ? `：${sending[0]!.lastError}` : ''}`}
              </Text>
            )}
            {(refused.length > 0 || task.submit?.error) && (
              <Text className="error-text" style={{ display: 'block' }}>
                {`服务器退回：${refused[0]?.lastError ?? task.submit?.error ?? ''}`}
              </Text>
            )}
            <View className="actions">
              {!submitted && (
                <Button size="small" type="primary" fill="outline" onClick={() => record(task)}>
                  {progress.recorded ? '继续记录' : '开始记录'}
                </Button>
              )}
              {task.start.state === 'rejected' && (
                <Button size="small" type="primary" disabled={busy} onClick={() => void again(task)}>
                  重新申请
                </Button>
              )}
              {canSubmit && !submitted && (
                <Button
                  size="small"
                  type="primary"
                  disabled={busy}
                  onClick={() => void submit({ task, progress, outbox })}
                >
                  {task.correction ? '重新提交' : '提交维保结果申请'}
                </Button>
              )}
              {!task.submit && (
                <Button size="small" fill="none" disabled={busy} onClick={() => void discard(task)}>
                  删除
                </Button>
              )}
            </View>
          </View>
        );
      })}
    </PageShell>
  );
}
