import { PageShell } from '../../components/PageShell';
import { ProjectList } from '../projects/ProjectList';

/** 消防检测-待审核: the lead's testing projects; each opens 计划完成统计 and 审核检测记录. */
export default function TestingReviewsPage() {
  return (
    <PageShell>
      <ProjectList
        kind="testing"
        open={(p) => `/pages/testing-review/index?id=${p.id}`}
        extra="计划完成统计 · 审核检测记录 ›"
      />
    </PageShell>
  );
}
