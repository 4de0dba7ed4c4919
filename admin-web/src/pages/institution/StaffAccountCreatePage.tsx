import { SearchOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { useApiError } from '../../api/errors';
import type { Person } from '../../api/types';
import { kindLabel } from '../../components/format';
import { PageCard } from '../../components/PageCard';
import { accountNameRules, passwordRules } from '../../forms/rules';
import { certificateNumberOf, PersonPickerModal } from './PersonPickerModal';

interface Values {
  personId: Person['id'];
  personName: string;
  certificateNumber: string;
  accountName: string;
  password: string;
}

/** 添加企业人员账号 (manual §01): the kind follows from the chosen person's certificates and is never sent. */
export function StaffAccountCreatePage() {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const onError = useApiError();
  const { message } = App.useApp();
  const [picking, setPicking] = useState(false);
  const [person, setPerson] = useState<Person | null>(null);
  const [saving, setSaving] = useState(false);

  const pick = (p: Person) => {
    setPerson(p);
    setPicking(false);
    form.setFieldsValue({ personId: p.id, personName: p.name, certificateNumber: certificateNumberOf(p) });
    void form.validateFields(['personName']);
  };

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const account = await api.postAccountsStaff({
        personId: v.personId,
        accountName: v.accountName.trim(),
        password: v.password,
      });
      message.success(`已添加账号 ${account.accountName}（${kindLabel(account.kind, account.kindLabel)}）`);
      navigate('/institution/accounts');
    } catch (e) {
      onError(e, form, { personId: 'personName' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <PageCard title="添加企业人员账号">
      <Form<Values>
        form={form}
        labelCol={{ flex: '180px' }}
        wrapperCol={{ flex: '420px' }}
        onFinish={submit}
        autoComplete="off"
        style={{ maxWidth: 760 }}
      >
        <Form.Item name="personId" hidden>
          <Input />
        </Form.Item>
        <Form.Item label="员工姓名" required htmlFor="personName">
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item
              name="personName"
              noStyle
              rules={[{ required: true, message: '请点击“选择”，从部局系统已备案人员中选择员工' }]}
            >
              <Input readOnly placeholder="点击右侧“选择”" onClick={() => setPicking(true)} />
            </Form.Item>
            <Button icon={<SearchOutlined />} onClick={() => setPicking(true)}>
              选择
            </Button>
          </Space.Compact>
        </Form.Item>
        <Form.Item label="操作员证书编号/注册号" name="certificateNumber">
          <Input readOnly variant="filled" />
        </Form.Item>
        <Form.Item
          label="账号"
          name="accountName"
          rules={accountNameRules}
          extra={<Typography.Text type="danger">注: 账号添加后不能修改, 请谨慎填写!</Typography.Text>}
        >
          <Input placeholder="只允许3-30位的数字和字母" maxLength={30} />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={passwordRules}>
          <Input.Password placeholder="请输入6-20位密码" autoComplete="new-password" maxLength={20} />
        </Form.Item>
        <Form.Item label="类别" extra="系统根据人员持证情况自动分配类别，不能修改">
          {person ? (
            <span data-testid="account-kind">
              <Checkbox checked disabled>
                {kindLabel(person.accountKind)}
              </Checkbox>
            </span>
          ) : (
            <Typography.Text type="secondary">选择员工后自动确定</Typography.Text>
          )}
        </Form.Item>
        <Form.Item wrapperCol={{ offset: 0 }} style={{ paddingLeft: 180 }}>
          <Space>
            <Button type="primary" htmlType="submit" loading={saving}>
              保存
            </Button>
            <Button onClick={() => navigate('/institution/accounts')}>返回</Button>
          </Space>
        </Form.Item>
      </Form>
      <PersonPickerModal open={picking} onClose={() => setPicking(false)} onPick={pick} />
    </PageCard>
  );
}
