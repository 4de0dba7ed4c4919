import { Alert, Button, Col, DatePicker, Form, InputNumber, Row, Select, Space, Spin } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api, http } from '../../api/client';
import { useApiError } from '../../api/errors';
import type { MaintenanceContract, ProjectDetail } from '../../api/projects';
import type { Page } from '../../api/types';
import { PageCard } from '../../components/PageCard';
import { SITE_FIELD_ALIASES, SiteFields, siteBody, siteInitialValues, type SiteValues } from './SiteFields';
import { useProjectOptions } from './useProjectOptions';
import { useFormSubmit } from '../../components/useFormSubmit';

type Values = SiteValues & {
  contractId?: number;
  firstMonth?: Dayjs;
  lastMonth?: Dayjs;
  maintenanceCount?: number;
};

const monthOf = (d?: Dayjs) => d?.format('YYYY-MM');
const monthsBetween = (a?: Dayjs, b?: Dayjs) =>
  a && b ? b.startOf('month').diff(a.startOf('month'), 'month') + 1 : undefined;

/** 录入合同对应项目 (manual §03): a 维保项目 under a contract, with its maintenance months. */
export function MaintenanceProjectFormPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const onError = useApiError();
  const [form] = Form.useForm<Values>();
  const { detachments, leads } = useProjectOptions();
  const [contracts, setContracts] = useState<MaintenanceContract[]>([]);
  const [detail, setDetail] = useState<ProjectDetail | null>(null);
  const contractId = Form.useWatch<number | undefined>('contractId', form);
  const contract = contracts.find((c) => c.id === contractId);

  useEffect(() => {
    http
      .get<Page<MaintenanceContract>>('/maintenance-contracts', { page: 1, pageSize: 100 })
      .then((r) => setContracts(r.items), onError);
    if (id) api.getProject(id).then(setDetail, onError);
  }, [id, onError]);

  const fillCount = () => {
    const n = monthsBetween(form.getFieldValue('firstMonth'), form.getFieldValue('lastMonth'));
    if (n && n > 0) form.setFieldValue('maintenanceCount', n);
  };

  const { saving, submit } = useFormSubmit(
    form,
    (v: Values) => {
      const body = {
        ...siteBody(v),
        contractId: v.contractId,
        firstMonth: monthOf(v.firstMonth),
        lastMonth: monthOf(v.lastMonth),
        maintenanceCount: v.maintenanceCount,
      };
      return id ? http.put(`/maintenance-projects/${id}`, body) : http.post('/maintenance-projects', body);
    },
    {
      savedText: '维保项目已保存',
      onSaved: () => navigate('/maintenance-projects'),
      fieldAliases: SITE_FIELD_ALIASES,
    },
  );

  if (id && !detail) return <Spin />;
  return (
    <PageCard title={id ? '更新合同对应项目' : '添加合同对应项目'}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={
          <div>
            1、针对一份合同，可以建立一个或多个项目（适用于银行、电信等打包项目）。每个项目按月出具一份维保报告。
            <br />
            2、录入项目时要指定维保月份的起止，不能超过合同的起止日期。
            <br />
            3、系统在选择项目负责人时，下拉框里已过滤掉技术负责人。
          </div>
        }
      />
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ maxWidth: 860 }}
        onFinish={submit}
        initialValues={{
          ...siteInitialValues(detail),
          contractId: detail?.contractId ?? (Number(params.get('contractId')) || undefined),
          firstMonth: detail?.firstMonth ? dayjs(`${detail.firstMonth}-01`) : undefined,
          lastMonth: detail?.lastMonth ? dayjs(`${detail.lastMonth}-01`) : undefined,
          maintenanceCount: detail?.maintenanceCount ?? undefined,
        }}
      >
        <Form.Item
          label="服务合同"
          name="contractId"
          rules={[{ required: true, message: '请选择维保合同' }]}
          extra={contract ? `合同期限：${contract.contractStart} 至 ${contract.contractEnd}` : undefined}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="请选择服务合同"
            options={contracts.map((c) => ({
              value: c.id,
              label: `${c.id} ${c.clientName ?? ''}（${c.contractStart} 至 ${c.contractEnd}）`,
            }))}
          />
        </Form.Item>
        <SiteFields form={form} kind="maintenance" detail={detail} detachments={detachments} leads={leads} />
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              label="首次维保日期（月）"
              name="firstMonth"
              rules={[{ required: true, message: '请选择首次维保月份' }]}
            >
              <DatePicker picker="month" style={{ width: '100%' }} onChange={fillCount} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              label="末次维保日期（月）"
              name="lastMonth"
              rules={[{ required: true, message: '请选择末次维保月份' }]}
            >
              <DatePicker picker="month" style={{ width: '100%' }} onChange={fillCount} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              label="维保总次数"
              name="maintenanceCount"
              extra="每月一次，应等于维保月份数"
              rules={[{ required: true, message: '请填写维保总次数' }]}
            >
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            保存
          </Button>
          <Button onClick={() => navigate('/maintenance-projects')}>返回</Button>
        </Space>
      </Form>
    </PageCard>
  );
}
