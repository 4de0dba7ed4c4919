import { DataTypes, Model, type Sequelize } from 'sequelize';
import { bool, date, double, int, pk, str } from '../db/columns';

/** One 位置校验: who, when, the raw fix as reported, the GCJ-02 point used, and the result. */
export class LocationCheck extends Model {
  declare id: number;
  declare accountId: number;
  declare projectId: number;
  declare purpose: string;
  declare rawLng: number;
  declare rawLat: number;
  declare rawCrs: 'GCJ02' | 'WGS84';
  declare accuracy: number;
  /** true / false / null (the device could not tell). */
  declare isMock: boolean | null;
  declare fixTime: Date;
  declare lng: number;
  declare lat: number;
  declare fenceLng: number | null;
  declare fenceLat: number | null;
  declare fenceRadius: number | null;
  declare distanceM: number | null;
  declare inside: boolean;
  declare reason: string;
  declare at: Date;
}

/**
 * The column was made as a NOT NULL BOOLEAN (TINYINT(1) in MariaDB and SQLite), which holds small integers:
 * 0 not mocked, 1 mocked, 2 unknown. Read and written as true / false / null, so unknown is stored as
 * unknown without a schema change, and old rows keep their meaning.
 */
export const MOCK_UNKNOWN_CODE = 2;
const mockColumn = {
  type: DataTypes.INTEGER,
  allowNull: false,
  defaultValue: MOCK_UNKNOWN_CODE,
  get(this: LocationCheck): boolean | null {
    const v = Number(this.getDataValue('isMock'));
    return v === 1 ? true : v === 0 ? false : null;
  },
  set(this: LocationCheck, v: boolean | null | undefined) {
    this.setDataValue('isMock', v === true ? 1 : v === false ? 0 : MOCK_UNKNOWN_CODE);
  },
};

export function initLocationCheckModel(sequelize: Sequelize) {
  // A fresh object per column: Sequelize writes into attribute definitions.
  const required = () => ({ ...double(), allowNull: false });
  LocationCheck.init(
    {
      id: pk,
      accountId: int(false),
      projectId: int(false),
      purpose: str(40, false),
      rawLng: required(),
      rawLat: required(),
      rawCrs: str(10, false),
      accuracy: required(),
      isMock: mockColumn,
      fixTime: date(false),
      lng: required(),
      lat: required(),
      fenceLng: double(),
      fenceLat: double(),
      fenceRadius: int(),
      distanceM: double(),
      inside: bool(false),
      reason: str(30, false),
      at: date(false),
    },
    { sequelize, tableName: 'location_checks' },
  );
}
