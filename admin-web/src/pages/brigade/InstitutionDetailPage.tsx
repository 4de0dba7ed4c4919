import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, List, Result, Spin, Tabs, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type {
  ComplianceFailure,
  ComplianceView as Compliance,
  InstitutionView as InstitutionDetail,
  StaffChangeView as StaffChange,
} from '@xf/domain/api/institutions';
import type { Id } from '@xf/domain/api-client/index';
import { api } from '../../api/client';
import { useApiError } from '../../api/errors';
import { officeOf } from '../../api/institutions';
import { useUser } from '../../auth/AuthContext';
import { AccountsTable } from '../../components/AccountsTable';
import { CHANGE_LABELS, COMPLIANCE_LABELS, fmtDateTime } from '../../components/format';
import { OfficeMap } from '../../components/OfficeMap';
import { PageCard } from '../../components/PageCard';
import { useServerTable } from '../../components/useServerTable';
import { InstitutionBasicInfo } from '../institution/InstitutionBasicInfo';
import { PersonsTable } from '../institution/PersonsTable';
import { FitTable } from '../../components/FitTable';

function FailureList({ failures }: { failures: ComplianceFailure[] }) {
  if (failures.length === 0) return <Alert type="success" showIcon title="符合从业条件" />;
  return (
    <List
      size="small"
      bordered
      dataSource={failures}
      renderItem={(f) => (
        <List.Item>
          <Typography.Text type="danger">{f.message}</Typography.Text>
          {f.clause && <Typography.Text type="secondary">依据：{f.clause}</Typography.Text>}
        </List.Item>
      )}
    />
  );
}

function StaffChangesTable({ institutionId }: { institutionId: Id }) {
  const { tableProps } = useServerTable((p) => api.getInstitutionStaffChanges(institutionId, p), {
    institutionId,
  });
  return (
    <FitTable<StaffChange>
      {...tableProps}
      rowKey={(c) => `${c.personName}-${c.on}-${c.change}`}
      size="small"
      bordered
      columns={[
        { title: '姓名', dataIndex: 'personName' },
        {
          title: '变动',
          dataIndex: 'change',
          render: (v: string, c) => (
            <Tag color={CHANGE_LABELS[v]?.color}>{c.changeLabel ?? CHANGE_LABELS[v]?.text ?? v}</Tag>
          ),
        },
        { title: '变更字段', dataIndex: 'fields', render: (v: string[] | null) => (v ?? []).join('、') },
        { title: '日期', dataIndex: 'on' },
      ]}
    />
  );
}

/** 机构基本信息 as the brigade / detachment sees it, with compliance reasons and history. */
export function InstitutionDetailPage() {
  const { id } = useParams();
  const user = useUser();
  const navigate = useNavigate();
  const onError = useApiError();
  const [institution, setInstitution] = useState<InstitutionDetail | null>(null);
  const [compliance, setCompliance] = useState<Compliance | null>(null);
  const [failed, setFailed] = useState(false);

  const load = useCallback(() => {
    api.getInstitution(id!).then(setInstitution, (e) => {
      setFailed(true);
      onError(e);
    });
    api.getInstitutionCompliance(id!).then(setCompliance, onError);
  }, [id, onError]);
  useEffect(load, [load]);

  if (failed) return <Result status="404" title="未找到该机构" />;
  if (!institution) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  const office = officeOf(institution);
  const failures = compliance?.failures ?? institution.complianceFailures ?? [];

  return (
    <PageCard
      title={
        <span>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} />
          {institution.name}
        </span>
      }
    >
      <Tabs
        items={[
          {
            key: 'basic',
            label: '基本信息',
            children: (
              <>
                <InstitutionBasicInfo institution={institution} canConfirm={false} onChanged={() => load()} />
                <Typography.Title level={5} style={{ marginTop: 16 }}>
                  实际办公地址 {office.lng != null && <Tag>{`${office.lng}, ${office.lat}（GCJ-02）`}</Tag>}
                </Typography.Title>
                <OfficeMap lng={office.lng} lat={office.lat} height={300} />
              </>
            ),
          },
          {
            key: 'compliance',
            label: (
              <span>
                合规状态{' '}
                {failures.length > 0 && (
                  <Tag color="red" style={{ marginInlineStart: 4 }}>
                    {failures.length}
                  </Tag>
                )}
              </span>
            ),
            children: (
              <>
                <FailureList failures={failures} />
                <Typography.Title level={5} style={{ marginTop: 16 }}>
                  历史记录
                </Typography.Title>
                {compliance?.history.length ? (
                  <Timeline
                    items={compliance.history.map((h) => ({
                      color: h.status === 'compliant' ? 'green' : 'red',
                      content: (
                        <div>
                          <b>{fmtDateTime(h.at)}</b> {COMPLIANCE_LABELS[h.status]?.text ?? h.status}
                          {(h.failures ?? []).map((f) => (
                            <div key={f.conditionId} className="text-danger">
                              {f.message}
                            </div>
                          ))}
                        </div>
                      ),
                    }))}
                  />
                ) : (
                  <Empty description="暂无历史记录" />
                )}
              </>
            ),
          },
          { key: 'persons', label: '人员信息', children: <PersonsTable institutionId={institution.id} /> },
          {
            key: 'changes',
            label: '人员变动',
            children: <StaffChangesTable institutionId={institution.id} />,
          },
          ...(user.abilities['account.list']
            ? [
                {
                  key: 'accounts',
                  label: '机构账号',
                  children: <AccountsTable filters={{ institutionId: institution.id }} />,
                },
              ]
            : []),
        ]}
      />
    </PageCard>
  );
}
