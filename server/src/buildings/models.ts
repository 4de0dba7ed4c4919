import { Model, type Sequelize } from 'sequelize';
import type { WaterSupplyKind } from '@xf/domain';
import { double, int, pk, str } from '../db/columns';
import { parsedJson } from '../projects/json-column';

export interface WaterSupply {
  kind: WaterSupplyKind;
  location: string;
  /** Cubic metres. */
  capacity: number;
}

/** 建筑物 of a project: the buildings sharing one set of automatic fire facilities. */
export class Building extends Model {
  declare id: number;
  declare projectId: number;
  declare name: string;
  declare aboveGroundArea: number;
  declare belowGroundArea: number;
  declare totalArea: number;
  declare aboveGroundFloors: number;
  declare belowGroundFloors: number;
  declare height: number;
  declare useFunction: string;
  declare waterSupplies: WaterSupply[];
  declare remark: string;
}

export function initBuildingModel(sequelize: Sequelize) {
  // A fresh object per attribute: Sequelize writes the column name into the definition it is given.
  const required = () => ({ ...double(), allowNull: false });
  Building.init(
    {
      id: pk,
      projectId: int(false),
      name: str(100, false),
      aboveGroundArea: required(),
      belowGroundArea: required(),
      totalArea: required(),
      aboveGroundFloors: int(false),
      belowGroundFloors: int(false),
      height: required(),
      useFunction: str(100, false),
      waterSupplies: parsedJson('waterSupplies', false),
      remark: { ...str(500, false), defaultValue: '' },
    },
    { sequelize, tableName: 'buildings' },
  );
}
