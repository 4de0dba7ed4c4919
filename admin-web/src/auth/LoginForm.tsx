import { LockOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Tooltip } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { captchaImageSrc, getCaptcha, login } from '../api/auth';
import { ApiError } from '../api/client';
import type { Captcha, LoginResult } from '../api/types';

interface Values {
  accountName: string;
  password: string;
  captchaText: string;
}

interface Props {
  /** Pre-filled and locked account name (re-login of the same user). */
  fixedAccountName?: string;
  onLoggedIn: (result: LoginResult) => void;
}

/** 用户名 / 密码 / 验证码 form shared by the login page and the re-login modal. */
export function LoginForm({ fixedAccountName, onLoggedIn }: Props) {
  const [form] = Form.useForm<Values>();
  const [captcha, setCaptcha] = useState<Captcha | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const refreshCaptcha = useCallback(async () => {
    form.setFieldValue('captchaText', '');
    try {
      setCaptcha(await getCaptcha());
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '验证码获取失败');
    }
  }, [form]);

  useEffect(() => {
    void refreshCaptcha();
  }, [refreshCaptcha]);

  const submit = async (values: Values) => {
    if (!captcha) return;
    setSubmitting(true);
    setError(null);
    try {
      const result = await login({
        accountName: fixedAccountName ?? values.accountName.trim(),
        password: values.password,
        captchaId: captcha.captchaId,
        captchaText: values.captchaText.trim(),
      });
      onLoggedIn(result);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '登录失败，请稍后重试');
      form.setFieldValue('password', '');
      void refreshCaptcha();
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      size="large"
      onFinish={submit}
      initialValues={{ accountName: fixedAccountName ?? '' }}
      autoComplete="off"
    >
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />
      )}
      <Form.Item name="accountName" rules={[{ required: true, message: '请输入用户名' }]}>
        <Input prefix={<UserOutlined />} placeholder="用户名" disabled={Boolean(fixedAccountName)} />
      </Form.Item>
      <Form.Item name="password" rules={[{ required: true, message: '请输入密码' }]}>
        <Input.Password prefix={<LockOutlined />} placeholder="密码" />
      </Form.Item>
      <Form.Item required>
        <div style={{ display: 'flex', gap: 8 }}>
          <Form.Item name="captchaText" noStyle rules={[{ required: true, message: '请输入验证码' }]}>
            <Input prefix={<SafetyCertificateOutlined />} placeholder="验证码" style={{ flex: 1 }} />
          </Form.Item>
          <Tooltip title="看不清？点击换一张">
            <img
              alt="验证码"
              data-testid="captcha-image"
              data-captcha-id={captcha?.captchaId ?? ''}
              src={captcha ? captchaImageSrc(captcha.svg) : undefined}
              onClick={() => void refreshCaptcha()}
              style={{
                width: 120,
                height: 40,
                cursor: 'pointer',
                border: '1px solid #d9d9d9',
                borderRadius: 6,
                background: '#fff',
              }}
            />
          </Tooltip>
        </div>
      </Form.Item>
      <Button type="primary" danger htmlType="submit" block loading={submitting}>
        登录
      </Button>
    </Form>
  );
}
