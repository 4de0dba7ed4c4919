import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { requireSession } from '../../auth/guard';
import { getSession } from '../../auth/session-store';
import { useAction } from '../../hooks/use-action';
import { offlineDb, type OfflineDb, type OutboxEntry } from '../../offline/db';
import type { FieldTask } from '../../offline/field-task';
import { isOnline, syncNow } from '../../offline/sync-engine';
import { onSyncStatus } from '../../offline/sync-status';
import { captureOnSite, type SiteCapture } from '../site-capture';

/** While a request waits for the lead, the list asks the server this often (only while the page is shown). */
const POLL_MS = 10_000;

/** What a task card shows of the records, the same for 检测 and 维保. */
export interface FieldTaskProgress {
  expected: number;
  recorded: number;
  problems: { message: string }[];
  photos: number;
  uploadedPhotos: number;
}

export interface FieldTaskRow<T extends FieldTask, P extends FieldTaskProgress> {
  task: T;
  progress: P;
  outbox: OutboxEntry[];
}

/** Where a task list reads from; a module-level constant per page (the hook's callbacks depend on it). */
export interface FieldTaskSource<T extends FieldTask, P extends FieldTaskProgress> {
  list(db: OfflineDb, accountKey: string): Promise<T[]>;
  progress(db: OfflineDb, task: T): Promise<P>;
  outbox(db: OfflineDb, task: T): Promise<OutboxEntry[]>;
  /** Reads the server's task list and joins it to the phone's (needs the network). */
  pull(db: OfflineDb, accountKey: string): Promise<void>;
}

/**
 * The operator's task list (测试任务 / 待开始工作): every task on this phone with its progress and what waits in the
 * outbox, refreshed from the server when shown and every 10 s while shown, and after every sync. `onSite` runs an
 * action that needs a location fix and a live photo (重新申请, 提交申请), then syncs and reloads.
 */
export function useFieldTaskRows<T extends FieldTask, P extends FieldTaskProgress>(
  source: FieldTaskSource<T, P>,
) {
  const [rows, setRows] = useState<FieldTaskRow<T, P>[] | null>(null);
  const action = useAction();
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  const reload = useCallback(async () => {
    const s = getSession();
    if (!s) return;
    const db = await offlineDb();
    const next: FieldTaskRow<T, P>[] = [];
    for (const task of await source.list(db, String(s.user.id)))
      next.push({ task, progress: await source.progress(db, task), outbox: await source.outbox(db, task) });
    setRows(next);
  }, [source]);

  const pull = useCallback(async () => {
    const s = getSession();
    if (!s || !isOnline()) return;
    try {
      await source.pull(await offlineDb(), String(s.user.id));
      void syncNow();
    } catch {
      /* offline or the server is unreachable: the phone's state stays */
    }
    await reload();
  }, [reload, source]);

  const stopPolling = useCallback(() => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
  }, []);
  useDidShow(() => {
    if (!requireSession(['operator'])) return;
    void reload().then(pull);
    timer.current ??= setInterval(() => void pull(), POLL_MS);
  });
  useDidHide(stopPolling);
  useEffect(() => stopPolling, [stopPolling]);
  useEffect(() => onSyncStatus(() => void reload()), [reload]);

  /**
   * 重新申请 / 提交申请: a location fix and a live photo, then `act`, then send and reload (nothing happens when the
   * camera was cancelled). `atSite` for use inside an action; `onSite` is the page's action itself.
   */
  const atSite = async (act: (db: OfflineDb, site: SiteCapture) => Promise<unknown>) => {
    const site = await captureOnSite();
    if (!site) return;
    await act(await offlineDb(), site);
    void syncNow();
    await reload();
  };
  const onSite = (act: (db: OfflineDb, site: SiteCapture) => Promise<unknown>) =>
    action.run(() => atSite(act));

  /** 删除: the task with its records and photos leaves this phone, once the operator confirmed. */
  const discard = (title: string, remove: (db: OfflineDb) => Promise<void>) =>
    action.run(async () => {
      const { confirm } = await Taro.showModal({
        title,
        content: '该任务及其在本机的记录和照片将被删除，无法恢复，确定删除吗？',
      });
      if (!confirm) return;
      await remove(await offlineDb());
      await reload();
    });

  return { rows, reload, atSite, onSite, discard, ...action };
}
