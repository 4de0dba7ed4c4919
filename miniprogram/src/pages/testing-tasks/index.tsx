import { PageShell } from '../../components/PageShell';
import { PrivacyConsent } from '../../components/PrivacyConsent';
import { Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { Button, Empty, Progress, Tag } from '@nutui/nutui-react-taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { myTestingTasks } from '../../api/testing';
import { requireSession } from '../../auth/guard';
import { getSession } from '../../auth/session-store';
import { captureOnSite } from '../../components/site-capture';
import { SyncStatusBar } from '../../components/SyncStatusBar';
import { useAction } from '../../hooks/use-action';
import { offlineDb, type LocalTestingTask, type OutboxEntry, type RequestState } from '../../offline/db';
import { isOnline, syncNow } from '../../offline/sync-engine';
import { onSyncStatus } from '../../offline/sync-status';
import {
  applyServerTasks,
  discardTestingTask,
  listTestingTasks,
  REQUEST_STATE_LABELS,
  requestStartAgain,
  requestSubmission,
  taskOutbox,
  taskProgress,
  type TaskProgress,
} from '../../offline/testing';
import './testing.css';

/** While a request waits for the lead, the list asks the server this often (only while the page is shown). */
const POLL_MS = 10_000;

interface Row {
  task: LocalTestingTask;
  progress: TaskProgress;
  outbox: OutboxEntry[];
}

const TAG_TYPE: Record<RequestState, 'default' | 'warning' | 'success' | 'danger'> = {
  queued: 'default',
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
};

function submissionText(task: LocalTestingTask, progress: TaskProgress): string | null {
  const s = task.submit;
  if (!s) return null;
  if (s.submission === 'submitted') return `检测结果已提交（${progress.recorded}条记录）`;
  if (s.submission === 'queued')
    return `正在上传：照片${progress.uploadedPhotos}/${progress.photos}张，随后提交${progress.recorded}条记录`;
  return `提交申请${REQUEST_STATE_LABELS[s.request.state]}${s.request.reason ? `：${s.request.reason}` : ''}`;
}

/**
 * 待开始 / 测试任务: every task on this phone with its 开始申请 (待同意/已同意/已拒绝 and why), what was recorded, and
 * 提交检测结果申请 → the lead's consent → photos → records, with what still waits to upload.
 */
export default function TestingTasksPage() {
  const [rows, setRows] = useState<Row[] | null>(null);
  const { busy, error, run } = useAction();
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  const reload = useCallback(async () => {
    const s = getSession();
    if (!s) return;
    const db = await offlineDb();
    const tasks = await listTestingTasks(db, String(s.user.id));
    const next: Row[] = [];
    for (const task of tasks)
      next.push({ task, progress: await taskProgress(db, task), outbox: await taskOutbox(db, task) });
    setRows(next);
  }, []);

  const pull = useCallback(async () => {
    const s = getSession();
    if (!s || !isOnline()) return;
    try {
      const server = await myTestingTasks();
      await applyServerTasks(await offlineDb(), String(s.user.id), server);
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

  const again = (task: LocalTestingTask) =>
    run(async () => {
      const site = await captureOnSite();
      if (!site) return;
      await requestStartAgain(await offlineDb(), task, site.fields, site.photo);
      void syncNow();
      await reload();
    });

  const submit = (row: Row) =>
    run(async () => {
      if (!isOnline()) throw new Error('提交检测结果需要联网，请到有网络的地方再提交');
      const missing = row.progress.expected - row.progress.recorded;
      if (missing > 0) {
        const { confirm } = await Taro.showModal({
          title: '提交检测结果申请',
          content: `还有${missing}个检测项（按位置计）未记录，确定只提交已记录的${row.progress.recorded}条吗？`,
        });
        if (!confirm) return;
      }
      const site = await captureOnSite();
      if (!site) return;
      await requestSubmission(await offlineDb(), row.task, site.fields, site.photo);
      void syncNow();
      await reload();
    });

  const discard = async (task: LocalTestingTask) => {
    const { confirm } = await Taro.showModal({
      title: '删除本机测试任务',
      content: '该任务及其在本机的记录和照片将被删除，无法恢复，确定删除吗？',
    });
    if (!confirm) return;
    await discardTestingTask(await offlineDb(), task);
    await reload();
  };

  const record = (task: LocalTestingTask) =>
    void Taro.navigateTo({ url: `/pages/testing-record/index?task=${encodeURIComponent(task.clientId)}` });

  return (
    <PageShell className="testing-page">
      <SyncStatusBar />
      <Button
        type="primary"
        block
        onClick={() => void Taro.navigateTo({ url: '/pages/testing-assignments/index' })}
      >
        接收下发计划
      </Button>
      {error && (
        <Text className="error-text" style={{ display: 'block', marginTop: '12px' }}>
          {error}
        </Text>
      )}
      {rows && rows.length === 0 && <Empty description="暂无测试任务，请先在“接收下发计划”中选择检测单项" />}
      {rows?.map(({ task, progress, outbox }) => {
        const submitted = task.submit?.submission === 'submitted';
        const canSubmit =
          task.start.state === 'approved' && (!task.submit || task.submit.request.state === 'rejected');
        const sending = outbox.filter((e) => e.state !== 'rejected');
        const refused = outbox.filter((e) => e.state === 'rejected');
        const subText = submissionText(task, progress);
        const itemCount = task.singleItems.reduce(
          (n, s) => n + s.subItems.reduce((m, sub) => m + sub.items.length, 0),
          0,
        );
        return (
          <View className="card task-card" key={task.clientId} data-task={task.clientId}>
            <View className="row">
              <Text className="card-title">{task.siteName}</Text>
              <Tag
                type={TAG_TYPE[task.start.state]}
              >{`开始申请${REQUEST_STATE_LABELS[task.start.state]}`}</Tag>
            </View>
            <Text className="muted" style={{ display: 'block' }}>
              {task.singleItems.map((s) => `${s.buildingName} ${s.code} ${s.name}`).join('；')}
            </Text>
            <Text className="muted" style={{ display: 'block' }}>
              {`${task.singleItems.length}个单项，${itemCount}个检测项；已记录${progress.recorded}/${progress.expected}（按位置计）`}
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
              <Text className="muted" style={{ display: 'block' }}>
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
                  现场记录
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
                  提交检测结果申请
                </Button>
              )}
              {(task.start.state === 'rejected' || (!task.serverId && refused.length > 0)) && (
                <Button size="small" fill="none" onClick={() => void discard(task)}>
                  删除
                </Button>
              )}
            </View>
          </View>
        );
      })}
      <PrivacyConsent />
    </PageShell>
  );
}
