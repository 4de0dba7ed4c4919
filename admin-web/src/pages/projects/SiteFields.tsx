import { Col, Form, Input, Row, Select, Typography, type FormInstance } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { useApiError } from '../../api/errors';
import type {
  LeadCandidate,
  ProjectDetail,
  ProjectKind,
  RegistryProject,
  SocialUnit,
} from '../../api/projects';
import type { Detachment } from '../../api/types';
import { RegionCascader } from '../../components/RegionCascader';
import { zodRule } from '../../forms/rules';
import { usccOrNullSchema } from '@xf/domain/rules/forms';

/** 没有对应关系: the select value meaning "no link" (sent to the server as null). */
export const NO_LINK = 0;

export interface SiteValues {
  siteName: string;
  socialUnitId: number;
  registryProjectId: number;
  siteUscc: string;
  detachmentId?: number;
  region?: string[];
  address?: string;
  projectLeadAccountId?: number;
}

/** Server field names that are shown on another form field here. */
export const SITE_FIELD_ALIASES = { province: 'region', city: 'region', district: 'region' };

export const siteInitialValues = (p?: ProjectDetail | null): Partial<SiteValues> =>
  p
    ? {
        siteName: p.siteName,
        socialUnitId: p.socialUnit?.id ?? NO_LINK,
        registryProjectId: p.registryProject?.id ?? NO_LINK,
        siteUscc: p.siteUscc ?? 'NULL',
        detachmentId: p.detachmentId ?? undefined,
        region: [p.province, p.city, p.district].filter(Boolean),
        address: p.address,
        projectLeadAccountId: p.projectLeadAccountId,
      }
    : { socialUnitId: NO_LINK, registryProjectId: NO_LINK };

export function siteBody(v: SiteValues) {
  const [province, city, district] = v.region ?? [];
  return {
    siteName: v.siteName,
    socialUnitId: v.socialUnitId || null,
    registryProjectId: v.registryProjectId || null,
    siteUscc: v.siteUscc?.trim() || 'NULL',
    detachmentId: v.detachmentId ?? null,
    province,
    city,
    district,
    address: v.address,
    projectLeadAccountId: v.projectLeadAccountId,
  };
}

function SocialUnitSelect({
  value,
  onChange,
  initial,
  onChosen,
}: {
  value?: number;
  onChange?: (v: number) => void;
  initial: ProjectDetail['socialUnit'];
  onChosen: (u: SocialUnit | null) => void;
}) {
  const onError = useApiError();
  const [units, setUnits] = useState<SocialUnit[]>([]);
  const [hint, setHint] = useState('名字至少输入2个字');
  const seq = useRef(0);
  const search = (q: string) => {
    const text = q.trim();
    if (text.length < 2) {
      setHint('名字至少输入2个字');
      return;
    }
    const mine = ++seq.current;
    api.getSocialUnits({ q: text, pageSize: 20 }).then((r) => {
      if (mine !== seq.current) return;
      setUnits(r.items);
      setHint('没有找到，请换个名字或选择“没有对应关系”');
    }, onError);
  };
  const options = [
    { value: NO_LINK, label: '没有对应关系', unit: null as SocialUnit | null },
    ...(initial && !units.some((u) => u.id === initial.id)
      ? [{ value: initial.id, label: initial.name, unit: null }]
      : []),
    ...units.map((u) => ({ value: u.id, label: u.name, unit: u })),
  ];
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: search }}
      value={value}
      placeholder="输入社会单位名称或统一社会信用代码搜索"
      notFoundContent={hint}
      options={options}
      optionRender={(o) => {
        const u = (o.data as { unit: SocialUnit | null }).unit;
        if (!u) return o.label;
        return (
          <div data-testid="social-unit-option">
            <div>{u.name}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              地址：{u.address || '—'} · 单位类型：{u.unitType || '—'} · {u.safetyLevel}
            </Typography.Text>
          </div>
        );
      }}
      onChange={(v: number) => {
        onChange?.(v);
        onChosen(units.find((u) => u.id === v) ?? null);
      }}
    />
  );
}

function RegistryProjectSelect({
  value,
  onChange,
  kind,
  initial,
}: {
  value?: number;
  onChange?: (v: number) => void;
  kind: ProjectKind;
  initial: ProjectDetail['registryProject'];
}) {
  const onError = useApiError();
  const [items, setItems] = useState<RegistryProject[]>([]);
  const [q, setQ] = useState('');
  useEffect(() => {
    let cancelled = false;
    api.getRegistryProjects({ kind, q, pageSize: 50 }).then((r) => !cancelled && setItems(r.items), onError);
    return () => {
      cancelled = true;
    };
  }, [kind, q, onError]);
  const options = [
    { value: NO_LINK, label: '没有对应关系' },
    ...(initial && !items.some((i) => i.id === initial.id)
      ? [{ value: initial.id, label: `${initial.externalId} ${initial.socialUnitName}` }]
      : []),
    ...items.map((i) => ({
      value: i.id,
      label: `${i.externalId} ${i.socialUnitName}${i.startDate ? `（${i.startDate}～${i.endDate ?? ''}）` : ''}`,
    })),
  ];
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      options={options}
      placeholder="按社会单位名称搜索"
    />
  );
}

/** 项目场所 fields shared by 检测项目 and 维保项目 (manual §02/§03 录入项目). */
export function SiteFields({
  form,
  kind,
  detail,
  detachments,
  leads,
}: {
  form: FormInstance;
  kind: ProjectKind;
  detail?: ProjectDetail | null;
  detachments: Detachment[];
  leads: LeadCandidate[];
}) {
  const kindLabel = kind === 'testing' ? '检测' : '维保';
  const chosen = (u: SocialUnit | null) => {
    if (!u) return;
    const patch: Partial<SiteValues> = { address: u.address };
    if (u.detachmentId) patch.detachmentId = u.detachmentId;
    if (u.district) patch.region = ['北京市', '市辖区', u.district];
    if (u.uscc) patch.siteUscc = u.uscc;
    if (!form.getFieldValue('siteName')) patch.siteName = u.name;
    form.setFieldsValue(patch);
  };
  return (
    <>
      <Form.Item
        label="项目场所名称"
        name="siteName"
        extra="提示：报告书项目概况中场所名称栏以此项为准，请注意填写！"
        rules={[
          { required: true, whitespace: true, message: '请填写项目场所名称' },
          { min: 2, message: '项目场所名称至少2个字' },
        ]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        label="项目场所消防安全等级标注"
        name="socialUnitId"
        required
        extra="注意：名字至少输入2个字，选择后，系统会自动填入对应的消防管辖、详细地址信息，用户可自行核对选择是否有误。"
      >
        <SocialUnitSelect initial={detail?.socialUnit ?? null} onChosen={chosen} />
      </Form.Item>
      <Form.Item label={`关联双随机${kindLabel}项目`} name="registryProjectId" required>
        <RegistryProjectSelect kind={kind} initial={detail?.registryProject ?? null} />
      </Form.Item>
      <Form.Item
        label="项目场所统一社会信用代码"
        name="siteUscc"
        extra="如果属于民办非企业，没有统一社会信用代码，请输入NULL。"
        rules={[
          { required: true, whitespace: true, message: '请填写统一社会信用代码，没有时请输入NULL' },
          zodRule(usccOrNullSchema),
        ]}
      >
        <Input maxLength={18} placeholder="18位统一社会信用代码或NULL" />
      </Form.Item>
      <Form.Item
        label="项目场所消防管辖"
        name="detachmentId"
        extra="提示：报告书封面中间白名称栏以该项为准，请注意填写！管辖归属指这个项目归哪个支队管理。"
        rules={[{ required: true, message: '请选择项目场所消防管辖' }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={detachments.map((d) => ({ value: Number(d.id), label: d.name }))}
          placeholder="请选择支队"
        />
      </Form.Item>
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item label="所在地区" name="region" rules={[{ required: true, message: '请选择省/市/区' }]}>
            <RegionCascader style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item
            label="详细地址"
            name="address"
            rules={[{ required: true, whitespace: true, message: '请填写详细地址' }]}
          >
            <Input maxLength={300} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label="服务机构项目负责人"
        name="projectLeadAccountId"
        extra="下拉框里已过滤掉技术负责人。"
        rules={[{ required: true, message: '请选择项目负责人' }]}
      >
        <Select
          data-testid="project-lead-select"
          showSearch={{ optionFilterProp: 'label' }}
          options={leads.map((a) => ({ value: a.id, label: `${a.displayName}（${a.accountName}）` }))}
          placeholder="请选择项目负责人"
        />
      </Form.Item>
    </>
  );
}
