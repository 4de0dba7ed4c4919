import { Col, Form, InputNumber, Row, Select } from 'antd';

/**
 * 坐标系, 经度 and 纬度 form items (names `crs`, `lng`, `lat`) beside an `OfficeMap`: a map click gives
 * GCJ-02, a phone's GPS reading WGS-84. `lng` and `lat` bound what may be typed.
 */
export function CoordinateFields({
  lng,
  lat,
}: {
  lng: [min: number, max: number];
  lat: [min: number, max: number];
}) {
  return (
    <>
      <Form.Item
        label="坐标系"
        name="crs"
        extra="点击地图标记时为 GCJ-02（高德/国测局坐标）；手机 GPS 读数为 WGS-84"
      >
        <Select
          options={[
            { value: 'GCJ02', label: 'GCJ-02（高德地图）' },
            { value: 'WGS84', label: 'WGS-84（GPS）' },
          ]}
        />
      </Form.Item>
      <Row gutter={8}>
        {(
          [
            ['lng', '经度', lng, '116.397500'],
            ['lat', '纬度', lat, '39.908700'],
          ] as const
        ).map(([name, label, [min, max], example]) => (
          <Col span={12} key={name}>
            <Form.Item
              label={label}
              name={name}
              rules={[{ required: true, message: `请在地图上点击或输入${label}` }]}
            >
              <InputNumber
                min={min}
                max={max}
                step={0.000001}
                precision={6}
                style={{ width: '100%' }}
                placeholder={`如 ${example}`}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </>
  );
}
