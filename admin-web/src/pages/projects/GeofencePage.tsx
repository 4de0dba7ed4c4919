import { App, Button, Col, Descriptions, Form, InputNumber, Row, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import type { ProjectDetail } from '@xf/domain/api/projects';
import { api } from '../../api/client';
import { useApiError } from '../../api/errors';
import { GEOFENCE_RADIUS_DEFAULT, GEOFENCE_RADIUS_MAX, GEOFENCE_RADIUS_MIN } from '../../api/projects';
import { CoordinateFields } from '../../components/CoordinateFields';
import { OfficeMap } from '../../components/OfficeMap';
import { PageCard } from '../../components/PageCard';

interface Values {
  crs: 'GCJ02' | 'WGS84';
  lng?: number;
  lat?: number;
  radius: number;
}

/** 标注项目位置: the geofence centre (map click or typed coordinates) and its radius. */
export function GeofencePage() {
  const projectId = Number(useParams().id);
  const navigate = useNavigate();
  // Testing and maintenance projects share this page; 返回 goes to the list it was opened from.
  const listPath = useLocation().pathname.startsWith('/testing-projects')
    ? '/testing-projects'
    : '/maintenance-projects';
  const onError = useApiError();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [project, setProject] = useState<ProjectDetail | null>(null);
  const [saving, setSaving] = useState(false);
  const canEdit = project?.abilities.markGeofence ?? false;
  const lng = Form.useWatch('lng', form);
  const lat = Form.useWatch('lat', form);

  useEffect(() => {
    api.getProject(projectId).then((p) => {
      setProject(p);
      const g = p.geofence;
      if (g)
        form.setFieldsValue({
          lng: g.input?.lng ?? g.lng,
          lat: g.input?.lat ?? g.lat,
          crs: (g.input?.crs ?? g.crs ?? 'GCJ02') as Values['crs'],
          radius: g.radius ?? GEOFENCE_RADIUS_DEFAULT,
        });
    }, onError);
  }, [projectId, onError, form]);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      // The form requires both coordinates before it submits.
      const saved = await api.updateProjectGeofence(projectId, v as Required<Values>);
      setProject((p) => (p ? { ...p, geofence: saved.geofence } : p));
      if (saved.flagged) message.warning(`项目位置已标注；位置移动了${saved.movedMetres}米，已被跟踪标红`);
      else message.success('项目位置已标注');
    } catch (e) {
      onError(e, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <PageCard title="标注项目位置" extra={<Button onClick={() => navigate(listPath)}>返回</Button>}>
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="项目名称">{project?.siteName}</Descriptions.Item>
        <Descriptions.Item label="地址">{project?.address}</Descriptions.Item>
        <Descriptions.Item label="状态">
          <span data-testid="geofence-status">{project?.geofence ? '已标注' : '未标注'}</span>
        </Descriptions.Item>
      </Descriptions>
      <Row gutter={24}>
        <Col span={9}>
          <Form<Values>
            form={form}
            layout="vertical"
            onFinish={submit}
            disabled={!canEdit}
            initialValues={{ crs: 'GCJ02', radius: GEOFENCE_RADIUS_DEFAULT }}
          >
            {/* the mainland's extent: a typo that lands abroad is refused at once */}
            <CoordinateFields lng={[73, 136]} lat={[3, 54]} />
            <Form.Item
              label="围栏半径（米）"
              name="radius"
              extra={`现场签到须在此范围内，${GEOFENCE_RADIUS_MIN}～${GEOFENCE_RADIUS_MAX}米；位置移动超过500米会被跟踪标红。`}
              rules={[{ required: true, message: '请填写围栏半径' }]}
            >
              <InputNumber
                min={GEOFENCE_RADIUS_MIN}
                max={GEOFENCE_RADIUS_MAX}
                precision={0}
                style={{ width: '100%' }}
              />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={saving}>
                保存项目位置
              </Button>
            </Space>
          </Form>
        </Col>
        <Col span={15}>
          <Typography.Text type="secondary">
            在地图上点击项目地点即可标记，也可在左侧直接输入经纬度。
          </Typography.Text>
          <OfficeMap
            lng={lng}
            lat={lat}
            onPick={
              canEdit
                ? (pLng, pLat) => form.setFieldsValue({ lng: pLng, lat: pLat, crs: 'GCJ02' })
                : undefined
            }
          />
        </Col>
      </Row>
    </PageCard>
  );
}
