import { Text } from '@tarojs/components';
import { Cell, CellGroup, Empty, Grid } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { SessionUser } from '@xf/domain/api/accounts';
import type { HomeSummary } from '@xf/domain/api/home';
import { api } from '../../api/server';
import { can, PROJECT_LIST_TITLES } from '../../auth/abilities';
import { MenuGrid } from '../../components/MenuGrid';
import { SubscribeReminders } from '../../components/SubscribeReminders';

interface Tile {
  key: keyof HomeSummary;
  label: string;
  empty: string;
  /** The ability the tile's work needs (the session user's abilities, from the policies). */
  ability: string;
  /** The list the count is the total of. */
  url?: string;
  /** Its entry in the menu under the project list. */
  menu?: string;
}

// Project leads decide site requests and review testing records and maintenance tasks; technical leads file
// reports (manual §02/§03).
const TILES: Tile[] = [
  {
    key: 'pendingRequests',
    label: '待处理申请',
    empty: '暂无待处理申请',
    ability: 'site_request.list',
    url: '/pages/site-requests/index',
    menu: '待处理申请',
  },
  {
    key: 'pendingReviews',
    label: '待审核记录',
    empty: '暂无待审核记录',
    ability: 'testing_record.approveMany',
    url: '/pages/testing-reviews/index',
    menu: '待审核',
  },
  {
    key: 'pendingMaintenanceReviews',
    label: '维保待审核',
    empty: '暂无待审核维保任务',
    ability: 'maintenance_task.list',
    url: '/pages/maintenance-reviews/index',
    menu: '消防维保-待审核',
  },
  { key: 'reportsToFile', label: '待备案报告', empty: '暂无待备案报告', ability: 'report.list' },
];

/** The leads' home: the counts of what waits for them and the way to their projects, by their abilities. */
export function LeadHome({ user, refreshKey }: { user: SessionUser; refreshKey: number }) {
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
  const tiles = TILES.filter((t) => can(user, t.ability));
  const menu = tiles.filter((t) => t.menu && t.url);
  const files = can(user, 'report.list');
  const empties = summary ? tiles.filter((t) => !summary[t.key]) : [];
  return (
    <>
      <Grid
        className="stat-grid"
        columns={tiles.length || 1}
        onClick={(_, i) => {
          const url = tiles[i]?.url;
          if (url) void Taro.navigateTo({ url });
        }}
      >
        {tiles.map((t) => (
          <Grid.Item key={t.key} className={`stat${t.url ? ' stat-link' : ''}`}>
            <Text className="stat-value">{summary ? String(summary[t.key] ?? 0) : '-'}</Text>
            <Text className="stat-label">{t.label}</Text>
          </Grid.Item>
        ))}
      </Grid>
      {error ? <Empty status="error" description={error} /> : null}
      {empties.map((t) => (
        <Empty key={t.key} className="empty" description={t.empty} imageSize={60} />
      ))}
      <CellGroup>
        {files ? (
          <Cell
            clickable
            className="projects-entry"
            title={<Text className="card-title">待备案报告</Text>}
            extra="备案 ›"
            onClick={() => void Taro.navigateTo({ url: '/pages/reports-to-file/index' })}
          />
        ) : null}
        <Cell
          clickable
          className="projects-entry"
          title={<Text className="card-title">{PROJECT_LIST_TITLES[user.kind] ?? '项目'}</Text>}
          extra="查看 ›"
          onClick={() => void Taro.navigateTo({ url: '/pages/projects/index' })}
        />
      </CellGroup>
      {menu.length ? <MenuGrid entries={menu.map((t) => ({ label: t.menu!, url: t.url! }))} /> : null}
      {can(user, 'site_request.list') ? <SubscribeReminders /> : null}
    </>
  );
}
