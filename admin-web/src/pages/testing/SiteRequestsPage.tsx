import { Select } from 'antd';
import { useEffect, useState } from 'react';
import type { SiteRequestStatus, SiteRequestView } from '@xf/domain/api/site-requests';
import { api } from '../../api/client';
import { useApiError } from '../../api/errors';
import { PageCard } from '../../components/PageCard';
import { SiteRequestsTable } from '../../components/SiteRequestsTable';

/**
 * 查看提交申请处理 (manual §02): every start/submit request of the institution's projects with the checks the
 * server ran (location distance, mock location, face score) and the lead's decision.
 */
export function SiteRequestsPage() {
  const onError = useApiError();
  const [status, setStatus] = useState<SiteRequestStatus | undefined>();
  const [rows, setRows] = useState<SiteRequestView[] | null>(null);
  useEffect(() => {
    setRows(null);
    api.getSiteRequests(status ? { status } : {}).then((r) => setRows(r.items), onError);
  }, [status, onError]);

  return (
    <PageCard
      title="查看提交申请处理"
      extra={
        <Select
          allowClear
          placeholder="处理状态"
          style={{ width: 140 }}
          onChange={setStatus}
          options={[
            { value: 'pending', label: '待审批' },
            { value: 'approved', label: '已同意' },
            { value: 'rejected', label: '已驳回' },
          ]}
        />
      }
    >
      <SiteRequestsTable
        loading={rows === null}
        rows={rows ?? []}
        pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 条` }}
        emptyText="暂无申请：操作员在APP提交开始检测或提交检测结果申请后显示在这里"
      />
    </PageCard>
  );
}
