import { PageShell } from '../../components/PageShell';
import { ProjectList } from '../projects/ProjectList';

/** 消防维保 tab: the lead's maintenance projects, each opening its 维保计划 (manual §03). */
export default function MaintenanceTab() {
  return (
    <PageShell tab="/pages/maintenance/index">
      <ProjectList
        kind="maintenance"
        open={(p) => `/pages/maintenance-plans/index?id=${p.id}`}
        extra="维保计划 ›"
      />
    </PageShell>
  );
}
