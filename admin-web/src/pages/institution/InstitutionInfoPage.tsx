import { Divider, Result, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { http } from '../../api/client';
import { useApiError } from '../../api/errors';
import type { Institution } from '../../api/types';
import { useUser } from '../../auth/AuthContext';
import { PageCard } from '../../components/PageCard';
import { OfficeMap } from '../../components/OfficeMap';
import { officeOf } from '../../api/institutions';
import { InstitutionBasicInfo } from './InstitutionBasicInfo';
import { OfficeAddressForm } from './OfficeAddressForm';

/** 查看机构基本信息 for the institution's own staff; only the institution admin may edit. */
export function InstitutionInfoPage() {
  const user = useUser();
  const onError = useApiError();
  const [institution, setInstitution] = useState<Institution | null>(null);
  const [failed, setFailed] = useState(false);
  const isAdmin = user.kind === 'institution_admin';

  useEffect(() => {
    if (user.institutionId === null) return;
    http.get<Institution>(`/institutions/${user.institutionId}`).then(setInstitution, (e) => {
      setFailed(true);
      onError(e);
    });
  }, [user.institutionId, onError]);

  if (user.institutionId === null || failed) return <Result status="warning" title="未能读取本机构信息" />;
  if (!institution) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  const office = officeOf(institution);

  return (
    <PageCard title="查看机构基本信息">
      <InstitutionBasicInfo institution={institution} canConfirm={isAdmin} onChanged={setInstitution} />
      <Divider titlePlacement="start">标注机构实际办公地址</Divider>
      {isAdmin ? (
        <OfficeAddressForm institution={institution} onSaved={setInstitution} />
      ) : (
        <OfficeMap lng={office.lng} lat={office.lat} />
      )}
    </PageCard>
  );
}
