import { Model, type Sequelize } from 'sequelize';
import { date, int, json, pk, str } from '../db/columns';
import type { ComplianceFailure } from '../institutions/models';

export class ComplianceRecord extends Model {
  declare id: number;
  declare institutionId: number;
  declare status: 'compliant' | 'noncompliant';
  declare failures: ComplianceFailure[];
  declare trigger: string;
  declare at: Date;
}

export function initComplianceModels(sequelize: Sequelize) {
  ComplianceRecord.init(
    {
      id: pk,
      institutionId: int(false),
      status: str(20, false),
      failures: json(false),
      trigger: str(40, false),
      at: date(false),
    },
    { sequelize, tableName: 'compliance_history' },
  );
}
