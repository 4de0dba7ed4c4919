import { Button, Input, Select, Space, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { ComplianceStatus, InstitutionView as Institution } from '@xf/domain/api/institutions';
import { api, type ApiQuery } from '../../api/client';
import { ExportExcelButton, type ExportColumn } from '../../components/ExportExcelButton';
import { COMPLIANCE_LABELS } from '../../components/format';
import { PageCard } from '../../components/PageCard';
import { RegionCascader } from '../../components/RegionCascader';
import { useServerTable, type PageLoader } from '../../components/useServerTable';
import { officeOf } from '../../api/institutions';
import { FitTable } from '../../components/FitTable';

const officeText = (i: Institution) => {
  const o = officeOf(i);
  return [o.province, o.city, o.district, o.address].filter(Boolean).join('');
};

/** 消防技术服务机构列表 (brigade: all; detachment: those working in its jurisdiction). */
export function InstitutionListPage({
  mode,
  complianceFocus = false,
}: {
  mode: 'brigade' | 'detachment';
  complianceFocus?: boolean;
}) {
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [region, setRegion] = useState<string[]>([]);
  const [officeMarked, setOfficeMarked] = useState<'true' | 'false' | undefined>();
  const [complianceStatus, setComplianceStatus] = useState<ComplianceStatus | undefined>(
    complianceFocus ? 'noncompliant' : undefined,
  );
  const [filters, setFilters] = useState({ complianceStatus } as ApiQuery<'getInstitutions'>);
  const load: PageLoader<Institution> = (p) => api.getInstitutions({ ...filters, ...p });
  const { tableProps, page, pageSize } = useServerTable(load, filters);

  const search = (nameValue = name) =>
    setFilters({
      name: nameValue.trim() || undefined,
      province: region[0],
      city: region[1],
      district: region[2],
      officeMarked,
      complianceStatus,
    });

  const columns: TableColumnsType<Institution> = [
    { title: '序号', width: 64, render: (_v, _r, i) => (page - 1) * pageSize + i + 1 },
    { title: '机构名称', dataIndex: 'name' },
    { title: '工商注册地址', dataIndex: 'registeredAddress' },
    { title: '服务类型', dataIndex: 'serviceTypesLabel' },
    {
      title: '实际办公地址',
      render: (_v, i) => (
        <span title={officeText(i)}>
          <Tag color={i.officeMarked ? 'success' : 'default'}>{i.officeMarkedLabel}</Tag>
        </span>
      ),
    },
    {
      title: '合规状态',
      dataIndex: 'complianceStatus',
      render: (v: string) => {
        const c = COMPLIANCE_LABELS[v];
        return c ? <Tag color={c.color}>{c.text}</Tag> : v;
      },
    },
    {
      title: '操作',
      width: 96,
      render: (_v, i) => (
        <Button type="link" size="small" onClick={() => navigate(`/institutions/${i.id}`)}>
          基本信息
        </Button>
      ),
    },
  ];

  const exportColumns: ExportColumn<Institution>[] = [
    { title: '序号', value: (_i, n) => n + 1 },
    { title: '机构名称', value: (i) => i.name },
    { title: '统一社会信用代码', value: (i) => i.uscc },
    { title: '工商注册地址', value: (i) => i.registeredAddress },
    { title: '服务类型', value: (i) => i.serviceTypesLabel },
    { title: '实际办公地址', value: (i) => i.officeMarkedLabel },
    { title: '办公地址详情', value: officeText },
    { title: '合规状态', value: (i) => COMPLIANCE_LABELS[i.complianceStatus]?.text ?? i.complianceStatus },
    { title: '部局公示状态', value: (i) => i.publicityStatus },
  ];

  const title =
    mode === 'detachment' ? '辖区服务机构' : complianceFocus ? '合规状态' : '消防技术服务机构列表';

  return (
    <PageCard title={title}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input
          placeholder="输入机构名称"
          value={name}
          onChange={(e) => setName(e.target.value)}
          onPressEnter={() => search()}
          allowClear
          style={{ width: 240 }}
        />
        <RegionCascader value={region} onChange={setRegion} />
        <Select
          placeholder="实际办公地址"
          allowClear
          value={officeMarked}
          onChange={setOfficeMarked}
          style={{ width: 140 }}
          options={[
            { value: 'true', label: '已标记' },
            { value: 'false', label: '未标记' },
          ]}
        />
        <Select
          placeholder="合规状态"
          allowClear
          value={complianceStatus}
          onChange={setComplianceStatus}
          style={{ width: 160 }}
          options={Object.entries(COMPLIANCE_LABELS).map(([value, { text }]) => ({ value, label: text }))}
        />
        <Button type="primary" onClick={() => search()}>
          搜索
        </Button>
        <ExportExcelButton path={load} filters={filters} columns={exportColumns} fileName={title} />
      </Space>
      <FitTable<Institution> {...tableProps} size="small" bordered columns={columns} />
    </PageCard>
  );
}
