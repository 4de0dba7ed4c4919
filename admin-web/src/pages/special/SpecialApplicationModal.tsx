import { App, Button, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { specialApplicationKindLabels } from '@xf/domain/api/special-applications';
import { useEffect, useState } from 'react';
import { http } from '../../api/client';
import { useApiError } from '../../api/errors';
import type { ProjectRow } from '@xf/domain/api/projects';
import { ApplicationTable } from './ApplicationRecords';
import type { SpecialApplicationRow } from './types';
import { FileDropZone } from '../../components/FileDropZone';

interface Values {
  kind: 'direct_report_upload';
  reason: string;
}

/**
 * 特殊申请 (manual §04): for sites where phones may not be carried, ask the brigade to upload the
 * company's own reports. Testing projects must attach the client's proof (甲方单位出具的证明材料).
 */
export function SpecialApplicationModal({ project, onClose }: { project: ProjectRow; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const onError = useApiError();
  const { message } = App.useApp();
  const [files, setFiles] = useState<{ id: number; name: string }[]>([]);
  const [saving, setSaving] = useState(false);
  const [records, setRecords] = useState<SpecialApplicationRow[] | null>(null);
  const [showRecords, setShowRecords] = useState(false);
  const testing = project.kind === 'testing';

  useEffect(() => {
    http
      .get<{ items: SpecialApplicationRow[] }>(`/projects/${project.id}/special-applications`)
      .then((r) => setRecords(r.items))
      .catch(onError);
  }, [project.id, onError]);

  const upload = async (file: File) => {
    try {
      const fd = new FormData();
      fd.append('file', file);
      const stored = await http.upload<{ id: number }>('/files', fd);
      setFiles((f) => [...f, { id: stored.id, name: file.name }]);
    } catch (e) {
      onError(e);
    }
  };

  const submit = async (v: Values) => {
    if (testing && files.length === 0) {
      onError(new Error('检测项目须提交甲方单位出具的证明材料'));
      return;
    }
    setSaving(true);
    try {
      await http.post(`/projects/${project.id}/special-applications`, {
        ...v,
        fileIds: files.map((f) => f.id),
      });
      message.success('特殊申请已提交，请等待总队审核');
      onClose();
    } catch (e) {
      onError(e, form);
    } finally {
      setSaving(false);
    }
  };

  const pending = records?.some((r) => r.status === 'pending');
  return (
    <Modal
      open
      width={760}
      title="特殊申请"
      okText="提交申请"
      cancelText="返回"
      confirmLoading={saving}
      okButtonProps={{ disabled: pending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'direct_report_upload' }}>
        <Form.Item label="项目名称">
          <Typography.Text strong>{project.siteName}</Typography.Text>
        </Form.Item>
        <Form.Item label="选择申请" name="kind" rules={[{ required: true, message: '请选择申请' }]}>
          <Select
            options={Object.entries(specialApplicationKindLabels).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Space style={{ marginBottom: 12 }}>
          <Button type="link" style={{ padding: 0 }} onClick={() => setShowRecords((s) => !s)}>
            查看申请记录{records ? `（${records.length}）` : ''}
          </Button>
          {pending && <Typography.Text type="warning">已有待总队审核的申请，请等待审核结果</Typography.Text>}
        </Space>
        {showRecords && records && <ApplicationTable rows={records} />}
        <Form.Item
          label="原因"
          name="reason"
          rules={[
            { required: true, whitespace: true, message: '请填写申请原因' },
            { min: 2, message: '原因至少2个字' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} placeholder="如：保密单位，现场不能携带手机" />
        </Form.Item>
        <Form.Item
          label={testing ? '说明材料（检测项目须提交甲方单位出具的证明材料）' : '说明材料(非必填)'}
          required={testing}
        >
          <FileDropZone multiple onFile={upload} />
          {files.map((f) => (
            <div key={f.id}>
              {f.name}{' '}
              <Button
                type="link"
                danger
                size="small"
                onClick={() => setFiles((x) => x.filter((y) => y.id !== f.id))}
              >
                删除
              </Button>
            </div>
          ))}
        </Form.Item>
      </Form>
    </Modal>
  );
}
