import { Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup, Empty, Tag } from '@nutui/nutui-react-taro';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../api/server';
import { LEAD_KINDS, requireSession } from '../../auth/guard';
import { PageShell } from '../../components/PageShell';
import { STATUS_TAG, type BuildingList, type ProjectDetail } from '../projects/types';
import '../projects/projects.css';

const buildingLine = (b: BuildingList['items'][number]) => {
  const floors = `地上${b.aboveGroundFloors}层${b.belowGroundFloors ? `、地下${b.belowGroundFloors}层` : ''}`;
  const water = b.waterSupplies.map((w) => `${w.kindLabel}${w.capacity}m³`).join('、');
  return `${b.totalArea}㎡ · ${floors} · ${b.useFunction}${water ? ` · ${water}` : ''}`;
};

/** 项目详情 for leads: read-only; the institution admin enters and edits projects on the web. */
export default function ProjectDetailPage() {
  const { params } = useRouter();
  const [project, setProject] = useState<ProjectDetail | null>(null);
  const [buildings, setBuildings] = useState<BuildingList | null>(null);
  const [error, setError] = useState('');

  useDidShow(() => {
    if (!requireSession(LEAD_KINDS)) return;
    const id = Number(params.id);
    if (!Number.isInteger(id) || id <= 0) {
      setError('项目编号不正确');
      return;
    }
    Promise.all([api.getProject(id), api.getProjectBuildings(id)])
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
        <Empty status="error" description={error} />
      </PageShell>
    );
  if (!project) return <PageShell />;
  const p = project;
  const contact = p.contact
    ? `${p.contact.name}${p.contact.position ? `（${p.contact.position}）` : ''}`
    : '—';
  return (
    <PageShell className="project-detail">
      <CellGroup
        title={
          <View className="row">
            <Text className="card-title">{p.siteName}</Text>
            <Tag type={STATUS_TAG[p.status]}>{p.statusLabel}</Tag>
          </View>
        }
      >
        <Cell title="项目类型" extra={`${p.kindLabel}项目`} />
        <Cell title="管辖归属" extra={p.detachmentName ?? '—'} />
        <Cell title="所在地区" extra={`${p.province}${p.city === '市辖区' ? '' : p.city}${p.district}`} />
        <Cell title="详细地址" extra={p.address} />
        <Cell title="统一社会信用代码" extra={p.siteUscc} />
        <Cell title="消防安全等级" extra={p.socialUnit?.safetyLevel ?? '没有对应关系'} />
        <Cell title="双随机项目" extra={p.registryProjectLabel} />
        <Cell title="项目负责人" extra={p.projectLeadName ?? '—'} />
        {p.ended ? (
          <Cell title="结束原因" extra={`${p.ended.reason ?? '—'}（${p.ended.byName ?? '—'}）`} />
        ) : null}
      </CellGroup>

      <CellGroup title="甲方与合同">
        <Cell title="甲方单位" extra={p.clientName ?? '—'} />
        <Cell title="甲方联系人" extra={contact} />
        <Cell title="联系电话" extra={p.contact?.mobile ?? '—'} />
        <Cell title="签订日期" extra={p.signedOn} />
        <Cell title="合同期限" extra={`${p.contractStart} 至 ${p.contractEnd}`} />
      </CellGroup>

      {p.kind === 'testing' ? (
        <CellGroup title="检测范围">
          <Cell title="检测类型" extra={p.testingTypeLabel ?? '—'} />
          <Cell
            description={
              <View className="scope-tags">
                {(p.scope ?? []).map((s) => (
                  <Tag key={s} type="primary" plain>
                    {s}
                  </Tag>
                ))}
              </View>
            }
          />
          <Button
            type="primary"
            block
            className="testing-plan-entry"
            onClick={() => void Taro.navigateTo({ url: `/pages/testing-plan/index?id=${p.id}` })}
          >
            检测计划
          </Button>
        </CellGroup>
      ) : (
        <CellGroup title="维保安排">
          <Cell title="维保月份" extra={`${p.firstMonth ?? '—'} 至 ${p.lastMonth ?? '—'}`} />
          <Cell title="维保总次数" extra={`${p.maintenanceCount ?? 0}次`} />
          <Cell title="消防系统" extra={p.fireSystemsAddedLabel} />
          <Button
            type="primary"
            block
            className="testing-plan-entry"
            onClick={() => void Taro.navigateTo({ url: `/pages/maintenance-plans/index?id=${p.id}` })}
          >
            维保计划
          </Button>
        </CellGroup>
      )}

      <CellGroup title="建筑物">
        {buildings && buildings.items.length > 0 ? (
          <>
            <Cell title="总建筑面积" extra={`${buildings.totalArea}㎡（${buildings.items.length}栋）`} />
            {buildings.items.map((b) => (
              <Cell key={b.id} title={b.name} description={buildingLine(b)} />
            ))}
          </>
        ) : (
          <Empty description="未添加建筑物" />
        )}
      </CellGroup>

      <CellGroup title="项目位置">
        {p.geofence ? (
          <>
            <Cell title="标注状态" extra="已标注" />
            <Cell title="围栏中心" extra={`${p.geofence.lng.toFixed(5)}, ${p.geofence.lat.toFixed(5)}`} />
            <Cell title="围栏半径" extra={p.geofence.radius == null ? '—' : `${p.geofence.radius}米`} />
          </>
        ) : (
          <Empty description="未标注项目位置（由机构管理员在电脑端标注）" />
        )}
      </CellGroup>
    </PageShell>
  );
}
