import { Text, View } from '@tarojs/components';
import { useSyncStatus } from '../hooks/use-sync-status';
import { syncNow } from '../offline/sync-engine';

/** Tells the operator what is still on the phone and whether the last upload went through. */
export function SyncStatusBar() {
  const s = useSyncStatus();
  const tone = !s.online ? 'offline' : s.pending + s.rejected > 0 ? 'waiting' : 'ok';
  let text: string;
  if (!s.online)
    text = s.pending > 0 ? `离线中，${s.pending}条待上传，联网后自动上传` : '离线中，记录保存在本机';
  else if (s.syncing && s.uploading)
    text = `正在上传检测照片 ${s.uploading.done}/${s.uploading.total}（待上传${s.pending}条）`;
  else if (s.syncing) text = `正在上传（待上传${s.pending}条）`;
  else if (s.needsLogin) text = '登录已过期，请重新登录后上传';
  else if (s.pending > 0) text = `待上传${s.pending}条${s.lastError ? `：${s.lastError}` : ''}`;
  else text = '全部已上传';
  return (
    <View className={`sync-bar ${tone}`} data-testid="sync-bar">
      <View>
        <Text data-testid="sync-text">{text}</Text>
        {s.rejected > 0 && (
          <Text className="error-text" data-testid="sync-rejected">
            {`，${s.rejected}条被服务器退回`}
          </Text>
        )}
      </View>
      {(s.pending > 0 || s.rejected > 0) && (
        <Text className="link" data-testid="sync-retry" onClick={() => void syncNow({ force: true })}>
          手动重试
        </Text>
      )}
    </View>
  );
}
