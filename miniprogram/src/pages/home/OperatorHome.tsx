import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { SyncStatusBar } from '../../components/SyncStatusBar';

/** The operator app's menu as in the manual; entries whose features are not built yet are disabled. */
const MENU: { label: string; url?: string }[] = [
  { label: '接收下发计划', url: '/pages/testing-assignments/index' },
  { label: '测试任务', url: '/pages/testing-tasks/index' },
  { label: '继续现场记录', url: '/pages/testing-record/index' },
  { label: '排查维修' },
  { label: '查询历史记录', url: '/pages/testing-history/index' },
  { label: '工作日志', url: '/pages/work-logs/index' },
  { label: '我的设置', url: '/pages/mine/index' },
];

export function OperatorHome() {
  return (
    <View>
      <SyncStatusBar />
      <View className="menu-grid">
        {MENU.map((m) => (
          <View
            key={m.label}
            className={`menu-item ${m.url ? '' : 'disabled'}`}
            aria-disabled={m.url ? undefined : 'true'}
            onClick={() => m.url && void Taro.navigateTo({ url: m.url })}
          >
            {m.label}
          </View>
        ))}
      </View>
    </View>
  );
}
