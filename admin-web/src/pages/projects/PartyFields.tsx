import { Col, DatePicker, Form, Row, Select, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { ClientView as Client } from '@xf/domain/api/clients';
import { useClientContacts } from './useProjectOptions';

export interface PartyValues {
  clientId?: number;
  contactId?: number;
  signedOn?: Dayjs;
  contractStart?: Dayjs;
  contractEnd?: Dayjs;
}

export const isoDay = (d?: Dayjs) => d?.format('YYYY-MM-DD');
export const toDay = (s?: string | null) => (s ? dayjs(s) : undefined);

/** 甲方, 联系人 and the contract dates (检测项目 and 维保合同). */
export function PartyFields({ form, clients }: { form: FormInstance; clients: Client[] }) {
  const clientId = Form.useWatch<number | undefined>('clientId', form);
  const contacts = useClientContacts(clientId);
  return (
    <>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label="甲方单位" name="clientId" rules={[{ required: true, message: '请选择甲方单位' }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="请选择先前录入的甲方单位"
              options={clients.map((c) => ({ value: c.id, label: c.name }))}
              onChange={() => form.setFieldValue('contactId', undefined)}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label="甲方联系人"
            name="contactId"
            rules={[{ required: true, message: '请选择甲方联系人' }]}
          >
            <Select
              placeholder={clientId ? '请选择联系人' : '请先选择甲方单位'}
              options={contacts.map((c) => ({ value: c.id, label: `${c.name}（${c.mobile}）` }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item label="签订日期" name="signedOn" rules={[{ required: true, message: '请选择签订日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            label="合同开始日期"
            name="contractStart"
            rules={[{ required: true, message: '请选择合同开始日期' }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            label="合同结束日期"
            name="contractEnd"
            dependencies={['contractStart']}
            rules={[
              { required: true, message: '请选择合同结束日期' },
              ({ getFieldValue }) => ({
                validator: async (_, v?: Dayjs) => {
                  const start = getFieldValue('contractStart') as Dayjs | undefined;
                  if (v && start && v.isBefore(start, 'day')) throw new Error('合同结束日期不能早于开始日期');
                },
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
