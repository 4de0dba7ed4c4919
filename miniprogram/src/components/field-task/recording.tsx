import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Button, Empty } from '@nutui/nutui-react-taro';
import { useEffect, useRef, useState } from 'react';
import { requireSession } from '../../auth/guard';
import { getSession } from '../../auth/session-store';
import { offlineDb, type OfflineDb } from '../../offline/db';
import type { FieldTask } from '../../offline/field-task';
import { PageShell } from '../PageShell';

const accountKey = () => String(getSession()!.user.id);

/**
 * The task a record page works on: the one named in the URL, else the one the saved cursor points at (继续记录
 * from the menu); only the signed-in operator's own. `open` receives it with the cursor, when the cursor is about
 * it, to restore the place and read the records. `savePlace` saves every move, so 继续记录 returns there.
 */
export function useRecordingTask<T extends FieldTask, C extends { taskClientId: string }>(options: {
  read: (db: OfflineDb, clientId: string) => Promise<T | undefined>;
  cursor: {
    load: (db: OfflineDb, accountKey: string) => Promise<C | null>;
    save: (db: OfflineDb, accountKey: string, cursor: C) => Promise<void>;
  };
  open: (task: T, cursor: C | null) => Promise<void>;
}) {
  const { params } = useRouter();
  const [task, setTask] = useState<T | null>(null);
  const [missing, setMissing] = useState(false);

  useDidShow(() => {
    if (!requireSession(['operator'])) return;
    void (async () => {
      const db = await offlineDb();
      const cursor = await options.cursor.load(db, accountKey());
      const taskId = params.task ? decodeURIComponent(params.task) : cursor?.taskClientId;
      const t = taskId ? await options.read(db, taskId) : undefined;
      if (!t || t.accountKey !== accountKey()) {
        setMissing(true);
        return;
      }
      setTask(t);
      await options.open(t, cursor && cursor.taskClientId === t.clientId ? cursor : null);
    })();
  });

  const savePlace = (place: Omit<C, 'taskClientId'>) => {
    if (task)
      void offlineDb().then((db) =>
        options.cursor.save(db, accountKey(), { taskClientId: task.clientId, ...place } as C),
      );
  };

  return { task, setTask, missing, savePlace };
}

/** Nothing to continue: no task named and no saved place (or the task is gone from this phone). */
export function NoTaskToContinue({ text, url, label }: { text: string; url: string; label: string }) {
  return (
    <PageShell className="testing-page">
      <Empty description={text} />
      <Button type="primary" block onClick={() => void Taro.redirectTo({ url })}>
        {label}
      </Button>
    </PageShell>
  );
}

/**
 * Object URLs for the blobs (photos, videos) of the records on screen only: a task of 2,000 records does not
 * decode every photo. URLs of blobs no longer shown are revoked.
 */
export function useBlobUrls(ids: string[]): Map<string, string> {
  const [urls, setUrls] = useState<Map<string, string>>(new Map());
  const live = useRef<Map<string, string>>(new Map());
  const key = ids.join('|');
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const db = await offlineDb();
      const next = new Map<string, string>();
      for (const id of key ? key.split('|') : []) {
        const blob = await db.get('photos', id);
        if (blob) next.set(id, live.current.get(id) ?? URL.createObjectURL(blob.blob));
      }
      if (cancelled) return;
      live.current.forEach((u, id) => {
        if (!next.has(id)) URL.revokeObjectURL(u);
      });
      live.current = next;
      setUrls(next);
    })();
    return () => {
      cancelled = true;
    };
  }, [key]);
  useEffect(() => () => live.current.forEach((u) => URL.revokeObjectURL(u)), []);
  return urls;
}

/** Back where the operator was: scrolls once to the element last touched, when it is on screen. */
export function useScrollBack(elementId: string | null, ready: boolean) {
  const scrolled = useRef(false);
  useEffect(() => {
    if (scrolled.current || !elementId || !ready) return;
    scrolled.current = true;
    setTimeout(() => document.getElementById(elementId)?.scrollIntoView({ block: 'center' }), 50);
  }, [elementId, ready]);
}
