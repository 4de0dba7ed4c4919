import { Model, type Sequelize } from 'sequelize';
import { date, int, json, pk, str } from '../db/columns';

export class RedFlag extends Model {
  declare id: number;
  declare kind: string;
  declare subjectType: string;
  declare subjectId: number;
  declare subjectName: string;
  declare institutionId: number | null;
  declare reason: string;
  declare details: object | null;
  declare raisedAt: Date;
  declare clearedAt: Date | null;
}

export function initRedFlagModel(sequelize: Sequelize) {
  RedFlag.init(
    {
      id: pk,
      kind: str(40, false),
      subjectType: str(40, false),
      subjectId: int(false),
      subjectName: str(200, false),
      institutionId: int(),
      reason: str(500, false),
      details: json(),
      raisedAt: date(false),
      clearedAt: date(),
    },
    { sequelize, tableName: 'red_flags' },
  );
}
