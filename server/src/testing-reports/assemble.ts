import {
  assembleTestingReport,
  attachmentKindLabels,
  isTestResult,
  type ReportRecordInput,
  type ReportReviewInput,
  type TestingReportData,
  type Verdict,
} from '@xf/domain';
import { QueryTypes, type Sequelize } from 'sequelize';
import { Account } from '../accounts/models';
import { Building } from '../buildings/models';
import { Client, ClientContact } from '../clients/models';
import { Institution, Person } from '../institutions/models';
import { Project } from '../projects/models';
import { Report } from '../reports/models';
import { findEdition } from '../standards/service';
import { buildingsProjectId, projectTestingPlan } from '../testing-plans/plan';

/** testing_records as migration 0011 made them (read here with SQL; the testing-records feature owns the model). */
interface RecordRow {
  id: number;
  planItemId: string;
  planSubItemId: string;
  planSingleItemId: string;
  itemId: string;
  position: string;
  result: string;
  reviewedResult: string | null;
  measuredValue: number | null;
  photoFileIds: string | number[];
  note: string;
  recordedAt: string | Date;
  operatorName: string | null;
}

export async function readTestingRecords(
  sequelize: Sequelize,
  projectId: number,
): Promise<ReportRecordInput[]> {
  const rows = await sequelize.query<RecordRow>(
    `SELECT r.id, r.planItemId, r.planSubItemId, r.planSingleItemId, r.itemId, r.position, r.result,
            r.reviewedResult, r.measuredValue, r.photoFileIds, r.note, r.recordedAt, a.displayName AS operatorName
       FROM testing_records r LEFT JOIN accounts a ON a.id = r.operatorAccountId
      WHERE r.projectId = :projectId
      ORDER BY r.id`,
    { replacements: { projectId }, type: QueryTypes.SELECT },
  );
  return rows.map((r) => ({
    id: Number(r.id),
    planItemId: r.planItemId,
    planSubItemId: r.planSubItemId,
    planSingleItemId: r.planSingleItemId,
    itemId: r.itemId,
    position: r.position,
    result: isTestResult(r.result) ? r.result : 'not_testable',
    reviewedResult: isTestResult(r.reviewedResult) ? r.reviewedResult : null,
    measuredValue: r.measuredValue === null ? null : Number(r.measuredValue),
    photoFileIds: (typeof r.photoFileIds === 'string'
      ? JSON.parse(r.photoFileIds)
      : (r.photoFileIds ?? [])
    ).map(Number),
    note: r.note ?? '',
    operatorName: r.operatorName ?? '',
    recordedAt: new Date(r.recordedAt).toISOString(),
  }));
}

export async function readTestingReviews(
  sequelize: Sequelize,
  projectId: number,
): Promise<ReportReviewInput[]> {
  const rows = await sequelize.query<{
    level: string;
    nodeId: string;
    verdict: string;
    reason: string | null;
  }>('SELECT level, nodeId, verdict, reason FROM testing_reviews WHERE projectId = :projectId', {
    replacements: { projectId },
    type: QueryTypes.SELECT,
  });
  return rows
    .filter(
      (r) =>
        ['sub_item', 'single_item', 'overall'].includes(r.level) &&
        ['pass', 'fail', 'not_applicable'].includes(r.verdict),
    )
    .map((r) => ({
      level: r.level as ReportReviewInput['level'],
      nodeId: r.nodeId,
      verdict: r.verdict as Verdict,
      reason: r.reason,
    }));
}

/** 审核状态 of the project's testing (未开启审核/审核中/审核通过), a column migration 0011 added to projects. */
export async function readTestingReviewStatus(sequelize: Sequelize, projectId: number): Promise<string> {
  const [row] = await sequelize.query<{ testingReviewStatus: string }>(
    'SELECT testingReviewStatus FROM projects WHERE id = :projectId',
    { replacements: { projectId }, type: QueryTypes.SELECT },
  );
  return row?.testingReviewStatus ?? 'closed';
}

const certificateOf = (p: Person | null) =>
  p?.engineerRegistrationNumber ?? p?.operatorCertificateNumber ?? '/';

/** Everything the report prints, read from the project and its reviewed records. */
export async function assembleFromDatabase(
  sequelize: Sequelize,
  project: Project,
  meta: { reportNo: string; issuedOn: string; verifyUrl: string },
): Promise<TestingReportData> {
  const [
    edition,
    plan,
    buildings,
    client,
    contact,
    institution,
    leadAccount,
    technicalLead,
    records,
    reviews,
  ] = await Promise.all([
    findEdition(project.editionId),
    projectTestingPlan(project),
    Building.findAll({ where: { projectId: buildingsProjectId(project) }, order: [['id', 'ASC']] }),
    Client.findByPk(project.clientId),
    ClientContact.findByPk(project.contactId),
    Institution.findByPk(project.institutionId),
    Account.findByPk(project.projectLeadAccountId),
    Person.findOne({ where: { institutionId: project.institutionId, post: 'technical_lead' } }),
    readTestingRecords(sequelize, project.id),
    readTestingReviews(sequelize, project.id),
  ]);
  const leadPerson = leadAccount?.personId ? await Person.findByPk(leadAccount.personId) : null;
  // 复检报告: titled as such, naming the original report and the original project's name.
  const [parent, original] = project.parentProjectId
    ? await Promise.all([
        Project.findByPk(project.parentProjectId),
        project.retestOfReportId ? Report.findByPk(project.retestOfReportId) : null,
      ])
    : [null, null];
  return assembleTestingReport({
    header: {
      reportNo: meta.reportNo,
      title: parent ? '建筑消防设施复检报告' : '建筑消防设施检测报告',
      ...(original
        ? { retestOf: { reportNo: original.reportNo ?? '/', issuedOn: original.completedOn } }
        : {}),
      issuedOn: meta.issuedOn,
      verifyUrl: meta.verifyUrl,
      project: {
        id: project.id,
        name: parent?.siteName ?? project.siteName,
        address:
          [project.province, project.city, project.district]
            .filter((x) => x && x !== '市辖区' && !project.address.includes(x))
            .join('') + project.address,
        client: { name: client?.name ?? '/', contact: contact?.name ?? '/', phone: contact?.mobile ?? '/' },
        maintenanceUnit: null,
        buildings: buildings.map((b) => ({
          name: b.name,
          totalArea: Number(b.totalArea),
          aboveGroundFloors: b.aboveGroundFloors,
          belowGroundFloors: b.belowGroundFloors,
          useFunction: b.useFunction,
          height: Number(b.height),
        })),
        documents: [
          ...new Set((project.attachments ?? []).map((a) => attachmentKindLabels[a.kind] ?? a.kind)),
        ],
        testingType: project.testingType,
        scope: project.scope ?? [],
        basis: edition.sources.length ? edition.sources.join('、') : edition.title,
        contractStart: project.contractStart,
        contractEnd: project.contractEnd,
      },
      institution: { name: institution?.name ?? '/' },
      projectLead: {
        name: leadPerson?.name ?? leadAccount?.displayName ?? '/',
        certificateNo: certificateOf(leadPerson),
      },
      technicalLead: technicalLead
        ? { name: technicalLead.name, certificateNo: certificateOf(technicalLead) }
        : null,
    },
    edition,
    scopeCodes: plan.singleItemCodes,
    buildings: plan.buildings.map((b) => ({ id: b.buildingId, name: b.buildingName })),
    records,
    reviews,
  });
}
