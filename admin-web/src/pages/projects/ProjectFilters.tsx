import { Button, Form, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import type { DetachmentView as Detachment } from '@xf/domain/api/institutions';
import { api, type Query } from '../../api/client';
import { useApiError } from '../../api/errors';
import { projectStatusLabels, type ProjectKind, type ProjectStatus } from '../../api/projects';
import { RegionCascader } from '../../components/RegionCascader';

interface FilterValues {
  name?: string;
  clientName?: string;
  region?: string[];
  status?: ProjectStatus;
  kind?: ProjectKind;
  detachmentId?: number;
}

/** The manual's project list search: 项目名称, 甲方名称, 省/市, 状态, 项目类型, 管辖归属. */
export function ProjectFilters({
  kind,
  defaultKind,
  onChange,
}: {
  /** Fixed project kind (no 项目类型 filter shown). */
  kind?: ProjectKind;
  /** Initial 项目类型 when the user may change it. */
  defaultKind?: ProjectKind;
  onChange: (q: Query) => void;
}) {
  const [form] = Form.useForm<FilterValues>();
  const onError = useApiError();
  const [detachments, setDetachments] = useState<Detachment[]>([]);
  useEffect(() => {
    api.getDetachments().then(setDetachments, onError);
  }, [onError]);
  const statuses: ProjectStatus[] =
    kind === 'maintenance'
      ? ['in_progress', 'completed', 'terminated']
      : ['in_progress', 'completed', 'cancelled', 'terminated'];
  const apply = (v: FilterValues) =>
    onChange({
      name: v.name?.trim(),
      clientName: v.clientName?.trim(),
      province: v.region?.[0],
      city: v.region?.[1],
      status: v.status,
      kind: kind ?? v.kind,
      detachmentId: v.detachmentId,
    });
  return (
    <Form
      form={form}
      layout="inline"
      onFinish={apply}
      initialValues={{ kind: defaultKind }}
      style={{ marginBottom: 12, rowGap: 8 }}
    >
      <Form.Item name="name" label="项目名称">
        <Input allowClear style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="clientName" label="甲方名称">
        <Input allowClear style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="region" label="省/市">
        <RegionCascader style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="status" label="状态">
        <Select
          allowClear
          style={{ width: 110 }}
          options={statuses.map((s) => ({ value: s, label: projectStatusLabels[s] }))}
        />
      </Form.Item>
      {!kind && (
        <Form.Item name="kind" label="项目类型">
          <Select
            allowClear
            style={{ width: 100 }}
            options={[
              { value: 'testing', label: '检测' },
              { value: 'maintenance', label: '维保' },
            ]}
          />
        </Form.Item>
      )}
      <Form.Item name="detachmentId" label="管辖归属">
        <Select
          allowClear
          style={{ width: 160 }}
          showSearch={{ optionFilterProp: 'label' }}
          options={detachments.map((d) => ({ value: Number(d.id), label: d.name }))}
        />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          搜索
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            apply({ kind: defaultKind });
          }}
        >
          重置
        </Button>
      </Space>
    </Form>
  );
}
