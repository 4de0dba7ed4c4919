import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { requireSession } from '../../auth/guard';
import { getSession } from '../../auth/session-store';
import { useAction } from '../../hooks/use-action';
import { offlineDb, type OfflineDb } from '../../offline/db';
import { syncNow } from '../../offline/sync-engine';
import { captureOnSite, type SiteCapture } from '../site-capture';

/** A set of chosen ids with toggle and replace (选择检测单项 / 消防设施). */
export function useSelection() {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const replace = (ids: Iterable<string> = []) => setSelected(new Set(ids));
  return { selected, toggle, replace };
}

/** Rows grouped by a key where consecutive rows share it, in the order received (building, system). */
export function groupConsecutive<R>(rows: R[], keyOf: (r: R) => string): { key: string; rows: R[] }[] {
  const groups: { key: string; rows: R[] }[] = [];
  for (const r of rows) {
    const last = groups[groups.length - 1];
    if (last?.key === keyOf(r)) last.rows.push(r);
    else groups.push({ key: keyOf(r), rows: [r] });
  }
  return groups;
}

/** One chip per group of assignments (project, plan) with its label and how many rows it has. */
export function countGroups<R>(
  rows: R[],
  idOf: (r: R) => number,
  labelOf: (r: R) => string,
): { id: number; label: string; count: number; first: R }[] {
  const map = new Map<number, { id: number; label: string; count: number; first: R }>();
  for (const r of rows) {
    const g = map.get(idOf(r)) ?? { id: idOf(r), label: labelOf(r), count: 0, first: r };
    g.count++;
    map.set(g.id, g);
  }
  return [...map.values()];
}

/**
 * 接收下发计划: what was dispatched to me (needs the network) and the keys already in an open task on this phone,
 * read each time the page is shown; `start` builds a task from the choice with its 开始申请 (a location fix and a
 * live photo), then sends it and opens the task list.
 */
export function useAssignments<A>(options: {
  load: () => Promise<A[]>;
  /** Keys of what is already in a task on this phone. */
  inTasks: (db: OfflineDb, accountKey: string) => Promise<Iterable<string>>;
  onLoaded: (items: A[]) => void;
}) {
  const [items, setItems] = useState<A[] | null>(null);
  const [inTasks, setInTasks] = useState<Set<string>>(new Set());
  const action = useAction();

  useDidShow(() => {
    if (!requireSession(['operator'])) return;
    const accountKey = String(getSession()!.user.id);
    void offlineDb()
      .then((db) => options.inTasks(db, accountKey))
      .then((keys) => setInTasks(new Set(keys)));
    options
      .load()
      .then((list) => {
        setItems(list);
        options.onLoaded(list);
      })
      .catch((e: Error) => action.setError(`接收计划需要联网：${e.message}`));
  });

  /**
   * 建立任务: `prepare` checks the choice and reads the plan's content (needs the network; throws the refusal),
   * then the location fix and live photo, then `create` keeps the task on the phone and queues its 开始申请.
   */
  const start = <C>(
    prepare: () => Promise<C>,
    create: (db: OfflineDb, accountKey: string, content: C, site: SiteCapture) => Promise<unknown>,
    done: { toast: string; url: string },
  ) =>
    action.run(async () => {
      const s = getSession();
      if (!s) return;
      const content = await prepare();
      const site = await captureOnSite();
      if (!site) return;
      await create(await offlineDb(), String(s.user.id), content, site);
      void syncNow();
      Taro.showToast({ title: done.toast, icon: 'success' });
      await Taro.redirectTo({ url: done.url });
    });

  return { items, inTasks, start, ...action };
}
