import { View } from '@tarojs/components';
import { Segmented } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { MenuGrid, type MenuEntry } from '../../components/MenuGrid';
import { SyncStatusBar } from '../../components/SyncStatusBar';

type Work = 'testing' | 'maintenance';

/**
 * The operator app's menus as in the manual: the 检测APP's (§02) and the 维保APP's (§03), one app with both. 排查维修
 * is maintenance work (faults are found in maintenance), so both menus open the same list.
 */
/** Both menus have the same places; the pages of each work are named after it (testing-tasks, maintenance-tasks …). */
const menu = (work: Work, tasks: string, resume: string): MenuEntry[] => [
  { label: '接收下发计划', url: `/pages/${work}-assignments/index` },
  { label: tasks, url: `/pages/${work}-tasks/index` },
  { label: resume, url: `/pages/${work}-record/index` },
  { label: '排查维修', url: '/pages/maintenance-faults/index' },
  { label: '查询历史记录', url: `/pages/${work}-history/index` },
  { label: '工作日志', url: '/pages/work-logs/index' },
  { label: '我的设置', url: '/pages/mine/index' },
];

const MENUS: Record<Work, MenuEntry[]> = {
  testing: menu('testing', '测试任务', '继续现场记录'),
  maintenance: menu('maintenance', '待开始工作', '继续记录'),
};

const WORK_KEY = 'operator-work';

export function OperatorHome() {
  const [work, setWork] = useState<Work>(() =>
    Taro.getStorageSync(WORK_KEY) === 'maintenance' ? 'maintenance' : 'testing',
  );
  const choose = (w: Work) => {
    setWork(w);
    Taro.setStorageSync(WORK_KEY, w);
  };
  return (
    <View>
      <SyncStatusBar />
      <Segmented
        className="work-switch"
        value={work}
        onChange={(v) => choose(v as Work)}
        options={[
          { label: '消防检测', value: 'testing' },
          { label: '消防维保', value: 'maintenance' },
        ]}
      />
      <MenuGrid entries={MENUS[work]} />
    </View>
  );
}
