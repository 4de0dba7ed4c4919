import { App, Button, Col, Form, Input, Row, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { useApiError } from '../../api/errors';
import { officeOf } from '../../api/institutions';
import type { InstitutionView as Institution } from '@xf/domain/api/institutions';
import { CoordinateFields } from '../../components/CoordinateFields';
import { OfficeMap } from '../../components/OfficeMap';
import { RegionCascader } from '../../components/RegionCascader';

interface Values {
  region: string[];
  address: string;
  crs: 'GCJ02' | 'WGS84';
  lng: number;
  lat: number;
}

/** 标注机构实际办公地址: click the map (GCJ-02) or type the coordinates. */
export function OfficeAddressForm({
  institution,
  onSaved,
}: {
  institution: Institution;
  onSaved: (i: Institution) => void;
}) {
  const [form] = Form.useForm<Values>();
  const onError = useApiError();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const office = officeOf(institution);
  const lng = Form.useWatch('lng', form);
  const lat = Form.useWatch('lat', form);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const [province, city, district] = v.region ?? [];
      const saved = await api.updateInstitutionOfficeAddress(institution.id, {
        address: v.address.trim(),
        province: province ?? null,
        city: city ?? null,
        district: district ?? null,
        lng: v.lng,
        lat: v.lat,
        crs: v.crs,
      });
      message.success('实际办公地址已保存');
      onSaved(saved);
    } catch (e) {
      onError(e, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Row gutter={24}>
      <Col span={9}>
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{
            region: [office.province, office.city, office.district].filter((x): x is string => Boolean(x)),
            address: office.address ?? '',
            crs: office.crs ?? 'GCJ02',
            lng: office.lng ?? undefined,
            lat: office.lat ?? undefined,
          }}
        >
          <Form.Item label="所在地区" name="region" rules={[{ required: true, message: '请选择省/市/区' }]}>
            <RegionCascader style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            label="详细地址"
            name="address"
            rules={[{ required: true, whitespace: true, message: '请输入详细地址' }]}
          >
            <Input placeholder="街道、门牌号、楼层房间号" maxLength={200} />
          </Form.Item>
          <CoordinateFields lng={[-180, 180]} lat={[-90, 90]} />
          <Button type="primary" htmlType="submit" loading={saving}>
            保存实际办公地址
          </Button>
        </Form>
      </Col>
      <Col span={15}>
        <Typography.Text type="secondary">
          在地图上点击办公地点即可标记，也可在左侧直接输入经纬度。
        </Typography.Text>
        <OfficeMap
          lng={lng}
          lat={lat}
          onPick={(pickedLng, pickedLat) =>
            form.setFieldsValue({ lng: pickedLng, lat: pickedLat, crs: 'GCJ02' })
          }
        />
      </Col>
    </Row>
  );
}
