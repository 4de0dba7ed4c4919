import { Model, type Sequelize } from 'sequelize';
import { date, int, pk, str } from '../db/columns';

/** A project's testing plan after its first 下发; later saves (修改计划) count as revisions. */
export class TestingPlanDispatch extends Model {
  declare id: number;
  declare projectId: number;
  declare dispatchedAt: Date;
  declare dispatchedBy: number;
  declare revisedAt: Date | null;
  declare revisionCount: number;
}

/** One operator assigned to one single item (`${buildingId}:${code}`) of a project's testing plan. */
export class TestingPlanAssignment extends Model {
  declare id: number;
  declare projectId: number;
  declare planSingleItemId: string;
  declare operatorAccountId: number;
  declare createdAt: Date;
}

export function initTestingPlanModels(sequelize: Sequelize) {
  TestingPlanDispatch.init(
    {
      id: pk,
      projectId: int(false),
      dispatchedAt: date(false),
      dispatchedBy: int(false),
      revisedAt: date(),
      revisionCount: { ...int(false), defaultValue: 0 },
    },
    { sequelize, tableName: 'testing_plan_dispatches' },
  );
  TestingPlanAssignment.init(
    {
      id: pk,
      projectId: int(false),
      planSingleItemId: str(150, false),
      operatorAccountId: int(false),
    },
    { sequelize, tableName: 'testing_plan_assignments' },
  );
}
