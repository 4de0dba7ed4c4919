import { Alert, Button, Form, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { useApiError } from '../../api/errors';
import type { MaintenanceContractDetail as MaintenanceContract } from '@xf/domain/api/projects';
import type { Attachment } from '../../api/projects';
import { PageCard } from '../../components/PageCard';
import { AttachmentsField, scopePageRule } from './AttachmentsField';
import { isoDay, PartyFields, toDay, type PartyValues } from './PartyFields';
import { useProjectOptions } from './useProjectOptions';
import { useFormSubmit } from '../../components/useFormSubmit';

type Values = PartyValues & { attachments?: Attachment[] };

/** 录入维保合同 (manual §03): 甲方, 联系人, dates and attachments with at least one 维保范围页. */
export function MaintenanceContractFormPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const onError = useApiError();
  const [form] = Form.useForm<Values>();
  const { clients } = useProjectOptions();
  const [contract, setContract] = useState<MaintenanceContract | null>(null);

  useEffect(() => {
    if (!id) return;
    api.getMaintenanceContract(id).then(setContract, onError);
  }, [id, onError]);

  const { saving, submit } = useFormSubmit(
    form,
    (v: Values) => {
      const body = {
        clientId: v.clientId,
        contactId: v.contactId,
        signedOn: isoDay(v.signedOn),
        contractStart: isoDay(v.contractStart),
        contractEnd: isoDay(v.contractEnd),
        attachments: (v.attachments ?? []).map((a) => ({ fileId: a.fileId, kind: a.kind })),
        // The form's rules require the dates before it submits.
      } as Parameters<typeof api.createMaintenanceContract>[0];
      return id ? api.updateMaintenanceContract(id, body) : api.createMaintenanceContract(body);
    },
    { savedText: '维保合同已保存', onSaved: () => navigate('/maintenance-contracts') },
  );

  if (id && !contract) return <Spin />;
  return (
    <PageCard title={id ? '更新服务合同' : '添加服务合同'}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={
          <div>
            1、录入合同时需要选择先前录入的甲方单位和对应的联系人。
            <br />
            2、合同附件至少要上传维保范围页，就是合同约定需要维保哪些消防系统。
          </div>
        }
      />
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ maxWidth: 860 }}
        onFinish={submit}
        initialValues={{
          clientId: contract?.clientId,
          contactId: contract?.contact?.id,
          signedOn: toDay(contract?.signedOn),
          contractStart: toDay(contract?.contractStart),
          contractEnd: toDay(contract?.contractEnd),
          attachments: contract?.attachments ?? [],
        }}
      >
        <PartyFields form={form} clients={clients} />
        <Form.Item label="上传合同附件" name="attachments" rules={[scopePageRule('maintenance_scope')]}>
          <AttachmentsField scopeKind="maintenance_scope" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            保存
          </Button>
          <Button onClick={() => navigate('/maintenance-contracts')}>返回</Button>
        </Space>
      </Form>
    </PageCard>
  );
}
