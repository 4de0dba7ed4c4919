import { Input, Modal, Button, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { http } from '../../api/client';
import { useApiError } from '../../api/errors';
import type { Page, Person } from '../../api/types';
import { kindLabel } from '../../components/format';
import { FitTable } from '../../components/FitTable';

/** The certificate number that decides the account kind: operator certificate or engineer registration. */
export function certificateNumberOf(p: Person): string {
  if (p.certificateNumber) return p.certificateNumber;
  if (p.accountKind === 'operator') return p.operatorCertificate?.number ?? '';
  return p.registeredEngineer?.registrationNumber ?? p.operatorCertificate?.number ?? '';
}

/** 选择: persons of the institution (from the ministry registry) who have no account yet. */
export function PersonPickerModal({
  open,
  onClose,
  onPick,
}: {
  open: boolean;
  onClose: () => void;
  onPick: (p: Person) => void;
}) {
  const onError = useApiError();
  const [persons, setPersons] = useState<Person[]>([]);
  const [loading, setLoading] = useState(false);
  const [q, setQ] = useState('');

  useEffect(() => {
    if (!open) return;
    setLoading(true);
    http
      .get<Person[] | Page<Person>>('/accounts/candidates')
      .then((r) => setPersons(Array.isArray(r) ? r : r.items))
      .catch(onError)
      .finally(() => setLoading(false));
  }, [open, onError]);

  const shown = useMemo(() => persons.filter((p) => !q || p.name.includes(q.trim())), [persons, q]);

  const columns: TableColumnsType<Person> = [
    { title: '姓名', dataIndex: 'name' },
    { title: '岗位', render: (_v, p) => p.postLabel ?? p.post },
    { title: '操作员证书编号/注册号', render: (_v, p) => certificateNumberOf(p) },
    { title: '类别', render: (_v, p) => kindLabel(p.accountKind) },
    {
      title: '操作',
      width: 80,
      render: (_v, p) => (
        <Button type="link" size="small" onClick={() => onPick(p)} disabled={!p.accountKind}>
          选择
        </Button>
      ),
    },
  ];

  return (
    <Modal
      open={open}
      title="选择员工（部局系统已备案人员）"
      onCancel={onClose}
      footer={null}
      width={760}
      destroyOnHidden
    >
      <Input.Search
        placeholder="输入姓名筛选"
        allowClear
        onSearch={setQ}
        onChange={(e) => setQ(e.target.value)}
        style={{ width: 240, marginBottom: 12 }}
      />
      <FitTable<Person>
        rowKey="id"
        size="small"
        bordered
        loading={loading}
        columns={columns}
        dataSource={shown}
        pagination={{ pageSize: 10, showTotal: (t) => `共 ${t} 人` }}
        locale={{ emptyText: '没有可开通账号的人员' }}
      />
    </Modal>
  );
}
