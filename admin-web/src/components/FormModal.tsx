import { Form, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useFormSubmit } from './useFormSubmit';

/**
 * A modal holding one form: 确定 submits it, the button spins while `save` runs, success closes with a
 * message, and a refusal from the server lands on the named field (or as a message when it names none).
 * Every create/edit dialog of the admin web is this plumbing around its own fields.
 */
export function FormModal<V extends object>({
  title,
  okText = '保存',
  danger = false,
  width,
  initialValues,
  fieldAliases,
  save,
  savedText,
  onClose,
  onSaved,
  children,
}: {
  title: string;
  okText?: string;
  danger?: boolean;
  width?: number;
  initialValues?: Partial<V>;
  /** server field names that are shown under another form field (see `applyFieldErrors`) */
  fieldAliases?: Record<string, string>;
  save: (values: V) => Promise<unknown>;
  savedText: string;
  onClose: () => void;
  onSaved: () => void;
  children: ReactNode;
}) {
  const [form] = Form.useForm<V>();
  const { saving, submit } = useFormSubmit(form, save, { savedText, onSaved, fieldAliases });
  return (
    <Modal
      open
      width={width}
      title={title}
      okText={okText}
      okButtonProps={danger ? { danger: true } : undefined}
      cancelText="返回"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<V> form={form} layout="vertical" onFinish={submit} initialValues={initialValues}>
        {children}
      </Form>
    </Modal>
  );
}
