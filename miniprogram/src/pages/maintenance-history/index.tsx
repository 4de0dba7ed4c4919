import { PageShell } from '../../components/PageShell';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Empty, Segmented, Tag } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { MaintenanceTaskStatus, MaintenanceTaskView } from '@xf/domain/api/maintenance-tasks';
import { maintenancePlan, maintenanceTask, myMaintenanceTasks } from '../../api/maintenance';
import { requireSession } from '../../auth/guard';
import { getSession } from '../../auth/session-store';
import { useAction } from '../../hooks/use-action';
import { offlineDb } from '../../offline/db';
import { correctionFromServer } from '../../offline/maintenance';
import '../testing-tasks/testing.css';

const FILTERS: { label: string; status?: MaintenanceTaskStatus }[] = [
  { label: '全部' },
  { label: '待审核', status: 'submitted' },
  { label: '审核通过', status: 'approved' },
  { label: '审核不通过', status: 'rejected' },
];
const SUBMITTED: MaintenanceTaskStatus[] = ['submitted', 'approved', 'rejected'];
const TAG: Partial<Record<MaintenanceTaskStatus, 'warning' | 'success' | 'danger'>> = {
  submitted: 'warning',
  approved: 'success',
  rejected: 'danger',
};

const beijing = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—';

/**
 * 查询历史记录 (manual §03 APP重新提交测试结果): my submitted maintenance tasks with their review; a task the lead
 * rejected (审核不通过) is opened with 修改, corrected on the phone and submitted again from 待开始工作.
 */
export default function MaintenanceHistoryPage() {
  const [filter, setFilter] = useState(0);
  const [items, setItems] = useState<MaintenanceTaskView[] | null>(null);
  const { busy, error, setError, run } = useAction();

  const load = (index = filter) => {
    setError('');
    const status = FILTERS[index]!.status;
    myMaintenanceTasks(status)
      .then((list) => setItems(list.filter((t) => SUBMITTED.includes(t.status))))
      .catch((e: Error) => setError(`查询历史记录需要联网：${e.message}`));
  };

  useDidShow(() => {
    if (requireSession(['operator'])) load();
  });

  const correct = (t: MaintenanceTaskView) =>
    run(async () => {
      const s = getSession();
      if (!s) return;
      const [detail, plan] = await Promise.all([maintenanceTask(t.id), maintenancePlan(t.planId)]);
      const local = await correctionFromServer(await offlineDb(), String(s.user.id), detail, plan);
      await Taro.navigateTo({
        url: `/pages/maintenance-record/index?task=${encodeURIComponent(local.clientId)}`,
      });
    });

  return (
    <PageShell className="testing-page">
      <Segmented
        value={filter}
        onChange={(v) => {
          setFilter(Number(v));
          load(Number(v));
        }}
        options={FILTERS.map((f, i) => ({ label: f.label, value: i }))}
      />
      {error && (
        <Text className="error-text" style={{ display: 'block', marginTop: '12px' }}>
          {error}
        </Text>
      )}
      {items && items.length === 0 && <Empty description="暂无已提交的维保任务" />}
      {items?.map((t) => (
        <View className="card task-card history-task" key={t.id} data-task-id={t.id}>
          <View className="row">
            <Text className="card-title">{`${t.siteName} · ${t.planMonth} ${t.planKindLabel}`}</Text>
            <Tag type={TAG[t.status] ?? 'default'}>{t.statusLabel}</Tag>
          </View>
          <Text className="muted" style={{ display: 'block' }}>
            {t.facilities.map((f) => f.name).join('、')}
          </Text>
          <Text className="muted" style={{ display: 'block' }}>
            {`${t.recordCount}条记录，不符合${t.nonconformingCount}项 · 提交于${beijing(t.submittedAt)}`}
          </Text>
          {t.reviewReason && (
            <Text
              className={t.status === 'rejected' ? 'error-text' : 'muted'}
              style={{ display: 'block' }}
            >{`审核意见：${t.reviewReason}`}</Text>
          )}
          {t.status === 'rejected' && (
            <View className="actions">
              <Button size="small" type="primary" disabled={busy} onClick={() => void correct(t)}>
                修改
              </Button>
            </View>
          )}
        </View>
      ))}
    </PageShell>
  );
}
