import { Alert, Button, Form, Select, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, http } from '../../api/client';
import { useApiError } from '../../api/errors';
import {
  TESTING_TYPES,
  testingTypeLabels,
  type Attachment,
  type ProjectDetail,
  type TestingType,
} from '../../api/projects';
import type { StandardEdition } from '../../api/standards';
import { PageCard } from '../../components/PageCard';
import { AttachmentsField, scopePageRule } from './AttachmentsField';
import { isoDay, PartyFields, toDay, type PartyValues } from './PartyFields';
import { SITE_FIELD_ALIASES, SiteFields, siteBody, siteInitialValues, type SiteValues } from './SiteFields';
import { useProjectOptions } from './useProjectOptions';
import { useFormSubmit } from '../../components/useFormSubmit';

type Values = SiteValues &
  PartyValues & {
    testingType?: TestingType;
    scope?: string[];
    attachments?: Attachment[];
  };

/** The edition whose single items make up the 检测范围: the project's pinned one, or the one in force. */
function useScopeEdition(editionId: string | undefined, signedOn: string | undefined) {
  const onError = useApiError();
  const [edition, setEdition] = useState<StandardEdition | null>(null);
  useEffect(() => {
    let cancelled = false;
    const id = editionId
      ? Promise.resolve(editionId)
      : api.getStandardEditionsInForce({ date: signedOn }).then((e) => e.id);
    id.then((eid) => api.getStandardEdition(eid)).then((e) => !cancelled && setEdition(e), onError);
    return () => {
      cancelled = true;
    };
  }, [editionId, signedOn, onError]);
  return edition;
}

/** 添加 / 更新 检测项目 (manual §02 录入检测项目). */
export function TestingProjectFormPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const onError = useApiError();
  const [form] = Form.useForm<Values>();
  const { detachments, leads, clients } = useProjectOptions();
  const [detail, setDetail] = useState<ProjectDetail | null>(null);
  const signedOn = isoDay(Form.useWatch('signedOn', form));
  const edition = useScopeEdition(detail?.editionId, signedOn);

  useEffect(() => {
    if (!id) return;
    api.getProject(id).then(setDetail, onError);
  }, [id, onError]);

  const { saving, submit } = useFormSubmit(
    form,
    (v: Values) => {
      const body = {
        ...siteBody(v),
        clientId: v.clientId,
        contactId: v.contactId,
        signedOn: isoDay(v.signedOn),
        contractStart: isoDay(v.contractStart),
        contractEnd: isoDay(v.contractEnd),
        testingType: v.testingType,
        scope: v.scope ?? [],
        attachments: (v.attachments ?? []).map((a) => ({ fileId: a.fileId, kind: a.kind })),
      };
      return id ? http.put(`/testing-projects/${id}`, body) : http.post('/testing-projects', body);
    },
    {
      savedText: '检测项目已保存',
      onSaved: () => navigate('/testing-projects'),
      fieldAliases: SITE_FIELD_ALIASES,
    },
  );

  if (id && !detail) return <Spin />;
  return (
    <PageCard title={id ? '更新检测项目' : '添加检测项目'}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={
          <div>
            1、管辖归属指这个项目归哪个支队管理，项目信息和备案后报告会推送给这个支队。
            <br />
            2、检测报告严格按照合同的期限出具，超出期限后不能生成。
            <br />
            3、系统在选择项目负责人时，下拉框里已过滤掉技术负责人。
            <br />
            4、合同附件至少要上传检测范围页，就是检测合同约定需要检测哪些消防系统。
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
          clientId: detail?.clientId,
          contactId: detail?.contact?.id,
          signedOn: toDay(detail?.signedOn),
          contractStart: toDay(detail?.contractStart),
          contractEnd: toDay(detail?.contractEnd),
          testingType: detail?.testingType ?? 'annual',
          scope: detail?.scope ?? [],
          attachments: detail?.attachments ?? [],
        }}
      >
        <SiteFields form={form} kind="testing" detail={detail} detachments={detachments} leads={leads} />
        <PartyFields form={form} clients={clients} />
        <Form.Item
          label="检测类型"
          name="testingType"
          rules={[{ required: true, message: '请选择检测类型' }]}
        >
          <Select options={TESTING_TYPES.map((t) => ({ value: t, label: testingTypeLabels[t] }))} />
        </Form.Item>
        <Form.Item
          label="检测范围"
          name="scope"
          extra={edition ? `合同约定需要检测的消防系统（标准版本：${edition.title}）` : undefined}
          rules={[{ required: true, type: 'array', min: 1, message: '请选择检测范围（合同约定的消防系统）' }]}
        >
          <Select
            mode="multiple"
            data-testid="scope-select"
            placeholder="请选择检测单项"
            showSearch={{ optionFilterProp: 'label' }}
            options={(edition?.testing ?? []).map((s) => ({ value: s.name, label: `${s.code} ${s.name}` }))}
          />
        </Form.Item>
        <Form.Item label="上传合同附件" name="attachments" rules={[scopePageRule('testing_scope')]}>
          <AttachmentsField scopeKind="testing_scope" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            保存
          </Button>
          <Button onClick={() => navigate('/testing-projects')}>返回</Button>
        </Space>
      </Form>
    </PageCard>
  );
}
