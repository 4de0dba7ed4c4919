import { Op } from 'sequelize';
import { allow } from '../core/policy';
import type { StoredFile } from '../files/model';
import { Project } from '../projects/models';
import { canReadReport } from './visibility';
import { Report } from './models';

const ownInstitution = (actor: { institutionId: number | null }, r: { institutionId: number }) =>
  actor.institutionId != null && r.institutionId === actor.institutionId;

allow<Project>(['institution_admin'], 'uploadReport', 'project', ownInstitution);
allow(['brigade', 'detachment', 'institution_admin', 'technical_lead'], 'list', 'report');
allow<Report>('*', 'read', 'report', canReadReport);
allow<Report>(['institution_admin'], ['replace', 'delete'], 'report', ownInstitution);
// Filing is the technical lead's review (manual §02/§03 备案报告).
allow<Report>(['technical_lead'], 'file', 'report', ownInstitution);

// A filed report is pushed to the detachment of the project's jurisdiction, so it may open the PDFs.
allow<StoredFile>(['detachment'], 'read', 'file', async (actor, f) => {
  if (!actor.detachmentId) return false;
  const reports = await Report.findAll({
    where: { status: 'filed', [Op.or]: [{ reportFileId: f.id }, { rawRecordFileId: f.id }] },
    attributes: ['projectId'],
  });
  if (reports.length === 0) return false;
  return (
    (await Project.count({
      where: { id: reports.map((r) => r.projectId), detachmentId: actor.detachmentId },
    })) > 0
  );
});
