import { Alert, Form, Input } from 'antd';
import { api } from '../../api/client';
import type { ProjectRow } from '@xf/domain/api/projects';
import { FormModal } from '../../components/FormModal';

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
  const verb = project.kind === 'testing' ? '注销' : '终止';
  const save = ({ reason }: { reason: string }) =>
    project.kind === 'testing'
      ? api.postProjectCancel(project.id, { reason })
      : api.postProjectTerminate(project.id, { reason });
  return (
    <FormModal<{ reason: string }>
      title={`${verb}项目：${project.siteName}`}
      okText={`确认${verb}`}
      danger
      save={save}
      savedText={`项目已${verb}`}
      onClose={onClose}
      onSaved={onDone}
    >
      <Alert
        type="warning"
        showIcon
        title={`注意：${verb}后不能恢复，请谨慎操作。`}
        style={{ marginBottom: 16 }}
      />
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
    </FormModal>
  );
}
