import {
  operatorGradeLabels,
  registryPostLabels,
  serviceTypeLabels,
  type InstitutionView,
  type PersonBrief,
  type PersonView,
} from '@xf/domain';
import { isoTimeOrNull } from '../core/time';
import type { Institution, Person } from './models';

/** ID numbers never leave the server whole: 110105********1234. */
export const maskIdNumber = (id: string) =>
  id.length > 10 ? `${id.slice(0, 6)}********${id.slice(-4)}` : '********';

export function presentInstitution(i: Institution): InstitutionView {
  const marked = i.officeMarkedAt != null;
  return {
    id: i.id,
    name: i.name,
    uscc: i.uscc,
    registeredAddress: i.registeredAddress,
    province: i.province,
    city: i.city,
    district: i.district,
    serviceTypes: i.serviceTypes,
    serviceTypesLabel: i.serviceTypes.map((t) => serviceTypeLabels[t]).join('/'),
    publicityStatus: i.publicityStatus,
    publicityStatusLabel: i.publicityStatus === 'effective' ? '公示生效' : '公示未生效',
    legalRepresentative: i.legalRepresentative,
    premisesArea: i.premisesArea,
    inRegistry: i.inRegistry,
    registrationConfirmedAt: isoTimeOrNull(i.registrationConfirmedAt),
    officeMarked: marked,
    officeMarkedLabel: marked ? '已标记' : '未标记',
    officeAddress: marked
      ? {
          address: i.officeAddress,
          province: i.officeProvince,
          city: i.officeCity,
          district: i.officeDistrict,
          lng: i.officeLng,
          lat: i.officeLat,
          crs: i.officeCrs,
          input: { lng: i.officeInputLng, lat: i.officeInputLat, crs: i.officeInputCrs },
          markedAt: isoTimeOrNull(i.officeMarkedAt),
        }
      : null,
    complianceStatus: i.complianceStatus,
    complianceStatusLabel: { compliant: '符合从业条件', noncompliant: '不符合从业条件', unchecked: '未核查' }[
      i.complianceStatus
    ],
    complianceFailures: i.complianceFailures ?? [],
    complianceCheckedAt: isoTimeOrNull(i.complianceCheckedAt),
  };
}

export function presentPersonBrief(p: Person): PersonBrief {
  return {
    id: p.id,
    name: p.name,
    idNumberMasked: maskIdNumber(p.idNumber),
    post: p.post,
    postLabel: registryPostLabels[p.post] ?? p.post,
    certificateNumber: p.engineerRegistrationNumber ?? p.operatorCertificateNumber,
  };
}

export function presentPerson(
  p: Person,
  today: string,
  extra: Pick<PersonView, 'accountKind' | 'hasAccount' | 'churnFlag'>,
): PersonView {
  return {
    ...presentPersonBrief(p),
    mobile: p.mobile ? `${p.mobile.slice(0, 3)}****${p.mobile.slice(-4)}` : null,
    registeredEngineer: p.engineerLevel
      ? {
          level: p.engineerLevel,
          levelLabel: p.engineerLevel === 1 ? '一级' : '二级',
          registrationNumber: p.engineerRegistrationNumber,
          validFrom: p.engineerValidFrom,
          validTo: p.engineerValidTo,
          valid:
            !!p.engineerValidTo &&
            p.engineerValidTo >= today &&
            (!p.engineerValidFrom || p.engineerValidFrom <= today),
        }
      : null,
    operatorCertificate: p.operatorCertificateNumber
      ? {
          number: p.operatorCertificateNumber,
          grade: p.operatorGrade,
          gradeLabel: p.operatorGrade ? operatorGradeLabels[p.operatorGrade] : null,
          validTo: p.operatorValidTo,
          valid: !p.operatorValidTo || p.operatorValidTo >= today,
        }
      : null,
    inRegistry: p.inRegistry,
    joinedAt: p.joinedAt,
    leftAt: p.leftAt,
    ...extra,
  };
}
