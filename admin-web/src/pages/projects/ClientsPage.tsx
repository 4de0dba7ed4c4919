import { App, Button, Form, Input, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { ClientView as Client } from '@xf/domain/api/clients';
import { api } from '../../api/client';
import { useApiError } from '../../api/errors';
import { PageCard } from '../../components/PageCard';
import { RegionCascader } from '../../components/RegionCascader';
import { useServerTable } from '../../components/useServerTable';
import { FitTable } from '../../components/FitTable';
import { FormModal } from '../../components/FormModal';

interface ClientValues {
  name: string;
  region: string[];
  address: string;
}

const REGION_ALIASES = { province: 'region', city: 'region', district: 'region' };

function ClientModal({
  editing,
  onClose,
  onSaved,
}: {
  editing: Client | 'new';
  onClose: () => void;
  onSaved: () => void;
}) {
  const save = (v: ClientValues) => {
    const [province, city, district] = v.region;
    const body = { name: v.name, province, city, district, address: v.address };
    return editing === 'new' ? api.createClient(body) : api.updateClient(editing.id, body);
  };
  return (
    <FormModal<ClientValues>
      title={editing === 'new' ? '添加甲方' : '修改甲方'}
      fieldAliases={REGION_ALIASES}
      save={save}
      savedText="甲方信息已保存"
      onClose={onClose}
      onSaved={onSaved}
      initialValues={
        editing === 'new'
          ? { region: ['北京市', '市辖区'] }
          : {
              name: editing.name,
              region: [editing.province, editing.city, editing.district],
              address: editing.address,
            }
      }
    >
      <Form.Item
        label="甲方名称"
        name="name"
        rules={[
          { required: true, whitespace: true, message: '请填写甲方名称' },
          { min: 2, message: '甲方名称至少2个字' },
        ]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        label="所属城市"
        name="region"
        rules={[
          { required: true, message: '请选择所属城市' },
          { type: 'array', len: 3, message: '请选择到区' },
        ]}
      >
        <RegionCascader style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        label="详细地址"
        name="address"
        rules={[
          { required: true, whitespace: true, message: '请填写详细地址' },
          { min: 2, message: '详细地址至少2个字' },
        ]}
      >
        <Input maxLength={300} />
      </Form.Item>
    </FormModal>
  );
}

/** 管理甲方信息 (manual §02/§03): the institution's 甲方单位. */
export function ClientsPage() {
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<Client | 'new' | null>(null);
  const onError = useApiError();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { tableProps, reload } = useServerTable((p) => api.getClients({ ...p, name }), { name });

  const remove = async (c: Client) => {
    try {
      await api.deleteClient(c.id);
      message.success('甲方单位已删除');
      reload();
    } catch (e) {
      onError(e);
    }
  };

  return (
    <PageCard
      title="管理甲方信息"
      extra={
        <Button type="primary" onClick={() => setEditing('new')}>
          添加甲方
        </Button>
      }
    >
      <Space style={{ marginBottom: 12 }}>
        <Input.Search placeholder="甲方名称" allowClear onSearch={setName} style={{ width: 260 }} />
      </Space>
      <FitTable<Client>
        {...tableProps}
        columns={[
          { title: 'ID', dataIndex: 'id', width: 80 },
          { title: '甲方名称', dataIndex: 'name' },
          { title: '所属城市', render: (_, c) => `${c.province}-${c.city}-${c.district}` },
          { title: '详细地址', dataIndex: 'address' },
          {
            title: '操作',
            width: 220,
            render: (_, c) => (
              <Space>
                {c.abilities?.update && (
                  <Button type="link" size="small" onClick={() => setEditing(c)}>
                    修改
                  </Button>
                )}
                <Button
                  type="link"
                  size="small"
                  onClick={() => navigate(`/projects/contacts?clientId=${c.id}`)}
                >
                  联系人
                </Button>
                {c.abilities?.delete && (
                  <Popconfirm title={`确定删除甲方“${c.name}”？`} onConfirm={() => remove(c)}>
                    <Button type="link" size="small" danger>
                      删除
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <ClientModal
          editing={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
    </PageCard>
  );
}
