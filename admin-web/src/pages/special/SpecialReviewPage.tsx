import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Space } from 'antd';
import { specialApplicationStatusLabels } from '@xf/domain/api/special-applications';
import { allowedActions } from '@xf/domain/workflow/machine';
import { specialApplicationMachine } from '@xf/domain/workflow/special-application';
import { useState } from 'react';
import { http } from '../../api/client';
import { useApiError } from '../../api/errors';
import { PageCard } from '../../components/PageCard';
import { useServerTable } from '../../components/useServerTable';
import { ApplicationTable } from './ApplicationRecords';
import type { SpecialApplicationRow } from './types';

/** 特殊申请审核 (brigade): approve, or reject with a reason. */
export function SpecialReviewPage() {
  const onError = useApiError();
  const { message } = App.useApp();
  const [status, setStatus] = useState<string | undefined>('pending');
  const [rejecting, setRejecting] = useState<SpecialApplicationRow | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const { data, tableProps, reload } = useServerTable<SpecialApplicationRow>('/special-applications', {
    status,
  });

  const approve = async (a: SpecialApplicationRow) => {
    try {
      await http.post(`/special-applications/${a.id}/approve`);
      message.success('已通过，该项目可直接上传报告');
      reload();
    } catch (e) {
      onError(e);
    }
  };
  const reject = async ({ reason }: { reason: string }) => {
    try {
      await http.post(`/special-applications/${rejecting!.id}/reject`, { reason });
      message.success('已驳回');
      setRejecting(null);
      reload();
    } catch (e) {
      onError(e, form);
    }
  };

  return (
    <PageCard
      title="特殊申请审核"
      extra={
        <Select
          allowClear
          placeholder="全部状态"
          style={{ width: 140 }}
          value={status}
          onChange={setStatus}
          options={Object.entries(specialApplicationStatusLabels).map(([value, label]) => ({ value, label }))}
        />
      }
    >
      <ApplicationTable
        showProject
        rows={data?.items ?? []}
        loading={tableProps.loading}
        pagination={tableProps.pagination}
        actions={(a) =>
          allowedActions(specialApplicationMachine, a.status).includes('approve') ? (
            <Space size={0}>
              <Popconfirm
                title={`通过“${a.projectName}”的特殊申请？`}
                description="通过后该项目可直接上传本机构的PDF报告，不能撤回。"
                okText="确认通过"
                cancelText="返回"
                onConfirm={() => approve(a)}
              >
                <Button type="link" size="small" data-testid={`approve-${a.id}`}>
                  通过
                </Button>
              </Popconfirm>
              <Button type="link" size="small" danger onClick={() => setRejecting(a)}>
                驳回
              </Button>
            </Space>
          ) : null
        }
      />
      {rejecting && (
        <Modal
          open
          title={`驳回特殊申请：${rejecting.projectName}`}
          okText="确认驳回"
          cancelText="返回"
          onOk={() => form.submit()}
          onCancel={() => setRejecting(null)}
          destroyOnHidden
        >
          <Alert
            type="warning"
            showIcon
            title="驳回后不能撤回：该项目不能直接上传报告，机构需要重新提出申请。"
            style={{ marginBottom: 16 }}
          />
          <Form form={form} layout="vertical" onFinish={reject}>
            <Form.Item
              label="驳回原因"
              name="reason"
              rules={[
                { required: true, whitespace: true, message: '请填写驳回原因' },
                { min: 2, message: '驳回原因至少2个字' },
              ]}
            >
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </PageCard>
  );
}
