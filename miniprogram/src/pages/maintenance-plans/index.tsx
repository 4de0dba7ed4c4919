import { Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup, Dialog, Empty, NoticeBar, Tag } from '@nutui/nutui-react-taro';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import {
  MAINTENANCE_PLAN_KINDS,
  MAINTENANCE_PLAN_KIND_LABELS,
  type MaintenancePlanKind,
  type MaintenancePlanList,
  type MaintenancePlanSummary,
} from '@xf/domain';
import { api } from '../../api/server';
import { LEAD_KINDS, requireSession } from '../../auth/guard';
import { PageShell } from '../../components/PageShell';
import '../testing-plan/testing-plan.css';

const monthLabel = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;
const planLabel = (p: MaintenancePlanSummary) => `${monthLabel(p.month)}${p.kindLabel}`;

/**
 * 维保计划 (manual §03): the lead creates this month's 月/季/年计划 (content generated from the
 * standard), opens one to distribute its facilities, and deletes a plan that is not distributed. The
 * buttons follow the abilities the server sends (create on the list, delete on each plan).
 */
export default function MaintenancePlansPage() {
  const { params } = useRouter();
  const [data, setData] = useState<MaintenancePlanList | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState<MaintenancePlanSummary | null>(null);
  const id = Number(params.id);

  const load = async () => {
    if (!Number.isInteger(id) || id <= 0) return setError('项目编号不正确');
    try {
      setData(await api.getProjectMaintenancePlans(id));
      setError('');
    } catch (e) {
      setError((e as Error).message);
    }
  };

  useDidShow(() => {
    if (!requireSession(LEAD_KINDS)) return;
    void load();
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

  const remove = async (plan: MaintenancePlanSummary) => {
    setDeleting(null);
    try {
      await api.deleteMaintenancePlan(plan.id);
      void Taro.showToast({ title: '已删除', icon: 'success' });
      await load();
    } catch (e) {
      void Taro.showToast({ title: (e as Error).message, icon: 'none', duration: 3000 });
    }
  };

  if (error)
    return (
      <PageShell className="maintenance-plans">
        <Empty status="error" description={error} />
      </PageShell>
    );
  if (!data) return <PageShell className="maintenance-plans" />;

  const canCreate = !!data.abilities?.create;
  return (
    <PageShell className="maintenance-plans">
      <CellGroup
        title={<Text className="card-title">{data.siteName}</Text>}
        description={`只能创建当月（${monthLabel(data.currentMonth)}）的计划；每个维保年度至少3个季计划和1个年计划。`}
      >
        <Cell
          title="维保月份"
          extra={`${data.firstMonth ? monthLabel(data.firstMonth) : '—'} 至 ${data.lastMonth ? monthLabel(data.lastMonth) : '—'}`}
        />
        <View data-testid="plan-duty">
          {data.years.map((y) => {
            const quarterly = Math.max(0, y.requiredQuarterly - y.quarterly);
            const annual = Math.max(0, y.requiredAnnual - y.annual);
            const due = quarterly + annual > 0;
            return (
              <Cell
                key={y.index}
                className={`plan-duty-year ${y.status}`}
                title={`第${y.index}个维保年度（${monthLabel(y.firstMonth)}至${monthLabel(y.lastMonth)}）`}
                extra={
                  <Tag type={due ? 'warning' : 'success'}>
                    {due
                      ? `还需${quarterly ? `季计划${quarterly}个` : ''}${quarterly && annual ? '、' : ''}${annual ? `年计划${annual}个` : ''}`
                      : `季计划${y.quarterly}个、年计划${y.annual}个，已满足`}
                  </Tag>
                }
              />
            );
          })}
        </View>
        {canCreate ? (
          <Cell
            title="创建计划"
            description={data.creatableKinds.length === 0 ? '本月没有可创建的计划类别' : undefined}
            extra={
              <View className="plan-create">
                {MAINTENANCE_PLAN_KINDS.filter((k) => data.creatableKinds.includes(k)).map((k) => (
                  <Button
                    key={k}
                    size="small"
                    type="primary"
                    className="plan-create-btn"
                    loading={busy}
                    onClick={() => void create(k)}
                  >
                    {`创建${MAINTENANCE_PLAN_KIND_LABELS[k]}`}
                  </Button>
                ))}
              </View>
            }
          />
        ) : null}
      </CellGroup>
      {data.warnings.map((w) => (
        <NoticeBar key={w} className="plan-warning" content={w} wrap />
      ))}

      {data.items.length === 0 ? <Empty description="暂无维保计划" /> : null}
      {data.items.length > 0 ? (
        <CellGroup title="计划列表">
          {data.items.map((p) => (
            <Cell
              key={p.id}
              className="plan-card"
              clickable
              title={
                <View className="row">
                  <Text>{`${monthLabel(p.month)} ${p.kindLabel}`}</Text>
                  <Tag type={p.status === 'distributed' ? 'success' : 'warning'}>{p.statusLabel}</Tag>
                </View>
              }
              description={`设施${p.facilityCount}个 · 维保内容${p.lineCount}条 · 已派发设施${p.distributedFacilityCount}个`}
              extra={
                p.abilities?.delete ? (
                  <Button
                    size="small"
                    fill="outline"
                    className="plan-delete"
                    onClick={(e) => {
                      e.stopPropagation();
                      setDeleting(p);
                    }}
                  >
                    删除计划
                  </Button>
                ) : (
                  '›'
                )
              }
              onClick={() => void Taro.navigateTo({ url: `/pages/maintenance-plan/index?id=${p.id}` })}
            />
          ))}
        </CellGroup>
      ) : null}

      <Dialog
        visible={!!deleting}
        title="删除维保计划"
        content={deleting ? `确定删除${planLabel(deleting)}？` : ''}
        confirmText="删除"
        onConfirm={() => {
          if (deleting) void remove(deleting);
        }}
        onCancel={() => setDeleting(null)}
        onClose={() => setDeleting(null)}
      />
    </PageShell>
  );
}
