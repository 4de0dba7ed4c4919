import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { HomeSummary } from '@xf/domain/api/home';
import { api } from '../../api/server';
import { SubscribeReminders } from '../../components/SubscribeReminders';

interface Tile {
  key: keyof HomeSummary;
  label: string;
  empty: string;
  /** The list the count is the total of. */
  url?: string;
}

// Project leads decide site requests and review records; technical leads file reports (manual §02/§03).
const TILES: Record<'project_lead' | 'technical_lead', Tile[]> = {
  project_lead: [
    {
      key: 'pendingRequests',
      label: '待处理申请',
      empty: '暂无待处理申请',
      url: '/pages/site-requests/index',
    },
    {
      key: 'pendingReviews',
      label: '待审核记录',
      empty: '暂无待审核记录',
      url: '/pages/testing-reviews/index',
    },
  ],
  technical_lead: [{ key: 'reportsToFile', label: '待备案报告', empty: '暂无待备案报告' }],
};

export function LeadHome({
  kind,
  refreshKey,
}: {
  kind: 'project_lead' | 'technical_lead';
  refreshKey: number;
}) {
  const [summary, setSummary] = useState<HomeSummary | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    api
      .getHomeSummary()
      .then((s) => {
        setSummary(s);
        setError('');
      })
      .catch((e: Error) => setError(e.message));
  }, [refreshKey]);
  const tiles = TILES[kind];
  return (
    <View>
      <View className="stat-grid">
        {tiles.map((t) => (
          <View
            className={`stat${t.url ? ' stat-link' : ''}`}
            key={t.key}
            onClick={() => t.url && void Taro.navigateTo({ url: t.url })}
          >
            <Text className="stat-value">{summary ? String(summary[t.key] ?? 0) : '-'}</Text>
            <Text className="stat-label">{t.label}</Text>
          </View>
        ))}
      </View>
      <View className="card" style={{ marginTop: '12px' }}>
        {error ? (
          <Text className="error-text">{error}</Text>
        ) : (
          tiles.map((t) =>
            summary && !summary[t.key] ? (
              <View className="empty" key={t.key}>
                {t.empty}
              </View>
            ) : null,
          )
        )}
      </View>
      {kind === 'technical_lead' && (
        <View
          className="card row projects-entry"
          onClick={() => void Taro.navigateTo({ url: '/pages/reports-to-file/index' })}
        >
          <Text className="card-title">待备案报告</Text>
          <Text className="muted">备案 ›</Text>
        </View>
      )}
      <View
        className="card row projects-entry"
        onClick={() => void Taro.navigateTo({ url: '/pages/projects/index' })}
      >
        <Text className="card-title">{kind === 'project_lead' ? '我的项目' : '本机构项目'}</Text>
        <Text className="muted">查看 ›</Text>
      </View>
      {kind === 'project_lead' ? (
        <View className="menu-grid">
          {TILES.project_lead.map((t) => (
            <View key={t.key} className="menu-item" onClick={() => void Taro.navigateTo({ url: t.url! })}>
              {t.label === '待审核记录' ? '待审核' : t.label}
            </View>
          ))}
        </View>
      ) : null}
      {kind === 'project_lead' ? <SubscribeReminders /> : null}
    </View>
  );
}
