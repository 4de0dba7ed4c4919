import { App, Button, Card, Col, Form, Input, Row, Select, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import type { Id } from '@xf/domain/api-client/index';
import type { DetachmentView as Detachment } from '@xf/domain/api/institutions';
import { api } from '../../api/client';
import { useApiError } from '../../api/errors';
import { AccountsTable } from '../../components/AccountsTable';
import { InstitutionSelect } from '../../components/InstitutionSelect';
import { PageCard } from '../../components/PageCard';
import { accountNameRules, passwordRules } from '../../forms/rules';

interface Values {
  institutionId?: Id;
  detachmentId?: Id;
  accountName: string;
  password: string;
}

function IssueForm({ target, onIssued }: { target: 'institution' | 'detachment'; onIssued: () => void }) {
  const [form] = Form.useForm<Values>();
  const onError = useApiError();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [detachments, setDetachments] = useState<Detachment[]>([]);

  useEffect(() => {
    if (target === 'detachment') api.getDetachments().then(setDetachments, onError);
  }, [target, onError]);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const account =
        target === 'institution'
          ? await api.postAccountsInstitutionAdmin({
              institutionId: v.institutionId!,
              accountName: v.accountName.trim(),
              password: v.password,
            })
          : await api.postAccountsDetachment({
              detachmentId: v.detachmentId!,
              accountName: v.accountName.trim(),
              password: v.password,
            });
      message.success(
        `已派发账号 ${account.accountName}${target === 'institution' ? '，首次登录须修改密码' : ''}`,
      );
      form.resetFields();
      onIssued();
    } catch (e) {
      onError(e, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} autoComplete="off">
      {target === 'institution' ? (
        <Form.Item
          label="服务机构"
          name="institutionId"
          rules={[{ required: true, message: '请选择服务机构' }]}
        >
          <InstitutionSelect style={{ width: '100%' }} />
        </Form.Item>
      ) : (
        <Form.Item label="支队" name="detachmentId" rules={[{ required: true, message: '请选择支队' }]}>
          <Select
            placeholder="请选择支队"
            options={detachments.map((d) => ({ value: d.id, label: d.name }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
      )}
      <Form.Item
        label="账号"
        name="accountName"
        rules={accountNameRules}
        extra="注: 账号添加后不能修改, 请谨慎填写!"
      >
        <Input placeholder="只允许3-30位的数字和字母" maxLength={30} />
      </Form.Item>
      <Form.Item label="初始密码" name="password" rules={passwordRules} extra="对方首次登录后须修改密码">
        <Input.Password placeholder="请输入6-20位密码" autoComplete="new-password" maxLength={20} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>
        派发账号
      </Button>
    </Form>
  );
}

/** 账号派发: institution admin accounts (per institution) and detachment accounts. */
export function AccountIssuePage() {
  const [tab, setTab] = useState<'institution' | 'detachment'>('institution');
  const [reloadKey, setReloadKey] = useState(0);
  return (
    <PageCard title="账号派发">
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as typeof tab)}
        items={[
          { key: 'institution', label: '机构管理员账号' },
          { key: 'detachment', label: '支队账号' },
        ]}
      />
      <Row gutter={16}>
        <Col span={8}>
          <Card size="small" title={tab === 'institution' ? '派发机构管理员账号' : '派发支队账号'}>
            <IssueForm key={tab} target={tab} onIssued={() => setReloadKey((k) => k + 1)} />
          </Card>
        </Col>
        <Col span={16}>
          <AccountsTable
            key={tab}
            reloadKey={reloadKey}
            filters={{ kind: tab === 'institution' ? 'institution_admin' : 'detachment' }}
          />
        </Col>
      </Row>
    </PageCard>
  );
}
