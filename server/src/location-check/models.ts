import { Model, type Sequelize } from 'sequelize';
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
  declare isMock: boolean;
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
      isMock: bool(false),
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
