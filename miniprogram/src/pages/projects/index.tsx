import Taro, { useDidShow } from '@tarojs/taro';
import { PROJECT_LIST_TITLES } from '../../auth/abilities';
import { getSession } from '../../auth/session-store';
import { PageShell } from '../../components/PageShell';
import { ProjectList } from './ProjectList';

/** 我的项目 (本机构项目 for a technical lead). */
export default function ProjectsPage() {
  useDidShow(() => {
    const title = PROJECT_LIST_TITLES[getSession()?.user.kind ?? 'operator'];
    if (title) void Taro.setNavigationBarTitle({ title });
  });
  return (
    <PageShell>
      <ProjectList open={(p) => `/pages/projects-detail/index?id=${p.id}`} />
    </PageShell>
  );
}
