import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { useApiError } from '../../api/errors';
import type { ProjectRow } from '@xf/domain/api/projects';

/** 注销 (testing) / 终止 (maintenance): irreversible, with the reason recorded. */
export function EndProjectModal({
  project,
  onClose,
  onDone,
}: {
  project: ProjectRow;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const onError = useApiError();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const verb = project.kind === 'testing' ? '注销' : '终止';
  const submit = async ({ reason }: { reason: string }) => {
    setSaving(true);
    try {
      if (project.kind === 'testing') await api.postProjectCancel(project.id, { reason });
      else await api.postProjectTerminate(project.id, { reason });
      message.success(`项目已${verb}`);
      onDone();
    } catch (e) {
      onError(e, form);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={`${verb}项目：${project.siteName}`}
      okText={`确认${verb}`}
      okButtonProps={{ danger: true }}
      cancelText="返回"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        title={`注意：${verb}后不能恢复，请谨慎操作。`}
        style={{ marginBottom: 16 }}
      />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          label={`${verb}原因`}
          name="reason"
          rules={[
            { required: true, whitespace: true, message: `请填写${verb}原因` },
            { min: 2, message: '原因至少2个字' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
