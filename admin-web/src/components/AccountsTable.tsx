import { App, Button, Form, Input, Modal, Popconfirm, Space, Tag, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { http, type Query } from '../api/client';
import { useApiError } from '../api/errors';
import type { Account } from '../api/types';
import { passwordRules } from '../forms/rules';
import { fmtDateTime, kindLabel } from './format';
import { useServerTable } from './useServerTable';
import { FitTable } from './FitTable';

function statusOf(a: Account) {
  if (a.disabled) return <Tag color="default">已停用{a.closedReason ? `（${a.closedReason}）` : ''}</Tag>;
  if (a.lockedUntil && dayjs(a.lockedUntil).isAfter(dayjs()))
    return <Tag color="orange">已锁定至 {fmtDateTime(a.lockedUntil)}</Tag>;
  return <Tag color="green">正常</Tag>;
}

/** Accounts list with 重置密码 / 停用 / 启用; `reloadKey` changes when an account was added elsewhere. */
export function AccountsTable({
  filters,
  reloadKey = 0,
  extraColumns = [],
}: {
  filters: Query;
  reloadKey?: number;
  extraColumns?: TableColumnsType<Account>;
}) {
  const onError = useApiError();
  const { message } = App.useApp();
  const { tableProps, reload } = useServerTable<Account>('/accounts', {
    ...filters,
    _k: reloadKey || undefined,
  });
  const [resetting, setResetting] = useState<Account | null>(null);
  const [form] = Form.useForm<{ password: string }>();

  const act = async (a: Account, action: 'disable' | 'enable') => {
    try {
      await http.post(`/accounts/${a.id}/${action}`);
      message.success(action === 'disable' ? `已停用账号 ${a.accountName}` : `已启用账号 ${a.accountName}`);
      reload();
    } catch (e) {
      onError(e);
    }
  };

  const submitReset = async ({ password }: { password: string }) => {
    if (!resetting) return;
    try {
      await http.post(`/accounts/${resetting.id}/reset-password`, { password });
      message.success(`已重置 ${resetting.accountName} 的密码，首次登录须修改密码`);
      setResetting(null);
      form.resetFields();
    } catch (e) {
      onError(e, form);
    }
  };

  const columns: TableColumnsType<Account> = [
    { title: '账号', dataIndex: 'accountName' },
    { title: '姓名/名称', dataIndex: 'displayName' },
    { title: '类别', render: (_v, a) => kindLabel(a.kind, a.kindLabel) },
    ...extraColumns,
    { title: '状态', render: (_v, a) => statusOf(a) },
    { title: '创建时间', dataIndex: 'createdAt', render: (v: string) => fmtDateTime(v) },
    {
      title: '操作',
      width: 200,
      render: (_v, a) => (
        <Space size={4}>
          <Button type="link" size="small" onClick={() => setResetting(a)}>
            重置密码
          </Button>
          {a.disabled ? (
            <Popconfirm title={`启用账号 ${a.accountName}？`} onConfirm={() => act(a, 'enable')}>
              <Button type="link" size="small">
                启用
              </Button>
            </Popconfirm>
          ) : (
            <Popconfirm
              title={`停用账号 ${a.accountName}？停用后该账号无法登录。`}
              onConfirm={() => act(a, 'disable')}
            >
              <Button type="link" size="small" danger>
                停用
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <FitTable<Account> {...tableProps} size="small" bordered columns={columns} />
      <Modal
        open={resetting !== null}
        title={`重置密码：${resetting?.accountName ?? ''}`}
        okText="重置"
        onOk={() => form.submit()}
        onCancel={() => {
          setResetting(null);
          form.resetFields();
        }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submitReset} preserve={false}>
          <Form.Item
            label="新密码"
            name="password"
            rules={passwordRules}
            extra="重置后该账号首次登录必须修改密码"
          >
            <Input.Password placeholder="请输入6-20位密码" autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
