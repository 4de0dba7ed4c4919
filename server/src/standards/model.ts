import { Model, type Sequelize } from 'sequelize';
import type { EditionDiff, StandardEdition } from '@xf/domain';
import { int, json, pk, str } from '../db/columns';

/** An edition published by the brigade (built-in editions live in domain/ and are not stored). */
export class StandardEditionRecord extends Model {
  declare id: number;
  declare editionId: string;
  declare title: string;
  declare effectiveDate: string;
  declare content: StandardEdition;
  declare source: 'json' | 'excel';
  declare previousEditionId: string | null;
  declare diff: EditionDiff | null;
  declare publishedBy: number | null;
  declare createdAt: Date;
}

export function initStandardEditionModel(sequelize: Sequelize) {
  StandardEditionRecord.init(
    {
      id: pk,
      editionId: str(100, false),
      title: str(200, false),
      effectiveDate: str(10, false),
      content: json(false),
      source: str(10, false),
      previousEditionId: str(100),
      diff: json(),
      publishedBy: int(),
    },
    { sequelize, tableName: 'standard_editions' },
  );
}
