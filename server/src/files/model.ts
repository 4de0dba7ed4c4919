import { Model, type Sequelize } from 'sequelize';
import { int, pk, str } from '../db/columns';

export class StoredFile extends Model {
  declare id: number;
  declare ownerAccountId: number | null;
  declare institutionId: number | null;
  declare idempotencyKey: string | null;
  declare storageKey: string;
  declare mime: string;
  declare category: string;
  declare size: number;
  declare sha256: string;
  declare originalName: string | null;
  /** The small JPEG generated reports embed, made once at upload (photos only). */
  declare thumbnailKey: string | null;
  declare createdAt: Date;
}

export function initStoredFileModel(sequelize: Sequelize) {
  StoredFile.init(
    {
      id: pk,
      ownerAccountId: int(),
      institutionId: int(),
      idempotencyKey: str(80),
      storageKey: str(200, false),
      mime: str(80, false),
      category: str(20, false),
      size: int(false),
      sha256: str(64, false),
      originalName: str(200),
      thumbnailKey: str(200),
    },
    { sequelize, tableName: 'stored_files' },
  );
}
