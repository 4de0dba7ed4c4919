import Taro, { useDidShow } from '@tarojs/taro';
import { getSession } from '../../auth/session-store';
import { PageShell } from '../../components/PageShell';
import { ProjectList } from './ProjectList';

/** 我的项目 (本机构项目 for a technical lead). */
export default function ProjectsPage() {
  useDidShow(() => {
    if (getSession()?.user.kind === 'technical_lead')
      void Taro.setNavigationBarTitle({ title: '本机构项目' });
  });
  return (
    <PageShell>
      <ProjectList open={(p) => `/pages/projects-detail/index?id=${p.id}`} />
    </PageShell>
  );
}
