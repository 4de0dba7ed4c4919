import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { request } from '../../api/http';
import type { Page } from '@xf/domain/api/common';
import { LEAD_KINDS, requireSession } from '../../auth/guard';
import { getSession } from '../../auth/session-store';
import { STATUS_BADGE, type ProjectRow } from './types';
import './projects.css';

type KindFilter = 'all' | ProjectRow['kind'];
const FILTERS: { key: KindFilter; label: string }[] = [
  { key: 'all', label: '全部' },
  { key: 'testing', label: '检测' },
  { key: 'maintenance', label: '维保' },
];

/**
 * 我的项目: the server already limits a project lead to the projects they lead (and a technical lead to
 * the institution's), so the page shows what it is given.
 */
export default function ProjectsPage() {
  const [kind, setKind] = useState<KindFilter>('all');
  const [rows, setRows] = useState<ProjectRow[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState('');

  const load = useCallback(async (filter: KindFilter) => {
    try {
      const query = filter === 'all' ? '' : `&kind=${filter}`;
      const page = await request<Page<ProjectRow>>(`/projects?pageSize=100${query}`);
      setRows(page.items);
      setTotal(page.total);
      setError('');
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);

  useDidShow(() => {
    if (!requireSession(LEAD_KINDS)) return;
    if (getSession()?.user.kind === 'technical_lead')
      void Taro.setNavigationBarTitle({ title: '本机构项目' });
    void load(kind);
  });
  usePullDownRefresh(() => {
    void load(kind).finally(() => Taro.stopPullDownRefresh());
  });

  const choose = (next: KindFilter) => {
    setKind(next);
    void load(next);
  };

  return (
    <View className="page">
      <View className="segment">
        {FILTERS.map((f) => (
          <View
            key={f.key}
            className={`segment-item${kind === f.key ? ' active' : ''}`}
            onClick={() => choose(f.key)}
          >
            {f.label}
          </View>
        ))}
      </View>
      {error ? <Text className="error-text">{error}</Text> : null}
      {rows && rows.length === 0 && !error ? <View className="empty">暂无项目</View> : null}
      {rows && rows.length > 0 ? <Text className="muted">{`共${total}个项目`}</Text> : null}
      {(rows ?? []).map((p) => (
        <View
          key={p.id}
          className="card project-card"
          onClick={() => void Taro.navigateTo({ url: `/pages/projects-detail/index?id=${p.id}` })}
        >
          <View className="row">
            <Text className="card-title">{p.siteName}</Text>
            <Text className={STATUS_BADGE[p.status]}>{p.statusLabel}</Text>
          </View>
          <View className="row">
            <Text className="badge badge-pending">{p.kindLabel}</Text>
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
        </View>
      ))}
    </View>
  );
}
