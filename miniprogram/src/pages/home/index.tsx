import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { requireSession } from '../../auth/guard';
import { useSession } from '../../hooks/use-session';
import { FaceProfileNotice } from '../../components/FaceProfileNotice';
import { PageShell } from '../../components/PageShell';
import { LeadHome } from './LeadHome';
import { OperatorHome } from './OperatorHome';

export default function HomePage() {
  const session = useSession();
  const [shown, setShown] = useState(0);
  useDidShow(() => {
    if (!requireSession()) return;
    setShown((n) => n + 1);
    // The lead's first tab (manual: 消防检测 / 消防维保 / 我的).
    const kind = session?.user.kind;
    if (kind === 'project_lead' || kind === 'technical_lead')
      void Taro.setNavigationBarTitle({ title: '消防检测' });
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
      {user.kind === 'operator' ? (
        <OperatorHome />
      ) : user.kind === 'project_lead' || user.kind === 'technical_lead' ? (
        <LeadHome kind={user.kind} refreshKey={shown} />
      ) : (
        <View className="card">
          <Text className="muted">该账号请使用电脑浏览器登录监管系统。</Text>
        </View>
      )}
    </PageShell>
  );
}
