import { Institution, Person } from '../institutions/models';
import type {
  InspectionSnapshot,
  MinistryInstitutionRecord,
  MinistryPersonRecord,
  MinistrySnapshot,
} from '@xf/domain/registries/records';
import { RegistryProject, SocialUnit } from './models';
import { Detachment } from '../institutions/models';

/** The registry as this system last saw it, rebuilt from the tables, for diffing the next import. */
export async function ministrySnapshotFromDb(): Promise<MinistrySnapshot | null> {
  const institutions = await Institution.findAll({ where: { inRegistry: true }, raw: true });
  if (institutions.length === 0) return null;
  const usccById = new Map(institutions.map((i) => [i.id, i.uscc]));
  const persons = await Person.findAll({ where: { inRegistry: true }, raw: true });
  return {
    institutions: institutions.map(institutionRecord),
    persons: persons
      .filter((p) => p.institutionId && usccById.has(p.institutionId))
      .map((p) => personRecord(p, usccById.get(p.institutionId!)!)),
  };
}

export function institutionRecord(i: Institution): MinistryInstitutionRecord {
  return {
    uscc: i.uscc,
    name: i.name,
    registeredAddress: i.registeredAddress,
    province: i.province,
    city: i.city,
    district: i.district,
    // Raw rows: SQLite returns JSON columns as text, MySQL as parsed values.
    serviceTypes: typeof i.serviceTypes === 'string' ? JSON.parse(i.serviceTypes) : i.serviceTypes,
    publicityStatus: i.publicityStatus,
    ...(i.legalRepresentative ? { legalRepresentative: i.legalRepresentative } : {}),
    ...(i.premisesArea != null ? { premisesArea: i.premisesArea } : {}),
  } as MinistryInstitutionRecord;
}

export function personRecord(p: Person, institutionUscc: string): MinistryPersonRecord {
  return {
    idNumber: p.idNumber,
    name: p.name,
    institutionUscc,
    post: p.post,
    ...(p.mobile ? { mobile: p.mobile } : {}),
    ...(p.engineerLevel
      ? {
          registeredEngineer: {
            level: p.engineerLevel,
            registrationNumber: p.engineerRegistrationNumber!,
            validFrom: p.engineerValidFrom!,
            validTo: p.engineerValidTo!,
          },
        }
      : {}),
    ...(p.operatorCertificateNumber
      ? {
          operatorCertificate: {
            number: p.operatorCertificateNumber,
            grade: p.operatorGrade as never,
            ...(p.operatorValidTo ? { validTo: p.operatorValidTo } : {}),
          },
        }
      : {}),
  } as MinistryPersonRecord;
}

export async function inspectionSnapshotFromDb(): Promise<InspectionSnapshot | null> {
  const units = await SocialUnit.findAll({ where: { inRegistry: true } });
  const projects = await RegistryProject.findAll({ where: { inRegistry: true } });
  if (units.length === 0 && projects.length === 0) return null;
  const detachments = new Map((await Detachment.findAll()).map((d) => [d.id, d.code]));
  const unitUscc = new Map(units.map((u) => [u.id, u.uscc]));
  return {
    socialUnits: units.map((u) => ({
      uscc: u.uscc,
      name: u.name,
      address: u.address,
      district: u.district,
      safetyLevel: u.safetyLevel as never,
      detachmentCode: detachments.get(u.detachmentId!) ?? '',
      unitType: u.unitType,
    })),
    registryProjects: projects.map((p) => ({
      externalId: p.externalId,
      kind: p.kind,
      institutionUscc: p.institutionUscc,
      socialUnitUscc: (p.socialUnitId && unitUscc.get(p.socialUnitId)) || 'NULL',
      socialUnitName: p.socialUnitName,
      startDate: p.startDate,
      endDate: p.endDate,
    })),
  };
}
