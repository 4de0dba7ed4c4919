import { Op } from 'sequelize';
import { ALL, allow, NONE, scope, where } from '../core/policy';
import type { Actor } from '../core/actor';
import { Project } from '../projects/models';
import { projectIdsWhere } from '../projects/subquery';
import type { SiteRequest } from './models';

/** A site request with the project it belongs to: the rules are about who leads that project. */
export interface SiteRequestSubject {
  request: SiteRequest;
  project: Project;
}

const leadsIt = (actor: Actor, s: SiteRequestSubject) => s.project.projectLeadAccountId === actor.id;

/** 项目负责人在微信端处理现场申请: only the lead of that very project decides its site requests. */
allow<SiteRequestSubject>(['project_lead'], ['approve', 'reject'], 'site_request', leadsIt);
allow(['project_lead'], 'list', 'site_request');
/** 查看提交申请处理: the institution admin reads its projects' requests; the brigade all; a detachment its own. */
allow(['institution_admin', 'brigade', 'detachment'], 'list', 'site_request');

/** The projects a lead leads. */
export async function leadProjectIds(actor: Pick<Actor, 'id'>) {
  return (await Project.findAll({ where: { projectLeadAccountId: actor.id }, attributes: ['id'] })).map(
    (p) => p.id,
  );
}

scope('site_request', async (actor) => {
  switch (actor.kind) {
    case 'project_lead':
      return where({ projectId: { [Op.in]: await leadProjectIds(actor) } });
    case 'institution_admin':
      return actor.institutionId
        ? where({ projectId: { [Op.in]: projectIdsWhere({ institutionId: actor.institutionId }) } })
        : NONE;
    case 'detachment':
      return actor.detachmentId
        ? where({ projectId: { [Op.in]: projectIdsWhere({ detachmentId: actor.detachmentId }) } })
        : NONE;
    case 'brigade':
      return ALL;
    default:
      return NONE;
  }
});
