import { Divider, Result, Spin } from 'antd';
import { useEffect, useState } from 'react';
import type { InstitutionView as Institution } from '@xf/domain/api/institutions';
import { api } from '../../api/client';
import { useApiError } from '../../api/errors';
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

  useEffect(() => {
    if (user.institutionId === null) return;
    api.getInstitution(user.institutionId).then(setInstitution, (e) => {
      setFailed(true);
      onError(e);
    });
  }, [user.institutionId, onError]);

  if (user.institutionId === null || failed) return <Result status="warning" title="未能读取本机构信息" />;
  if (!institution) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  const office = officeOf(institution);
  // The answers to a change carry no abilities: what the account may do stays as read with the page.
  const changed = (i: Institution) => setInstitution({ ...i, abilities: institution.abilities });

  return (
    <PageCard title="查看机构基本信息">
      <InstitutionBasicInfo
        institution={institution}
        canConfirm={!!institution.abilities?.confirmRegistration}
        onChanged={changed}
      />
      <Divider titlePlacement="start">标注机构实际办公地址</Divider>
      {institution.abilities?.markOffice ? (
        <OfficeAddressForm institution={institution} onSaved={changed} />
      ) : (
        <OfficeMap lng={office.lng} lat={office.lat} />
      )}
    </PageCard>
  );
}
