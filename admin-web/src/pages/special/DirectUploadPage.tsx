import { Alert, App, Button, DatePicker, Form, Input, Select, Space } from 'antd';
import { MAINTENANCE_PLAN_KIND_LABELS } from '@xf/domain/plans/maintenance-plan-kinds';
import type { ProjectKind } from '@xf/domain/api/projects';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { http } from '../../api/client';
import { useApiError } from '../../api/errors';
import type { ProjectRow } from '@xf/domain/api/projects';
import type { Page } from '../../api/types';
import { PageCard } from '../../components/PageCard';
import { FileUploadField } from './PdfUploadField';

interface Values {
  projectId: number;
  planKind?: string;
  planMonth?: Dayjs;
  planName?: string;
  reportFileId: number;
  rawRecordFileId?: number;
  conclusion: string;
}

/**
 * 直接上传报告 (manual §04): after the brigade approved the special application, upload the company's
 * own PDF report — maintenance with 计划性质 and month, testing with 计划名称 and the raw record.
 */
export function DirectUploadPage({ kind }: { kind: ProjectKind }) {
  const [form] = Form.useForm<Values>();
  const onError = useApiError();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [projects, setProjects] = useState<ProjectRow[]>([]);
  const [saving, setSaving] = useState(false);
  const testing = kind === 'testing';

  useEffect(() => {
    http
      .get<Page<ProjectRow & { directReportUpload: boolean }>>('/projects', {
        kind,
        status: 'in_progress',
        pageSize: 200,
      })
      .then((r) => setProjects(r.items.filter((p) => p.directReportUpload)))
      .catch(onError);
  }, [kind, onError]);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const body = testing
        ? {
            planName: v.planName,
            reportFileId: v.reportFileId,
            rawRecordFileId: v.rawRecordFileId,
            conclusion: v.conclusion,
          }
        : {
            planKind: v.planKind,
            planMonth: v.planMonth?.format('YYYY-MM'),
            reportFileId: v.reportFileId,
            conclusion: v.conclusion,
          };
      await http.post(`/projects/${v.projectId}/direct-reports/${kind}`, body);
      message.success('报告已上传，请技术负责人审核备案');
      navigate('/special/reports');
    } catch (e) {
      onError(e, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <PageCard title={testing ? '直接上传检测报告' : '直接上传维保报告'}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16, maxWidth: 720 }}
        title={
          testing
            ? '注意：上传文件格式必须是PDF，大小不超过50M；只能在项目的检测期限内上传。'
            : '注意：上传报告文件格式必须是PDF，且不超过50M。'
        }
      />
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ span: 5 }}
        style={{ maxWidth: 720 }}
        onFinish={submit}
        initialValues={{ planKind: 'month' }}
      >
        <Form.Item
          label="项目"
          name="projectId"
          rules={[{ required: true, message: '请选择已通过特殊申请的项目' }]}
        >
          <Select
            placeholder={projects.length ? '请选择项目' : '没有已通过特殊申请的项目'}
            options={projects.map((p) => ({ value: p.id, label: `${p.siteName}（项目id: ${p.id}）` }))}
            data-testid="direct-project"
          />
        </Form.Item>
        {testing ? (
          <Form.Item
            label="检测计划名称"
            name="planName"
            rules={[{ required: true, whitespace: true, message: '请填写检测计划名称' }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        ) : (
          <>
            <Form.Item
              label="计划性质"
              name="planKind"
              rules={[{ required: true, message: '请选择计划性质' }]}
            >
              <Select
                options={Object.entries(MAINTENANCE_PLAN_KIND_LABELS).map(([value, label]) => ({
                  value,
                  label,
                }))}
              />
            </Form.Item>
            <Form.Item
              label="计划对应日期"
              name="planMonth"
              rules={[{ required: true, message: '请选择计划日期月份' }]}
            >
              <DatePicker picker="month" placeholder="计划日期月份" style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
        <Form.Item
          label="上传报告"
          name="reportFileId"
          rules={[{ required: true, message: '请上传PDF报告' }]}
        >
          <FileUploadField testId="upload-report" />
        </Form.Item>
        {testing && (
          <Form.Item
            label="上传原始记录"
            name="rawRecordFileId"
            rules={[{ required: true, message: '请上传PDF原始记录' }]}
          >
            <FileUploadField testId="upload-raw-record" />
          </Form.Item>
        )}
        <Form.Item
          label="报告结论"
          name="conclusion"
          rules={[{ required: true, whitespace: true, message: '请填写报告结论' }]}
        >
          <Input.TextArea rows={3} maxLength={2000} placeholder="报告结论" />
        </Form.Item>
        <Form.Item wrapperCol={{ offset: 5 }}>
          <Space>
            <Button type="primary" htmlType="submit" loading={saving}>
              生成报告
            </Button>
          </Space>
        </Form.Item>
      </Form>
    </PageCard>
  );
}
