import { Input, Space, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { Id } from '@xf/domain/api-client/index';
import type { PersonView as Person } from '@xf/domain/api/institutions';
import { api } from '../../api/client';
import { ExportExcelButton, type ExportColumn } from '../../components/ExportExcelButton';
import { fmtDate, isExpired, kindLabel } from '../../components/format';
import { useServerTable, type PageLoader } from '../../components/useServerTable';
import { FitTable } from '../../components/FitTable';

const validity = (p: Person) =>
  p.registeredEngineer
    ? `${fmtDate(p.registeredEngineer.validFrom)}-${fmtDate(p.registeredEngineer.validTo)}`
    : '';
const operatorCert = (p: Person) =>
  p.operatorCertificate
    ? `${p.operatorCertificate.number}${p.operatorCertificate.gradeLabel ? `（${p.operatorCertificate.gradeLabel}）` : ''}`
    : '';

// The server says whether a certificate is valid today; fall back to the end date.
const engineerExpired = (p: Person) =>
  p.registeredEngineer?.valid === false || isExpired(p.registeredEngineer?.validTo);
const operatorExpired = (p: Person) =>
  p.operatorCertificate?.valid === false || isExpired(p.operatorCertificate?.validTo);

/** 机构人员信息 as imported from the ministry registry (read-only). */
export function PersonsTable({
  institutionId,
  churned = new Set<string>(),
}: {
  institutionId: Id;
  /** Names of the people whose joining or leaving made the institution's 人员频繁变动 flag. */
  churned?: ReadonlySet<string>;
}) {
  const flagged = (p: Person) => p.churnFlag || churned.has(p.name);
  const [name, setName] = useState('');
  const load: PageLoader<Person> = (p) => api.getInstitutionPersons(institutionId, { ...p, name });
  const { tableProps, page, pageSize } = useServerTable(load, { institutionId, name });

  const columns: TableColumnsType<Person> = [
    { title: '序号', width: 64, render: (_v, _r, i) => (page - 1) * pageSize + i + 1 },
    {
      title: '姓名',
      dataIndex: 'name',
      render: (v: string, p) =>
        flagged(p) ? (
          <Tooltip title="人员频繁变动，已跟踪标红">
            <span className="text-danger" data-testid="churn-flag">
              {v} <Tag color="red">变动频繁</Tag>
            </span>
          </Tooltip>
        ) : (
          v
        ),
    },
    { title: '注册级别', render: (_v, p) => p.registeredEngineer?.levelLabel ?? '' },
    { title: '岗位', render: (_v, p) => p.postLabel ?? p.post },
    { title: '注册号', render: (_v, p) => p.registeredEngineer?.registrationNumber ?? '' },
    {
      title: '注册有效期',
      render: (_v, p) =>
        p.registeredEngineer ? (
          <span className={engineerExpired(p) ? 'text-danger' : undefined}>
            {validity(p)}
            {engineerExpired(p) && (
              <Tag color="red" style={{ marginLeft: 4 }}>
                已过期
              </Tag>
            )}
          </span>
        ) : (
          ''
        ),
    },
    {
      title: '操作员证书',
      render: (_v, p) =>
        p.operatorCertificate ? (
          <span className={operatorExpired(p) ? 'text-danger' : undefined}>
            {operatorCert(p)}
            {operatorExpired(p) && (
              <Tag color="red" style={{ marginLeft: 4 }}>
                已过期
              </Tag>
            )}
          </span>
        ) : (
          ''
        ),
    },
    { title: '账号类别', render: (_v, p) => kindLabel(p.accountKind) },
    {
      title: '账号',
      width: 90,
      render: (_v, p) => (p.hasAccount ? <Tag color="blue">已开通</Tag> : <Tag>未开通</Tag>),
    },
  ];

  const exportColumns: ExportColumn<Person>[] = [
    { title: '序号', value: (_p, i) => i + 1 },
    { title: '姓名', value: (p) => p.name },
    { title: '注册级别', value: (p) => p.registeredEngineer?.levelLabel },
    { title: '岗位', value: (p) => p.postLabel ?? p.post },
    { title: '注册号', value: (p) => p.registeredEngineer?.registrationNumber },
    { title: '注册有效期', value: validity },
    { title: '操作员证书', value: operatorCert },
    { title: '账号类别', value: (p) => kindLabel(p.accountKind) },
    { title: '人员变动标红', value: (p) => (flagged(p) ? '是' : '') },
  ];

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Input.Search
          placeholder="输入姓名"
          allowClear
          onSearch={setName}
          style={{ width: 240 }}
          enterButton="搜索"
        />
        <ExportExcelButton path={load} filters={{ name }} columns={exportColumns} fileName="机构人员信息" />
      </Space>
      <FitTable<Person>
        {...tableProps}
        size="small"
        bordered
        columns={columns}
        rowClassName={(p) => (flagged(p) ? 'row-flagged' : '')}
      />
    </>
  );
}
