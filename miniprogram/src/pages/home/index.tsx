import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { lazy, Suspense, useState, type ComponentType } from 'react';
import type { SessionUser } from '@xf/domain/api/accounts';
import { can, FIELD_WORK } from '../../auth/abilities';
import { requireSession } from '../../auth/guard';
import { useSession } from '../../hooks/use-session';
import { FaceProfileNotice } from '../../components/FaceProfileNotice';
import { PageShell } from '../../components/PageShell';
import { LeadHome } from './LeadHome';

// Operators work in the Android app (H5 build); their home carries the offline engine (IndexedDB), which is
// kept out of the weapp bundle: the import sits behind the TARO_ENV constant and webpack drops it there.
const OperatorHome: ComponentType =
  process.env.TARO_ENV === 'h5'
    ? lazy(() => import('./OperatorHome').then((m) => ({ default: m.OperatorHome })))
    : () => (
        <View className="card">
          <Text className="muted">操作员请使用“消防维保检测”APP。</Text>
        </View>
      );

/** The leads' home: they follow the institution's projects (the web accounts never sign in here). */
const isLead = (user: SessionUser | undefined) => can(user, 'project.list');

export default function HomePage() {
  const session = useSession();
  const [shown, setShown] = useState(0);
  useDidShow(() => {
    if (!requireSession()) return;
    setShown((n) => n + 1);
    // The lead's first tab (manual: 消防检测 / 消防维保 / 我的).
    if (isLead(session?.user)) void Taro.setNavigationBarTitle({ title: '消防检测' });
  });
  if (!session || session.user.mustChangePassword) return <PageShell tab="/pages/home/index" />;
  const { user } = session;
  return (
    <PageShell tab="/pages/home/index">
      <View className="card">
        <Text className="card-title">{`${user.displayName}，您好`}</Text>
        <Text className="muted">{`${user.kindLabel}${user.institutionName ? ` · ${user.institutionName}` : ''}`}</Text>
      </View>
      <FaceProfileNotice user={user} />
      {can(user, FIELD_WORK) ? (
        <Suspense fallback={<View className="card" />}>
          <OperatorHome />
        </Suspense>
      ) : isLead(user) ? (
        <LeadHome user={user} refreshKey={shown} />
      ) : (
        <View className="card">
          <Text className="muted">该账号请使用电脑浏览器登录监管系统。</Text>
        </View>
      )}
    </PageShell>
  );
}
