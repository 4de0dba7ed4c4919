import { assembleMaintenanceReport, beijingMonthEnd, type MaintenanceReportData } from '@xf/domain';
import { Account } from '../accounts/models';
import { Building } from '../buildings/models';
import { ClientContact } from '../clients/models';
import type { AppContext } from '../context';
import { Institution, Person } from '../institutions/models';
import { findProject } from '../projects/find';
import type { Project } from '../projects/models';
import type { PreparedReport } from '../reports/generation';
import type { Report } from '../reports/models';
import { dataDigest, qrOf, readReportPhotos } from '../reports/render/assets';
import { findEdition } from '../standards/service';
import type { MaintenanceRenderInput } from './layout';
import { readMonthRecords, readMonthWork, readProjectFaults } from './source';

/** Everything the monthly report prints, read from the project, its month's approved work and its faults. */
export async function assembleMaintenanceFromDatabase(
  app: AppContext,
  project: Project,
  meta: { reportNo: string; month: string; issuedOn: string; verifyUrl: string; remarks: string },
): Promise<MaintenanceReportData> {
  const { sequelize } = app;
  const [edition, buildings, contact, institution, leadAccount, technicalLead, work] = await Promise.all([
    findEdition(project.editionId),
    Building.findAll({ where: { projectId: project.id }, order: [['id', 'ASC']] }),
    ClientContact.findByPk(project.contactId),
    Institution.findByPk(project.institutionId),
    Account.findByPk(project.projectLeadAccountId),
    Person.findOne({ where: { institutionId: project.institutionId, post: 'technical_lead' } }),
    readMonthWork(sequelize, project.id, meta.month),
  ]);
  const end = beijingMonthEnd(meta.month);
  const counted = work.tasks.filter((t) => t.approved && new Date(t.submittedAt) < end).map((t) => t.id);
  const [records, faults, leadPerson] = await Promise.all([
    readMonthRecords(sequelize, counted, edition),
    readProjectFaults(sequelize, project.id, end, edition),
    leadAccount?.personId ? Person.findByPk(leadAccount.personId) : null,
  ]);
  return assembleMaintenanceReport({
    header: {
      reportNo: meta.reportNo,
      title: '建筑消防设施维护保养情况表',
      month: meta.month,
      issuedOn: meta.issuedOn,
      verifyUrl: meta.verifyUrl,
      remarks: meta.remarks,
      project: {
        id: project.id,
        name: project.siteName,
        address:
          [project.province, project.city, project.district]
            .filter((x) => x && x !== '市辖区' && !project.address.includes(x))
            .join('') + project.address,
        manager: { name: contact?.name ?? '/', phone: contact?.mobile ?? '' },
      },
      institution: { name: institution?.name ?? '/' },
      projectLead: { name: leadPerson?.name ?? leadAccount?.displayName ?? '/' },
      technicalLead: technicalLead ? { name: technicalLead.name } : null,
    },
    systems: edition.maintenance,
    projectFacilityIds: project.fireSystemFacilityIds ?? [],
    buildings: buildings.map((b) => ({
      name: b.name,
      totalArea: Number(b.totalArea),
      aboveGroundArea: Number(b.aboveGroundArea),
      belowGroundArea: Number(b.belowGroundArea),
      aboveGroundFloors: b.aboveGroundFloors,
      belowGroundFloors: b.belowGroundFloors,
      height: Number(b.height),
      useFunction: b.useFunction,
      waterSupplies: (b.waterSupplies ?? []).map((w) => ({
        kind: w.kind,
        location: w.location,
        capacity: Number(w.capacity),
      })),
    })),
    records,
    faults,
  });
}

/** The monthly maintenance report for the generation job (reports/generation.ts). */
export async function prepareMaintenanceRender(
  app: AppContext,
  report: Report,
  verifyUrl: string,
): Promise<PreparedReport> {
  const project = await findProject(report.projectId);
  const data = await assembleMaintenanceFromDatabase(app, project, {
    reportNo: report.reportNo ?? `消维第${report.id}号`,
    month: report.planMonth!,
    issuedOn: report.completedOn,
    verifyUrl,
    remarks: report.remarks ?? '',
  });
  const ids = [...new Set(data.attachments.flatMap((a) => a.photoFileIds))];
  const input: MaintenanceRenderInput = {
    data,
    dataSha256: dataDigest(data),
    photos: await readReportPhotos(app, ids),
    ...(await qrOf(verifyUrl)),
  };
  const s = data.summary;
  return {
    job: { kind: 'maintenance', input },
    dataSha256: input.dataSha256,
    fileName: `${data.project.name}-${report.reportNo}-${data.monthLabel}维保报告`,
    rawFileName: null,
    conclusion: `${data.monthLabel}：维保设施${s.facilities}处，内容${s.lines}项，不符合${s.nonconforming}项；${data.faultSummary}`,
  };
}
