import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Empty, Tag } from '@nutui/nutui-react-taro';
import { useCallback, useEffect, useState } from 'react';
import { API_BASE } from '../../api/base-url';
import { request } from '../../api/http';
import type { Page } from '@xf/domain/api/common';
import type { WorkLogView as ServerWorkLog } from '@xf/domain/api/work-logs';
import { requireSession } from '../../auth/guard';
import { getSession } from '../../auth/session-store';
import { SyncStatusBar } from '../../components/SyncStatusBar';
import { offlineDb, type LocalWorkLog } from '../../offline/db';
import { isOnline } from '../../offline/sync-engine';
import { onSyncStatus } from '../../offline/sync-status';
import { discardWorkLog, listWorkLogs, mergeServerWorkLogs, photosOf } from '../../offline/work-logs';
import { PageShell } from '../../components/PageShell';

interface Row {
  log: LocalWorkLog;
  photoUrls: string[];
}

const STATE_LABEL = { pending: '待上传', synced: '已上传', rejected: '被退回' } as const;
const STATE_TAG = { pending: 'warning', synced: 'success', rejected: 'danger' } as const;

function remoteUrl(url: string): string {
  return url.startsWith('/api/') ? `${API_BASE}${url}` : url;
}

export default function WorkLogsPage() {
  const [rows, setRows] = useState<Row[]>([]);
  const [loaded, setLoaded] = useState(false);

  const reload = useCallback(async () => {
    const s = getSession();
    if (!s) return;
    const db = await offlineDb();
    const logs = await listWorkLogs(db, String(s.user.id));
    const next: Row[] = [];
    for (const log of logs) {
      const local = await photosOf(db, log);
      next.push({
        log,
        photoUrls: local.length
          ? local.map((p) => URL.createObjectURL(p.blob))
          : log.remotePhotos.map((p) => remoteUrl(p.url)),
      });
    }
    setRows((prev) => {
      prev.forEach((r) =>
        r.photoUrls.filter((u) => u.startsWith('blob:')).forEach((u) => URL.revokeObjectURL(u)),
      );
      return next;
    });
    setLoaded(true);
  }, []);

  // Entries written on another phone come from the server; the local list shows first, without waiting.
  const pullFromServer = useCallback(async () => {
    const s = getSession();
    if (!s || !isOnline()) return;
    try {
      const page = await request<Page<ServerWorkLog>>(
        `/work-logs?accountId=${encodeURIComponent(String(s.user.id))}&pageSize=50`,
      );
      await mergeServerWorkLogs(await offlineDb(), String(s.user.id), page.items);
      await reload();
    } catch {
      /* the local list stays as it is */
    }
  }, [reload]);

  useDidShow(() => {
    if (!requireSession(['operator'])) return;
    void reload().then(pullFromServer);
  });
  useEffect(() => onSyncStatus(() => void reload()), [reload]);

  const discard = async (log: LocalWorkLog) => {
    const { confirm } = await Taro.showModal({
      title: '删除本机记录',
      content: '该记录被服务器退回，删除后无法恢复，确定删除吗？',
    });
    if (!confirm) return;
    await discardWorkLog(await offlineDb(), log.clientId);
    await reload();
  };

  return (
    <PageShell>
      <SyncStatusBar />
      <Button
        type="primary"
        block
        className="write-work-log"
        onClick={() => void Taro.navigateTo({ url: '/pages/work-log-new/index' })}
      >
        写工作日志
      </Button>
      <View className="card" style={{ marginTop: '12px' }}>
        {loaded && rows.length === 0 && <Empty description="暂无工作日志" />}
        {rows.map(({ log, photoUrls }) => (
          <View className="list-item work-log" key={log.clientId} data-client-id={log.clientId}>
            <View className="row">
              <Text className="muted">{log.date}</Text>
              <Tag className="sync-state" type={STATE_TAG[log.syncState]}>
                {STATE_LABEL[log.syncState]}
              </Tag>
            </View>
            <Text
              className="work-log-content"
              style={{ display: 'block', marginTop: '6px', whiteSpace: 'pre-wrap' }}
            >
              {log.content}
            </Text>
            {photoUrls.length > 0 && (
              <View className="photos">
                {photoUrls.map((u) => (
                  <Image key={u} className="photo" src={u} mode="aspectFill" />
                ))}
              </View>
            )}
            {log.syncState === 'rejected' && (
              <View className="row" style={{ marginTop: '6px' }}>
                <Text className="error-text">{`服务器退回：${log.error ?? ''}`}</Text>
                <Button size="small" type="danger" fill="outline" onClick={() => void discard(log)}>
                  删除
                </Button>
              </View>
            )}
          </View>
        ))}
      </View>
    </PageShell>
  );
}
