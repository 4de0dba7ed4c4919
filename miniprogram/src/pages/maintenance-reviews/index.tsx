import { PageShell } from '../../components/PageShell';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Empty, Segmented, Tag } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { MaintenanceTaskStatus, MaintenanceTaskView } from '@xf/domain/api/maintenance-tasks';
import { maintenanceTasksOfLead } from '../../api/maintenance';
import { requireSession } from '../../auth/guard';
import '../projects/projects.css';
import '../testing-tasks/testing.css';

const FILTERS: { label: string; status: MaintenanceTaskStatus }[] = [
  { label: '待审核', status: 'submitted' },
  { label: '审核通过', status: 'approved' },
  { label: '审核不通过', status: 'rejected' },
];

const beijing = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—';

/**
 * 消防维保-待审核 (manual §03 项目负责人审核APP提交结果): the submitted maintenance tasks of my projects; 审核通过 lists
 * the approved ones (退回 from their page), 审核不通过 the ones waiting for the operator's correction.
 */
export default function MaintenanceReviewsPage() {
  const [filter, setFilter] = useState(0);
  const [items, setItems] = useState<MaintenanceTaskView[] | null>(null);
  const [error, setError] = useState('');

  const load = async (index = filter) => {
    try {
      setItems(await maintenanceTasksOfLead(FILTERS[index]!.status));
      setError('');
    } catch (e) {
      setError((e as Error).message);
    }
  };

  useDidShow(() => {
    if (requireSession(['project_lead'])) void load();
  });
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <PageShell className="testing-page">
      <Segmented
        value={filter}
        onChange={(v) => {
          setFilter(Number(v));
          void load(Number(v));
        }}
        options={FILTERS.map((f, i) => ({ label: f.label, value: i }))}
      />
      {error && <Text className="error-text">{error}</Text>}
      {items && items.length === 0 && <Empty description={`暂无${FILTERS[filter]!.label}的维保任务`} />}
      {items?.map((t) => (
        <View
          className="card task-card review-task"
          key={t.id}
          data-task-id={t.id}
          onClick={() => void Taro.navigateTo({ url: `/pages/maintenance-review/index?id=${t.id}` })}
        >
          <View className="row">
            <Text className="card-title">{`${t.siteName} · ${t.planMonth} ${t.planKindLabel}`}</Text>
            <Tag type={t.status === 'approved' ? 'success' : t.status === 'rejected' ? 'danger' : 'warning'}>
              {t.statusLabel}
            </Tag>
          </View>
          <Text className="muted" style={{ display: 'block' }}>
            {`${t.operator.displayName} · ${t.facilities.map((f) => f.name).join('、')}`}
          </Text>
          <Text className="muted" style={{ display: 'block' }}>
            {`${t.recordCount}条记录 · 提交于${beijing(t.submittedAt)}`}
          </Text>
          {t.faultCount > 0 && (
            <Text className={t.unhandledFaultCount ? 'error-text' : 'muted'} style={{ display: 'block' }}>
              {`故障${t.faultCount}项${t.unhandledFaultCount ? `，${t.unhandledFaultCount}项待处理` : '，均已处理'}`}
            </Text>
          )}
        </View>
      ))}
    </PageShell>
  );
}
