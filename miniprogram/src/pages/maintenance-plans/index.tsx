import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import {
  MAINTENANCE_PLAN_KINDS,
  MAINTENANCE_PLAN_KIND_LABELS,
  type MaintenancePlanKind,
  type MaintenancePlanList,
} from '@xf/domain';
import { api } from '../../api/server';
import { LEAD_KINDS, requireSession } from '../../auth/guard';
import { getSession } from '../../auth/session-store';
import '../projects/projects.css';
import '../maintenance-plan/maintenance-plan.css';
import { PageShell } from '../../components/PageShell';

const monthLabel = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;

/**
 * 维保计划 (manual §03): the lead creates this month's 月/季/年计划 (content generated from the
 * standard), opens one to distribute its facilities, and deletes a plan that is not distributed.
 */
export default function MaintenancePlansPage() {
  const { params } = useRouter();
  const [data, setData] = useState<MaintenancePlanList | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const isLead = getSession()?.user.kind === 'project_lead';
  const id = Number(params.id);

  const load = () => {
    if (!Number.isInteger(id) || id <= 0) {
      setError('项目编号不正确');
      return;
    }
    api
      .getProjectMaintenancePlans(id)
      .then((d) => {
        setData(d);
        setError('');
      })
      .catch((e: Error) => setError(e.message));
  };

  useDidShow(() => {
    if (!requireSession(LEAD_KINDS)) return;
    load();
  });

  const create = async (kind: MaintenancePlanKind) => {
    if (busy || !data) return;
    setBusy(true);
    try {
      const plan = await api.createProjectMaintenancePlan(id, { kind, month: data.currentMonth });
      void Taro.showToast({ title: `${plan.kindLabel}已创建`, icon: 'success' });
      void Taro.navigateTo({ url: `/pages/maintenance-plan/index?id=${plan.id}` });
    } catch (e) {
      void Taro.showToast({ title: (e as Error).message, icon: 'none', duration: 3000 });
    } finally {
      setBusy(false);
    }
  };

  const remove = async (planId: number, label: string) => {
    const { confirm } = await Taro.showModal({ title: '删除维保计划', content: `确定删除${label}？` });
    if (!confirm) return;
    try {
      await api.deleteMaintenancePlan(planId);
      void Taro.showToast({ title: '已删除', icon: 'success' });
      load();
    } catch (e) {
      void Taro.showToast({ title: (e as Error).message, icon: 'none', duration: 3000 });
    }
  };

  if (error)
    return (
      <PageShell className="maintenance-plans">
        <Text className="error-text">{error}</Text>
      </PageShell>
    );
  if (!data) return <PageShell className="maintenance-plans" />;

  return (
    <PageShell className="maintenance-plans">
      <View className="card">
        <Text className="card-title">{data.siteName}</Text>
        <View className="muted plan-note">
          维保月份：{data.firstMonth ? monthLabel(data.firstMonth) : '—'} 至{' '}
          {data.lastMonth ? monthLabel(data.lastMonth) : '—'}
        </View>
        <View className="muted plan-note">
          只能创建当月（{monthLabel(data.currentMonth)}）的计划；每个维保年度至少3个季计划和1个年计划。
        </View>
        <View className="plan-duty" data-testid="plan-duty">
          {data.years.map((y) => {
            const quarterly = Math.max(0, y.requiredQuarterly - y.quarterly);
            const annual = Math.max(0, y.requiredAnnual - y.annual);
            return (
              <View key={y.index} className={`plan-duty-year ${y.status}`}>
                <Text>{`第${y.index}个维保年度（${monthLabel(y.firstMonth)}至${monthLabel(y.lastMonth)}）：`}</Text>
                <Text className={quarterly + annual > 0 ? 'warn-text' : 'ok-text'}>
                  {quarterly + annual > 0
                    ? `还需${quarterly ? `季计划${quarterly}个` : ''}${quarterly && annual ? '、' : ''}${annual ? `年计划${annual}个` : ''}`
                    : `季计划${y.quarterly}个、年计划${y.annual}个，已满足`}
                </Text>
              </View>
            );
          })}
        </View>
        {data.warnings.map((w) => (
          <View className="plan-warning" key={w}>
            {w}
          </View>
        ))}
        {isLead ? (
          <View className="plan-create">
            {MAINTENANCE_PLAN_KINDS.map((k) =>
              data.creatableKinds.includes(k) ? (
                <Button key={k} className="btn btn-small plan-create-btn" onClick={() => void create(k)}>
                  创建{MAINTENANCE_PLAN_KIND_LABELS[k]}
                </Button>
              ) : null,
            )}
            {data.creatableKinds.length === 0 ? (
              <Text className="muted">本月没有可创建的计划类别</Text>
            ) : null}
          </View>
        ) : null}
      </View>

      {data.items.length === 0 ? <View className="empty">暂无维保计划</View> : null}
      {data.items.map((p) => (
        <View
          className="card plan-card"
          key={p.id}
          onClick={() => void Taro.navigateTo({ url: `/pages/maintenance-plan/index?id=${p.id}` })}
        >
          <View className="row">
            <Text className="card-title">
              {monthLabel(p.month)} {p.kindLabel}
            </Text>
            <Text className={p.status === 'distributed' ? 'badge badge-synced' : 'badge badge-pending'}>
              {p.statusLabel}
            </Text>
          </View>
          <View className="muted plan-note">
            设施{p.facilityCount}个 · 维保内容{p.lineCount}条 · 已派发设施{p.distributedFacilityCount}个
          </View>
          {isLead && p.status === 'undistributed' ? (
            <Button
              className="btn btn-plain btn-small plan-delete"
              onClick={(e) => {
                e.stopPropagation();
                void remove(p.id, `${monthLabel(p.month)}${p.kindLabel}`);
              }}
            >
              删除计划
            </Button>
          ) : null}
        </View>
      ))}
    </PageShell>
  );
}
