import { Op } from 'sequelize';
import { ALL, allow, NONE, scope, where } from '../core/policy';
import type { StoredFile } from '../files/model';
import { Project } from '../projects/models';
import { projectIdsWhere } from '../projects/subquery';
import { canReadReport } from './visibility';
import { Report } from './models';

const ownInstitution = (actor: { institutionId: number | null }, r: { institutionId: number }) =>
  actor.institutionId != null && r.institutionId === actor.institutionId;

allow<Project>(['institution_admin'], 'upload', 'report', ownInstitution);
// 生成检测报告 is the institution admin's (manual §02 机构管理员在电脑端生成检测报告).
allow<Project>(['institution_admin'], 'generate', 'report', ownInstitution);
allow(['brigade', 'detachment', 'institution_admin', 'technical_lead'], 'list', 'report');
allow<Report>('*', 'read', 'report', canReadReport);
// Filed reports are pushed to the detachment, which checks a received PDF against the filed SHA-256 (校验).
allow(['detachment'], 'verify', 'report');
allow<Report>(['institution_admin'], ['replace', 'delete'], 'report', ownInstitution);
// Filing is the technical lead's review (manual §02/§03 备案报告).
allow<Report>(['technical_lead'], 'file', 'report', ownInstitution);

/**
 * Which reports an actor lists: the brigade all; institution admins and technical leads their institution's;
 * a detachment only filed reports of projects under its jurisdiction (管辖归属).
 */
scope('report', async (actor) => {
  switch (actor.kind) {
    case 'brigade':
      return ALL;
    case 'institution_admin':
    case 'technical_lead':
      return actor.institutionId ? where({ institutionId: actor.institutionId }) : NONE;
    case 'detachment': {
      if (!actor.detachmentId) return NONE;
      return where({
        status: 'filed',
        projectId: { [Op.in]: projectIdsWhere({ detachmentId: actor.detachmentId }) },
      });
    }
    default:
      return NONE;
  }
});

// A filed report is pushed to the detachment of the project's jurisdiction, so it may open the PDFs.
allow<StoredFile>(['detachment'], 'read', 'file', async (actor, f) => {
  if (!actor.detachmentId) return false;
  const reports = await Report.findAll({
    where: {
      status: 'filed',
      [Op.or]: [
        { reportFileId: f.id },
        { rawRecordFileId: f.id },
        { reportDocxFileId: f.id },
        { rawRecordDocxFileId: f.id },
      ],
    },
    attributes: ['projectId'],
  });
  if (reports.length === 0) return false;
  return (
    (await Project.count({
      where: { id: reports.map((r) => r.projectId), detachmentId: actor.detachmentId },
    })) > 0
  );
});
