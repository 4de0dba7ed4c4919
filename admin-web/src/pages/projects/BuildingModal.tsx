import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { waterSupplyKindLabels, WATER_SUPPLY_KINDS } from '@xf/domain/api/buildings';
import type { BuildingView as Building } from '@xf/domain/api/buildings';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';

type Values = Omit<Building, 'id' | 'waterSupplies'> & {
  waterSupplies?: { kind: Building['waterSupplies'][number]['kind']; location: string; capacity: number }[];
};

const num = (label: string, name: keyof Values, opts: { precision?: number; max?: number } = {}) => (
  <Col span={8}>
    <Form.Item
      label={label}
      name={name}
      rules={[{ required: true, message: `请填写${label.replace(/（.*）/, '')}` }]}
    >
      <InputNumber min={0} max={opts.max} precision={opts.precision ?? 2} style={{ width: '100%' }} />
    </Form.Item>
  </Col>
);

/** 新建 / 修改 建筑物 (manual §03 建筑物信息录入). The area sum is checked by the server's domain rule. */
export function BuildingModal({
  projectId,
  editing,
  onClose,
  onSaved,
}: {
  projectId: number;
  editing: Building | 'new';
  onClose: () => void;
  onSaved: () => void;
}) {
  const save = (v: Values) => {
    const body = { ...v, waterSupplies: v.waterSupplies ?? [], remark: v.remark ?? '' };
    return editing === 'new'
      ? api.createProjectBuilding(projectId, body)
      : api.updateProjectBuilding(projectId, editing.id, body);
  };
  return (
    <FormModal<Values>
      width={760}
      title={editing === 'new' ? '新建建筑物' : '修改建筑物'}
      initialValues={editing === 'new' ? { belowGroundFloors: 0, belowGroundArea: 0 } : editing}
      save={save}
      savedText="建筑物已保存"
      onClose={onClose}
      onSaved={onSaved}
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item
            label="建筑名称"
            name="name"
            rules={[{ required: true, whitespace: true, message: '请填写建筑名称' }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label="使用功能"
            name="useFunction"
            rules={[{ required: true, whitespace: true, message: '请填写使用功能' }]}
          >
            <Input maxLength={100} placeholder="如 办公、商业、住宅" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        {num('建筑面积（平方米）', 'totalArea')}
        {num('地上面积（平方米）', 'aboveGroundArea')}
        {num('地下面积（平方米）', 'belowGroundArea')}
      </Row>
      <Row gutter={12}>
        {num('地上层数', 'aboveGroundFloors', { precision: 0, max: 300 })}
        {num('地下层数', 'belowGroundFloors', { precision: 0, max: 300 })}
        {num('建筑高度（米）', 'height', { max: 1000 })}
      </Row>
      <Form.Item label="供水设施">
        <Form.List name="waterSupplies">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'kind']} rules={[{ required: true, message: '请选择类别' }]}>
                    <Select
                      style={{ width: 120 }}
                      options={WATER_SUPPLY_KINDS.map((k) => ({
                        value: k,
                        label: waterSupplyKindLabels[k],
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'location']} rules={[{ required: true, message: '请填写位置' }]}>
                    <Input placeholder="位置" style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'capacity']} rules={[{ required: true, message: '请填写容量' }]}>
                    <InputNumber min={0.01} placeholder="容量（立方米）" style={{ width: 150 }} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'fire_pool' })}>
                添加供水设施
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item label="备注" name="remark" extra="如果服务合同约定的只是建筑物的一部分，请在备注栏说明。">
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
