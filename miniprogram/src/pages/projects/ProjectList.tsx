import { Text, View } from '@tarojs/components';
import { Empty, Segmented, Tag } from '@nutui/nutui-react-taro';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { api } from '../../api/server';
import { LEAD_KINDS, requireSession } from '../../auth/guard';
import { STATUS_TAG, type ProjectRow } from './types';
import './projects.css';

type KindFilter = 'all' | ProjectRow['kind'];
const FILTERS: { value: KindFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'testing', label: '检测' },
  { value: 'maintenance', label: '维保' },
];

/**
 * The lead's projects (the server limits a project lead to the projects they lead, a technical lead to the
 * institution's). `kind` fixes the kind (消防维保 tab, 待审核 list); without it the lead filters.
 */
export function ProjectList({
  kind: fixedKind,
  open,
  extra,
}: {
  kind?: ProjectRow['kind'];
  /** Where a tap on a project goes. */
  open: (p: ProjectRow) => string;
  /** A line under each card (e.g. what to do next). */
  extra?: string;
}) {
  const [kind, setKind] = useState<KindFilter>(fixedKind ?? 'all');
  const [rows, setRows] = useState<ProjectRow[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState('');

  const load = useCallback(async (filter: KindFilter) => {
    try {
      const page = await api.getProjects({ pageSize: 100, ...(filter === 'all' ? {} : { kind: filter }) });
      setRows(page.items);
      setTotal(page.total);
      setError('');
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);

  useDidShow(() => {
    if (!requireSession(LEAD_KINDS)) return;
    void load(kind);
  });
  usePullDownRefresh(() => {
    void load(kind).finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <View>
      {fixedKind ? null : (
        <Segmented
          className="project-filter"
          value={kind}
          options={FILTERS}
          onChange={(v) => {
            setKind(v as KindFilter);
            void load(v as KindFilter);
          }}
        />
      )}
      {error ? <Text className="error-text">{error}</Text> : null}
      {rows && rows.length === 0 && !error ? <Empty description="暂无项目" /> : null}
      {rows && rows.length > 0 ? <Text className="muted">{`共${total}个项目`}</Text> : null}
      {(rows ?? []).map((p) => (
        <View key={p.id} className="card project-card" onClick={() => void Taro.navigateTo({ url: open(p) })}>
          <View className="row">
            <Text className="card-title">{p.siteName}</Text>
            <Tag type={STATUS_TAG[p.status]}>{p.statusLabel}</Tag>
          </View>
          <View className="row">
            <Tag type="warning" plain>
              {p.kindLabel}
            </Tag>
            <Text className="muted">{p.detachmentName ?? ''}</Text>
          </View>
          <View className="project-line">
            <Text className="muted">{`甲方：${p.clientName ?? '—'}`}</Text>
          </View>
          <View className="project-line">
            <Text className="muted">{`合同期限：${p.contractStart} 至 ${p.contractEnd}`}</Text>
          </View>
          <View className="project-line">
            <Text className="muted">
              {`建筑物：${p.buildingsAddedLabel} · 项目位置：${p.geofenceMarked ? '已标注' : '未标注'}`}
            </Text>
          </View>
          {extra ? (
            <View className="project-line">
              <Text className="link">{extra}</Text>
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}
