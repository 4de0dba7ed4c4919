import { CheckCircleOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Popconfirm, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { useApiError } from '../../api/errors';
import { officeOf } from '../../api/institutions';
import type { InstitutionView as Institution } from '@xf/domain/api/institutions';
import { COMPLIANCE_LABELS, fmtDateTime } from '../../components/format';

/** 工商注册信息 and status of one institution; the admin confirms the registration data here. */
export function InstitutionBasicInfo({
  institution,
  canConfirm,
  onChanged,
}: {
  institution: Institution;
  canConfirm: boolean;
  onChanged: (i: Institution) => void;
}) {
  const onError = useApiError();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const office = officeOf(institution);
  const compliance = COMPLIANCE_LABELS[institution.complianceStatus];

  const confirm = async () => {
    setBusy(true);
    try {
      onChanged(await api.postInstitutionConfirmRegistration(institution.id));
      message.success('已确认工商注册信息');
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Descriptions
      bordered
      size="small"
      column={2}
      title="工商注册信息"
      extra={
        institution.registrationConfirmedAt ? (
          <Tag icon={<CheckCircleOutlined />} color="success">
            已于 {fmtDateTime(institution.registrationConfirmedAt)} 确认
          </Tag>
        ) : canConfirm ? (
          <Popconfirm title="确认工商注册信息无误？" onConfirm={confirm}>
            <Button type="primary" loading={busy}>
              确认工商注册信息
            </Button>
          </Popconfirm>
        ) : (
          <Tag color="warning">机构尚未确认</Tag>
        )
      }
    >
      <Descriptions.Item label="机构名称">{institution.name}</Descriptions.Item>
      <Descriptions.Item label="统一社会信用代码">{institution.uscc}</Descriptions.Item>
      <Descriptions.Item label="工商注册地址" span={2}>
        {institution.registeredAddress}
      </Descriptions.Item>
      <Descriptions.Item label="服务类型">{institution.serviceTypesLabel}</Descriptions.Item>
      <Descriptions.Item label="部局公示状态">
        <Tag color={institution.publicityStatus === 'effective' ? 'success' : 'error'}>
          {institution.publicityStatusLabel ?? institution.publicityStatus}
        </Tag>
      </Descriptions.Item>
      <Descriptions.Item label="合规状态">
        {
          <Tag color={compliance?.color}>
            {institution.complianceStatusLabel ?? compliance?.text ?? institution.complianceStatus}
          </Tag>
        }
      </Descriptions.Item>
      <Descriptions.Item label="实际办公地址">
        <Tag color={institution.officeMarked ? 'success' : 'default'}>{institution.officeMarkedLabel}</Tag>
        {[office.province, office.city, office.district, office.address].filter(Boolean).join(' ')}
      </Descriptions.Item>
    </Descriptions>
  );
}
