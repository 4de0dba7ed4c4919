import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { request } from '../../api/http';
import { LEAD_KINDS, requireSession } from '../../auth/guard';
import { STATUS_BADGE, type BuildingsSummary, type ProjectDetail } from '../projects/types';
import '../projects/projects.css';
import { PageShell } from '../../components/PageShell';

function Line({ label, value }: { label: string; value: string }) {
  return (
    <View className="detail-line">
      <Text className="detail-label">{label}</Text>
      <Text className="detail-value">{value}</Text>
    </View>
  );
}

const buildingLine = (b: BuildingsSummary['items'][number]) => {
  const floors = `地上${b.aboveGroundFloors}层${b.belowGroundFloors ? `、地下${b.belowGroundFloors}层` : ''}`;
  const water = b.waterSupplies.map((w) => `${w.kindLabel}${w.capacity}m³`).join('、');
  return `${b.totalArea}㎡ · ${floors} · ${b.useFunction}${water ? ` · ${water}` : ''}`;
};

/** 项目详情 for leads: read-only; the institution admin enters and edits projects on the web. */
export default function ProjectDetailPage() {
  const { params } = useRouter();
  const [project, setProject] = useState<ProjectDetail | null>(null);
  const [buildings, setBuildings] = useState<BuildingsSummary | null>(null);
  const [error, setError] = useState('');

  useDidShow(() => {
    if (!requireSession(LEAD_KINDS)) return;
    const id = Number(params.id);
    if (!Number.isInteger(id) || id <= 0) {
      setError('项目编号不正确');
      return;
    }
    Promise.all([
      request<ProjectDetail>(`/projects/${id}`),
      request<BuildingsSummary>(`/projects/${id}/buildings`),
    ])
      .then(([p, b]) => {
        setProject(p);
        setBuildings(b);
        setError('');
        void Taro.setNavigationBarTitle({ title: p.siteName });
      })
      .catch((e: Error) => setError(e.message));
  });

  if (error)
    return (
      <PageShell>
        <Text className="error-text">{error}</Text>
      </PageShell>
    );
  if (!project) return <PageShell />;
  const p = project;
  return (
    <PageShell className="project-detail">
      <View className="card">
        <View className="row">
          <Text className="card-title">{p.siteName}</Text>
          <Text className={STATUS_BADGE[p.status]}>{p.statusLabel}</Text>
        </View>
        <Line label="项目类型" value={`${p.kindLabel}项目`} />
        <Line label="管辖归属" value={p.detachmentName ?? '—'} />
        <Line label="所在地区" value={`${p.province}${p.city === '市辖区' ? '' : p.city}${p.district}`} />
        <Line label="详细地址" value={p.address} />
        <Line label="统一社会信用代码" value={p.siteUscc} />
        <Line label="消防安全等级" value={p.socialUnit?.safetyLevel ?? '没有对应关系'} />
        <Line label="双随机项目" value={p.registryProjectLabel} />
        <Line label="项目负责人" value={p.projectLeadName ?? '—'} />
        {p.ended ? <Line label="结束原因" value={`${p.ended.reason}（${p.ended.byName}）`} /> : null}
      </View>

      <View className="card">
        <Text className="card-title">甲方与合同</Text>
        <Line label="甲方单位" value={p.clientName ?? '—'} />
        <Line
          label="甲方联系人"
          value={
            p.contact ? `${p.contact.name}${p.contact.position ? `（${p.contact.position}）` : ''}` : '—'
          }
        />
        <Line label="联系电话" value={p.contact?.mobile ?? '—'} />
        <Line label="签订日期" value={p.signedOn} />
        <Line label="合同期限" value={`${p.contractStart} 至 ${p.contractEnd}`} />
      </View>

      {p.kind === 'testing' ? (
        <View className="card">
          <Text className="card-title">检测范围</Text>
          <Line label="检测类型" value={p.testingTypeLabel ?? '—'} />
          <View className="scope-tags">
            {(p.scope ?? []).map((s) => (
              <Text className="badge badge-pending" key={s}>
                {s}
              </Text>
            ))}
          </View>
          <Button
            className="btn btn-small testing-plan-entry"
            onClick={() => void Taro.navigateTo({ url: `/pages/testing-plan/index?id=${p.id}` })}
          >
            检测计划
          </Button>
        </View>
      ) : (
        <View className="card">
          <Text className="card-title">维保安排</Text>
          <Line label="维保月份" value={`${p.firstMonth} 至 ${p.lastMonth}`} />
          <Line label="维保总次数" value={`${p.maintenanceCount}次`} />
          <Line label="消防系统" value={p.fireSystemsAddedLabel} />
          <Button
            className="btn btn-small testing-plan-entry"
            onClick={() => void Taro.navigateTo({ url: `/pages/maintenance-plans/index?id=${p.id}` })}
          >
            维保计划
          </Button>
        </View>
      )}

      <View className="card">
        <Text className="card-title">建筑物</Text>
        {buildings && buildings.items.length > 0 ? (
          <>
            <Line label="总建筑面积" value={`${buildings.totalArea}㎡（${buildings.items.length}栋）`} />
            {buildings.items.map((b) => (
              <Line key={b.id} label={b.name} value={buildingLine(b)} />
            ))}
          </>
        ) : (
          <View className="empty">未添加建筑物</View>
        )}
      </View>

      <View className="card">
        <Text className="card-title">项目位置</Text>
        {p.geofence ? (
          <>
            <Line label="标注状态" value="已标注" />
            <Line label="围栏中心" value={`${p.geofence.lng.toFixed(5)}, ${p.geofence.lat.toFixed(5)}`} />
            <Line label="围栏半径" value={`${p.geofence.radius}米`} />
          </>
        ) : (
          <View className="empty">未标注项目位置（由机构管理员在电脑端标注）</View>
        )}
      </View>
    </PageShell>
  );
}
