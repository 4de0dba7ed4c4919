import { Model, type Sequelize } from 'sequelize';
import type { faceProfileMachine, StateOf } from '@xf/domain';
import { bool, date, double, int, pk, str } from '../db/columns';

export class FaceProfile extends Model {
  declare id: number;
  declare accountId: number;
  declare fileId: number;
  declare status: StateOf<typeof faceProfileMachine>;
  declare submittedAt: Date;
  declare reviewedBy: number | null;
  declare reviewedAt: Date | null;
  declare rejectReason: string | null;
}

export class FaceComparison extends Model {
  declare id: number;
  declare accountId: number;
  declare faceProfileId: number;
  declare purpose: string;
  declare distance: number;
  declare threshold: number;
  declare accepted: boolean;
  declare at: Date;
}

/** The perceptual hash of a live photo a face check accepted (migration 0014): later copies are replays. */
export class LivePhotoHash extends Model {
  declare id: number;
  declare accountId: number;
  declare hash: string;
  declare purpose: string;
  declare requestKey: string | null;
  declare createdAt: Date;
}

export function initFaceModels(sequelize: Sequelize) {
  FaceProfile.init(
    {
      id: pk,
      accountId: int(false),
      fileId: int(false),
      status: str(20, false),
      submittedAt: date(false),
      reviewedBy: int(),
      reviewedAt: date(),
      rejectReason: str(300),
    },
    { sequelize, tableName: 'face_profiles' },
  );
  FaceComparison.init(
    {
      id: pk,
      accountId: int(false),
      faceProfileId: int(false),
      purpose: str(40, false),
      distance: { ...double(), allowNull: false },
      threshold: { ...double(), allowNull: false },
      accepted: bool(false),
      at: date(false),
    },
    { sequelize, tableName: 'face_comparisons' },
  );
  LivePhotoHash.init(
    {
      id: pk,
      accountId: int(false),
      hash: str(64, false),
      purpose: str(40, false),
      requestKey: str(120),
    },
    { sequelize, tableName: 'live_photo_hashes' },
  );
}
