import { PageShell } from '../../components/PageShell';
import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { Button, Empty, Segmented, Tag, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { FaultTaskView } from '@xf/domain/api/maintenance-faults';
import { myFaultTasks } from '../../api/maintenance';
import { requireSession } from '../../auth/guard';
import { getSession } from '../../auth/session-store';
import { SyncStatusBar } from '../../components/SyncStatusBar';
import { useAction } from '../../hooks/use-action';
import { offlineDb } from '../../offline/db';
import { queueFaultTaskResult, queuedFaultResults } from '../../offline/maintenance';
import { syncNow } from '../../offline/sync-engine';
import '../testing-tasks/testing.css';

const beijing = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—';

/**
 * 排查维修 (manual §03 APP提交排查和维修任务): the troubleshooting and repair tasks the lead dispatched to me; 解决
 * closes the fault (it then leaves later monthly reports), 未解决 records what was done. The result goes through the
 * outbox under its own key, so it is kept when the network is gone and sent once.
 */
export default function MaintenanceFaultsPage() {
  const [open, setOpen] = useState(true);
  const [items, setItems] = useState<FaultTaskView[] | null>(null);
  const [notes, setNotes] = useState<Record<number, string>>({});
  const [queued, setQueued] = useState<Set<number>>(new Set());
  const { busy, error, setError, run } = useAction();

  const load = async (onlyOpen = open) => {
    setError('');
    const s = getSession();
    if (s) setQueued(await queuedFaultResults(await offlineDb(), String(s.user.id)));
    try {
      const list = await myFaultTasks();
      setItems(list.filter((t) => (t.status === 'assigned') === onlyOpen));
    } catch (e) {
      setError(`读取排查维修任务需要联网：${(e as Error).message}`);
    }
  };

  useDidShow(() => {
    if (requireSession(['operator'])) void load();
  });

  const complete = (t: FaultTaskView, result: 'resolved' | 'unresolved') =>
    run(async () => {
      const s = getSession();
      if (!s) return;
      const note = (notes[t.id] ?? '').trim();
      if (result === 'unresolved' && !note) throw new Error('未解决时请填写说明');
      await queueFaultTaskResult(await offlineDb(), String(s.user.id), t.id, { result, note });
      await syncNow();
      await load();
    });

  return (
    <PageShell className="testing-page">
      <SyncStatusBar />
      <Segmented
        value={open ? 'open' : 'done'}
        onChange={(v) => {
          setOpen(v === 'open');
          void load(v === 'open');
        }}
        options={[
          { label: '待处理', value: 'open' },
          { label: '已完成', value: 'done' },
        ]}
      />
      {error && (
        <Text className="error-text" style={{ display: 'block', marginTop: '12px' }}>
          {error}
        </Text>
      )}
      {items && items.length === 0 && (
        <Empty description={open ? '暂无待处理的排查维修任务' : '暂无已完成的排查维修任务'} />
      )}
      {items?.map((t) => (
        <View className="card task-card fault-task" key={t.id} data-fault-task={t.id}>
          <View className="row">
            <Text className="card-title">{`${t.kindLabel} · ${t.siteName}`}</Text>
            <Tag type={t.status === 'resolved' ? 'success' : t.status === 'assigned' ? 'warning' : 'danger'}>
              {queued.has(t.id) ? '待上传' : t.statusLabel}
            </Tag>
          </View>
          <Text style={{ display: 'block' }}>
            {`${t.systemName}：${t.facilityName}（${t.facilityIndex}）${t.facilityLocation ? ` ${t.facilityLocation}` : ''}—${t.lineText}`}
          </Text>
          <Text className="error-text" style={{ display: 'block' }}>
            {`故障：${t.description}`}
          </Text>
          {t.note && (
            <Text className="muted" style={{ display: 'block' }}>
              {`项目负责人说明：${t.note}`}
            </Text>
          )}
          <Text className="muted" style={{ display: 'block' }}>
            {`${t.dispatchedBy.displayName}下发于${beijing(t.dispatchedAt)}`}
          </Text>
          {t.status !== 'assigned' && t.resultNote && (
            <Text className="muted" style={{ display: 'block' }}>{`处理说明：${t.resultNote}`}</Text>
          )}
          {t.status === 'assigned' && !queued.has(t.id) && (
            <>
              <TextArea
                className="fault-note"
                value={notes[t.id] ?? ''}
                maxLength={500}
                placeholder="排查或维修说明（未解决时必填）"
                onChange={(v) => setNotes((n) => ({ ...n, [t.id]: v }))}
              />
              <View className="actions">
                <Button
                  size="small"
                  type="primary"
                  disabled={busy}
                  onClick={() => void complete(t, 'resolved')}
                >
                  解决
                </Button>
                <Button size="small" disabled={busy} onClick={() => void complete(t, 'unresolved')}>
                  未解决
                </Button>
              </View>
            </>
          )}
        </View>
      ))}
    </PageShell>
  );
}
