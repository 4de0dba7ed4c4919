import { DataTypes, Model, type Sequelize } from 'sequelize';
import type { ReviewLevel, TestingRecordStatus, TestResult } from '@xf/domain';
import { bool, date, double, int, pk, str } from '../db/columns';
import { parsedJson } from '../projects/json-column';

/** 检测记录: one result of one test item at one position, created only by its task's submission. */
export class TestingRecord extends Model {
  declare id: number;
  declare projectId: number;
  declare testingTaskId: number;
  declare operatorAccountId: number;
  declare idempotencyKey: string;
  declare submissionKey: string;
  declare planItemId: string;
  declare planSubItemId: string;
  declare planSingleItemId: string;
  declare itemId: string;
  declare itemClass: 'A' | 'B' | 'C';
  declare position: string;
  declare result: TestResult;
  declare measuredValue: number | null;
  declare computedResult: TestResult;
  declare mismatch: boolean;
  declare reviewedResult: TestResult | null;
  declare reviewReason: string | null;
  declare photoFileIds: number[];
  declare note: string;
  declare status: TestingRecordStatus;
  declare recordedAt: Date;
  declare submittedAt: Date;
  declare reviewedBy: number | null;
  declare reviewedAt: Date | null;
  declare createdAt: Date;
}

/** The lead's review of a sub-item, a single item or the 综合评定 of a project. */
export class TestingReview extends Model {
  declare id: number;
  declare projectId: number;
  declare level: ReviewLevel;
  declare nodeId: string;
  declare computedVerdict: 'pass' | 'fail' | 'not_applicable';
  declare verdict: 'pass' | 'fail' | 'not_applicable';
  declare reason: string | null;
  declare flagged: boolean;
  declare reviewedBy: number;
  declare reviewedAt: Date;
}

export function initTestingRecordModels(sequelize: Sequelize) {
  TestingRecord.init(
    {
      id: pk,
      projectId: int(false),
      testingTaskId: int(false),
      operatorAccountId: int(false),
      idempotencyKey: str(80, false),
      submissionKey: str(80, false),
      planItemId: str(150, false),
      planSubItemId: str(150, false),
      planSingleItemId: str(150, false),
      itemId: str(40, false),
      itemClass: str(1, false),
      position: str(50, false),
      result: str(20, false),
      measuredValue: double(),
      computedResult: str(20, false),
      mismatch: bool(false),
      reviewedResult: str(20),
      reviewReason: str(500),
      photoFileIds: parsedJson('photoFileIds', false),
      note: str(500, false),
      status: str(20, false),
      recordedAt: date(false),
      submittedAt: date(false),
      reviewedBy: int(),
      reviewedAt: date(),
    },
    { sequelize, tableName: 'testing_records' },
  );
  TestingReview.init(
    {
      id: pk,
      projectId: int(false),
      level: str(20, false),
      nodeId: str(150, false),
      computedVerdict: str(20, false),
      verdict: str(20, false),
      reason: str(500),
      flagged: bool(false),
      reviewedBy: int(false),
      reviewedAt: { type: DataTypes.DATE, allowNull: false },
    },
    { sequelize, tableName: 'testing_reviews' },
  );
}
