import { App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { changePassword } from '../../api/auth';
import { useApiError } from '../../api/errors';
import { passwordRules } from '../../forms/rules';

interface Values {
  oldPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function PasswordChangeForm({
  onChanged,
  submitText = '修改密码',
}: {
  onChanged: () => void | Promise<void>;
  submitText?: string;
}) {
  const [form] = Form.useForm<Values>();
  const onError = useApiError();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const submit = async (v: Values) => {
    setSaving(true);
    try {
      await changePassword(v.oldPassword, v.newPassword);
      message.success('密码已修改');
      form.resetFields();
      await onChanged();
    } catch (e) {
      onError(e, form);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      style={{ maxWidth: 400 }}
      autoComplete="off"
    >
      <Form.Item label="原密码" name="oldPassword" rules={[{ required: true, message: '请输入原密码' }]}>
        <Input.Password placeholder="请输入原密码" />
      </Form.Item>
      <Form.Item label="新密码" name="newPassword" rules={passwordRules}>
        <Input.Password placeholder="请输入6-20位密码" />
      </Form.Item>
      <Form.Item
        label="确认新密码"
        name="confirmPassword"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: async (_, value) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致');
            },
          }),
        ]}
      >
        <Input.Password placeholder="请再次输入新密码" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>
        {submitText}
      </Button>
    </Form>
  );
}
