import { Button, Select, Space, Tag, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Id } from '@xf/domain/api-client/index';
import type { RedFlagView as RedFlag } from '@xf/domain/api/red-flags';
import { api, type ApiQuery } from '../../api/client';
import { ExportExcelButton, type ExportColumn } from '../../components/ExportExcelButton';
import { fmtDateTime } from '../../components/format';
import { InstitutionSelect } from '../../components/InstitutionSelect';
import { PageCard } from '../../components/PageCard';
import { useServerTable, type PageLoader } from '../../components/useServerTable';
import { FitTable } from '../../components/FitTable';

const SUBJECT_LABELS: Record<string, string> = {
  institution: '机构',
  person: '人员',
  account: '账号',
  project: '项目',
  testingProject: '检测项目',
  maintenanceProject: '维保项目',
};

/** 跟踪标红: anomalies recorded for the regulator. */
export function RedFlagPage() {
  const navigate = useNavigate();
  const [kind, setKind] = useState<string | undefined>();
  const [open, setOpen] = useState<string | undefined>('true');
  const [institutionId, setInstitutionId] = useState<Id | undefined>();
  const [subjectType, setSubjectType] = useState<string | undefined>();
  const filters = { kind, open, institutionId, subjectType } as ApiQuery<'getRedFlags'>;
  const load: PageLoader<RedFlag> = (p) => api.getRedFlags({ ...filters, ...p });
  const { tableProps } = useServerTable(load, filters);
  const [kinds, setKinds] = useState<{ kind: string; label: string }[]>([]);
  useEffect(() => {
    api.getRedFlagsKinds().then(setKinds, () => setKinds([]));
  }, []);

  const columns: TableColumnsType<RedFlag> = [
    { title: '标红类型', dataIndex: 'kindLabel', render: (v: string) => <Tag color="red">{v}</Tag> },
    {
      title: '对象',
      render: (_v, f) => `${SUBJECT_LABELS[f.subjectType] ?? f.subjectType}：${f.subjectName}`,
    },
    {
      title: '所属机构',
      render: (_v, f) =>
        f.institutionId ? (
          <Button type="link" size="small" onClick={() => navigate(`/institutions/${f.institutionId}`)}>
            查看机构
          </Button>
        ) : (
          ''
        ),
    },
    {
      title: '原因',
      dataIndex: 'reason',
      width: 420,
      render: (v: string) => <span className="text-danger">{v}</span>,
    },
    { title: '标红时间', dataIndex: 'raisedAt', render: (v: string) => fmtDateTime(v) },
    {
      title: '状态',
      dataIndex: 'clearedAt',
      render: (v: string | null) => (v ? <Tag>已解除 {fmtDateTime(v)}</Tag> : <Tag color="red">跟踪中</Tag>),
    },
  ];

  const exportColumns: ExportColumn<RedFlag>[] = [
    { title: '标红类型', value: (f) => f.kindLabel },
    { title: '对象类型', value: (f) => SUBJECT_LABELS[f.subjectType] ?? f.subjectType },
    { title: '对象', value: (f) => f.subjectName },
    { title: '机构编号', value: (f) => (f.institutionId == null ? '' : String(f.institutionId)) },
    { title: '原因', value: (f) => f.reason },
    { title: '标红时间', value: (f) => fmtDateTime(f.raisedAt) },
    { title: '解除时间', value: (f) => fmtDateTime(f.clearedAt) },
  ];

  return (
    <PageCard title="跟踪标红">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          placeholder="标红类型"
          allowClear
          value={kind}
          onChange={setKind}
          style={{ width: 180 }}
          options={kinds.map((k) => ({ value: k.kind, label: k.label }))}
        />
        <Select
          placeholder="对象类型"
          allowClear
          value={subjectType}
          onChange={setSubjectType}
          style={{ width: 140 }}
          options={Object.entries(SUBJECT_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <InstitutionSelect value={institutionId} onChange={setInstitutionId} placeholder="所属机构" />
        <Select
          value={open ?? 'all'}
          onChange={(v) => setOpen(v === 'all' ? undefined : v)}
          style={{ width: 120 }}
          options={[
            { value: 'true', label: '跟踪中' },
            { value: 'false', label: '已解除' },
            { value: 'all', label: '全部' },
          ]}
        />
        <ExportExcelButton path={load} filters={filters} columns={exportColumns} fileName="跟踪标红" />
      </Space>
      <FitTable<RedFlag> {...tableProps} size="small" bordered columns={columns} />
    </PageCard>
  );
}
