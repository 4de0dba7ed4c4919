import { Model, type Sequelize } from 'sequelize';
import { bool, date, int, json, pk, str } from '../db/columns';

export type RegistryName = 'ministry' | 'inspection';

export class RegistryImport extends Model {
  declare id: number;
  declare registry: RegistryName;
  declare source: 'excel' | 'feed' | 'demo';
  declare fileName: string | null;
  declare status: 'running' | 'completed' | 'refused' | 'failed' | 'interrupted';
  declare summary: { joined: number; changed: number; left: number; errors: number; rows: number } | null;
  declare rowErrors: { sheet: string; row: number; field: string; reason: string }[] | null;
  declare message: string | null;
  declare actorId: number | null;
  declare startedAt: Date;
  declare finishedAt: Date | null;
}

export class RegistryChange extends Model {
  declare id: number;
  declare importId: number;
  declare entity: string;
  declare entityKey: string;
  declare name: string;
  declare change: 'joined' | 'changed' | 'left';
  declare institutionId: number | null;
  declare fields: string[] | null;
  declare before: object | null;
  declare after: object | null;
  declare on: string;
}

export class SocialUnit extends Model {
  declare id: number;
  declare uscc: string;
  declare name: string;
  declare address: string;
  declare district: string;
  declare safetyLevel: string;
  declare detachmentId: number | null;
  declare unitType: string;
  declare registryKey: string;
  declare inRegistry: boolean;
}

export class RegistryProject extends Model {
  declare id: number;
  declare externalId: string;
  declare kind: 'maintenance' | 'testing';
  declare institutionId: number | null;
  declare institutionUscc: string;
  declare socialUnitId: number | null;
  declare socialUnitName: string;
  declare startDate: string;
  declare endDate: string;
  declare inRegistry: boolean;
}

export function initRegistryModels(sequelize: Sequelize) {
  RegistryImport.init(
    {
      id: pk,
      registry: str(20, false),
      source: str(20, false),
      fileName: str(200),
      status: str(20, false),
      summary: json(),
      rowErrors: json(),
      message: str(500),
      actorId: int(),
      startedAt: date(false),
      finishedAt: date(),
    },
    { sequelize, tableName: 'registry_imports' },
  );
  RegistryChange.init(
    {
      id: pk,
      importId: int(false),
      entity: str(20, false),
      entityKey: str(220, false),
      name: str(200, false),
      change: str(10, false),
      institutionId: int(),
      fields: json(),
      before: json(),
      after: json(),
      on: str(10, false),
    },
    { sequelize, tableName: 'registry_changes' },
  );
  SocialUnit.init(
    {
      id: pk,
      uscc: str(18, false),
      name: str(200, false),
      address: str(300, false),
      district: str(40, false),
      safetyLevel: str(20, false),
      detachmentId: int(),
      unitType: str(60, false),
      registryKey: str(220, false),
      inRegistry: bool(true),
    },
    { sequelize, tableName: 'social_units' },
  );
  RegistryProject.init(
    {
      id: pk,
      externalId: str(60, false),
      kind: str(20, false),
      institutionId: int(),
      institutionUscc: str(18, false),
      socialUnitId: int(),
      socialUnitName: str(200, false),
      startDate: str(10, false),
      endDate: str(10, false),
      inRegistry: bool(true),
    },
    { sequelize, tableName: 'registry_projects' },
  );
}
