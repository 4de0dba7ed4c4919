import { Model, type Sequelize } from 'sequelize';
import { bool, date, double, int, json, pk, str } from '../db/columns';

export class Detachment extends Model {
  declare id: number;
  declare code: string;
  declare name: string;
}

export interface ComplianceFailure {
  conditionId: string;
  message: string;
  clause: string;
}

export class Institution extends Model {
  declare id: number;
  declare uscc: string;
  declare name: string;
  declare registeredAddress: string;
  declare province: string;
  declare city: string;
  declare district: string;
  declare serviceTypes: ('maintenance_testing' | 'safety_assessment')[];
  declare publicityStatus: 'effective' | 'not_effective';
  declare legalRepresentative: string | null;
  declare premisesArea: number | null;
  declare inRegistry: boolean;
  declare registrationConfirmedAt: Date | null;
  declare registrationConfirmedBy: number | null;
  declare officeAddress: string | null;
  declare officeProvince: string | null;
  declare officeCity: string | null;
  declare officeDistrict: string | null;
  declare officeLng: number | null;
  declare officeLat: number | null;
  declare officeCrs: string | null;
  declare officeInputLng: number | null;
  declare officeInputLat: number | null;
  declare officeInputCrs: string | null;
  declare officeMarkedAt: Date | null;
  declare complianceStatus: 'unchecked' | 'compliant' | 'noncompliant';
  declare complianceFailures: ComplianceFailure[] | null;
  declare complianceCheckedAt: Date | null;
  declare createdAt: Date;
  declare updatedAt: Date;
}

export class Person extends Model {
  declare id: number;
  declare idNumber: string;
  declare name: string;
  declare institutionId: number | null;
  declare post: 'technical_lead' | 'project_lead' | 'operator' | 'other';
  declare mobile: string | null;
  declare engineerLevel: 1 | 2 | null;
  declare engineerRegistrationNumber: string | null;
  declare engineerValidFrom: string | null;
  declare engineerValidTo: string | null;
  declare operatorCertificateNumber: string | null;
  declare operatorGrade: string | null;
  declare operatorValidTo: string | null;
  declare inRegistry: boolean;
  declare joinedAt: string | null;
  declare leftAt: string | null;
}

export function initInstitutionModels(sequelize: Sequelize) {
  Detachment.init(
    { id: pk, code: str(40, false), name: str(60, false) },
    { sequelize, tableName: 'detachments' },
  );
  Institution.init(
    {
      id: pk,
      uscc: str(18, false),
      name: str(200, false),
      registeredAddress: str(300, false),
      province: str(40, false),
      city: str(40, false),
      district: str(40, false),
      serviceTypes: json(false),
      publicityStatus: str(20, false),
      legalRepresentative: str(60),
      premisesArea: double(),
      inRegistry: bool(true),
      registrationConfirmedAt: date(),
      registrationConfirmedBy: int(),
      officeAddress: str(300),
      officeProvince: str(40),
      officeCity: str(40),
      officeDistrict: str(40),
      officeLng: double(),
      officeLat: double(),
      officeCrs: str(10),
      officeInputLng: double(),
      officeInputLat: double(),
      officeInputCrs: str(10),
      officeMarkedAt: date(),
      complianceStatus: { ...str(20, false), defaultValue: 'unchecked' },
      complianceFailures: json(),
      complianceCheckedAt: date(),
    },
    { sequelize, tableName: 'institutions' },
  );
  Person.init(
    {
      id: pk,
      idNumber: str(18, false),
      name: str(60, false),
      institutionId: int(),
      post: str(20, false),
      mobile: str(20),
      engineerLevel: int(),
      engineerRegistrationNumber: str(40),
      engineerValidFrom: str(10),
      engineerValidTo: str(10),
      operatorCertificateNumber: str(40),
      operatorGrade: str(20),
      operatorValidTo: str(10),
      inRegistry: bool(true),
      joinedAt: str(10),
      leftAt: str(10),
    },
    { sequelize, tableName: 'persons' },
  );
}

const detachmentCache = new WeakMap<Sequelize, Promise<Map<number, Detachment>>>();

/**
 * The 支队, by id. They are reference data written once when the database is first set up
 * (ensureDetachments) and never changed, so each process reads them once instead of on every list request.
 */
export function detachmentsById(): Promise<Map<number, Detachment>> {
  const sequelize = Detachment.sequelize!;
  let cached = detachmentCache.get(sequelize);
  if (!cached) {
    cached = Detachment.findAll({ order: [['id', 'ASC']] }).then(
      (rows) => new Map(rows.map((d) => [d.id, d])),
    );
    // A read before the detachments are seeded (or a failed read) is not kept.
    cached.then(
      (m) => m.size || detachmentCache.delete(sequelize),
      () => detachmentCache.delete(sequelize),
    );
    detachmentCache.set(sequelize, cached);
  }
  return cached;
}
