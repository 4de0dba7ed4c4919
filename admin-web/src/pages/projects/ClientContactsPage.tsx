import { App, Button, Empty, Form, Input, Popconfirm, Select, Space } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { mobileSchema } from '@xf/domain/rules/forms';
import type { ClientContactView as ClientContact, ClientView as Client } from '@xf/domain/api/clients';
import { api } from '../../api/client';
import { useApiError } from '../../api/errors';
import { PageCard } from '../../components/PageCard';
import { zodRule } from '../../forms/rules';
import { FitTable } from '../../components/FitTable';
import { FormModal } from '../../components/FormModal';

interface ContactValues {
  name: string;
  mobile: string;
  position?: string;
}

function ContactModal({
  clientId,
  editing,
  onClose,
  onSaved,
}: {
  clientId: number;
  editing: ClientContact | 'new';
  onClose: () => void;
  onSaved: () => void;
}) {
  const save = (v: ContactValues) => {
    const body = { name: v.name, mobile: v.mobile, position: v.position ?? '' };
    return editing === 'new'
      ? api.createClientContact(clientId, body)
      : api.updateClientContact(clientId, editing.id, body);
  };
  return (
    <FormModal<ContactValues>
      title={editing === 'new' ? '添加联系人' : '修改联系人'}
      initialValues={editing === 'new' ? {} : editing}
      save={save}
      savedText="联系人已保存"
      onClose={onClose}
      onSaved={onSaved}
    >
      <Form.Item
        label="姓名"
        name="name"
        rules={[{ required: true, whitespace: true, message: '请填写联系人姓名' }]}
      >
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item
        label="手机号码"
        name="mobile"
        rules={[{ required: true, message: '请填写手机号码' }, zodRule(mobileSchema)]}
      >
        <Input maxLength={11} />
      </Form.Item>
      <Form.Item label="职务" name="position">
        <Input maxLength={60} />
      </Form.Item>
    </FormModal>
  );
}

/** 管理甲方联系人: contacts of one 甲方单位, chosen at the top (or arriving from 管理甲方信息). */
export function ClientContactsPage() {
  const [params, setParams] = useSearchParams();
  const clientId = Number(params.get('clientId')) || undefined;
  const onError = useApiError();
  const { message } = App.useApp();
  const [clients, setClients] = useState<Client[]>([]);
  const [client, setClient] = useState<Client | null>(null);
  const [editing, setEditing] = useState<ClientContact | 'new' | null>(null);

  useEffect(() => {
    api.getClients({ page: 1, pageSize: 100 }).then((r) => setClients(r.items), onError);
  }, [onError]);
  const load = useCallback(() => {
    if (!clientId) return;
    api.getClient(clientId).then(setClient, onError);
  }, [clientId, onError]);
  useEffect(load, [load]);

  const remove = async (c: ClientContact) => {
    try {
      await api.deleteClientContact(clientId!, c.id);
      message.success('联系人已删除');
      load();
    } catch (e) {
      onError(e);
    }
  };

  const shown = clientId && client?.id === clientId ? client : null;
  const canManage = shown?.abilities?.manageContacts ?? false;
  return (
    <PageCard
      title="管理甲方联系人"
      extra={
        <Button type="primary" disabled={!canManage} onClick={() => setEditing('new')}>
          添加联系人
        </Button>
      }
    >
      <Space style={{ marginBottom: 12 }}>
        甲方单位：
        <Select
          data-testid="contacts-client-select"
          style={{ width: 320 }}
          placeholder="请选择甲方单位"
          value={clientId}
          showSearch={{ optionFilterProp: 'label' }}
          options={clients.map((c) => ({ value: c.id, label: c.name }))}
          onChange={(v: number) => setParams({ clientId: String(v) })}
        />
      </Space>
      {shown ? (
        <FitTable<ClientContact>
          rowKey="id"
          dataSource={shown.contacts ?? []}
          pagination={false}
          columns={[
            { title: 'ID', dataIndex: 'id', width: 80 },
            { title: '姓名', dataIndex: 'name' },
            { title: '手机号码', dataIndex: 'mobile' },
            { title: '职务', dataIndex: 'position' },
            ...(canManage
              ? [
                  {
                    title: '操作',
                    width: 160,
                    render: (_: unknown, c: ClientContact) => (
                      <Space>
                        <Button type="link" size="small" onClick={() => setEditing(c)}>
                          修改
                        </Button>
                        <Popconfirm title={`确定删除联系人“${c.name}”？`} onConfirm={() => remove(c)}>
                          <Button type="link" size="small" danger>
                            删除
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      ) : (
        <Empty description="请先选择甲方单位" />
      )}
      {editing && clientId && (
        <ContactModal
          clientId={clientId}
          editing={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            load();
          }}
        />
      )}
    </PageCard>
  );
}
