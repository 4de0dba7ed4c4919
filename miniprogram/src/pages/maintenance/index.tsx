import { Text } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import type { HomeSummary } from '@xf/domain/api/home';
import { api } from '../../api/server';
import { MenuGrid } from '../../components/MenuGrid';
import { PageShell } from '../../components/PageShell';
import { useSession } from '../../hooks/use-session';
import { ProjectList } from '../projects/ProjectList';

/**
 * 消防维保 tab: the lead's maintenance work (manual §03): 待处理申请 (start and submit requests of maintenance tasks
 * too), 消防维保-待审核, and the maintenance projects, each opening its 维保计划 with the year's plan duty.
 */
export default function MaintenanceTab() {
  const session = useSession();
  const isLead = session?.user.kind === 'project_lead';
  // The counts of what waits in each list (the server's home summary), fetched again whenever the tab shows.
  const [summary, setSummary] = useState<HomeSummary | null>(null);
  useDidShow(() => {
    api
      .getHomeSummary()
      .then(setSummary)
      .catch(() => setSummary(null));
  });
  const count = (n: number | undefined) => (summary && n ? `（${n}）` : '');
  return (
    <PageShell tab="/pages/maintenance/index">
      {isLead && (
        <MenuGrid
          className="maintenance-menu"
          entries={[
            {
              label: `待处理申请${count(summary?.pendingMaintenanceRequests)}`,
              url: '/pages/site-requests/index?taskKind=maintenance',
            },
            {
              label: `消防维保-待审核${count(summary?.pendingMaintenanceReviews)}`,
              url: '/pages/maintenance-reviews/index',
            },
          ]}
        />
      )}
      {isLead && <Text className="group-title">维保项目</Text>}
      <ProjectList
        kind="maintenance"
        open={(p) => `/pages/maintenance-plans/index?id=${p.id}`}
        extra="维保计划 ›"
      />
    </PageShell>
  );
}
