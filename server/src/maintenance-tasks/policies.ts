import { Op } from 'sequelize';
import { ALL, allow, NONE, scope, where, type ListScope } from '../core/policy';
import type { Actor } from '../core/actor';
import { Project } from '../projects/models';
import { projectIdsWhere } from '../projects/subquery';
import type { MaintenanceTask } from './models';

/**
 * Who reads and changes maintenance work (manual §03): the operator their own tasks and results; the project lead
 * the tasks of the projects they lead (decides, reviews); the institution admin reads all of the institution's
 * (查看现场提交记录, 管理测试故障); the brigade reads all, a detachment what lies in its jurisdiction.
 */
export interface ProjectSubject {
  project: Project;
}
export type MaintenanceTaskSubject = ProjectSubject & { task: MaintenanceTask };

export const leadsProject = (actor: Actor, s: ProjectSubject) => s.project.projectLeadAccountId === actor.id;
export const readsProject = (actor: Actor, s: ProjectSubject) => {
  switch (actor.kind) {
    case 'project_lead':
      return leadsProject(actor, s);
    case 'institution_admin':
      return actor.institutionId === s.project.institutionId;
    case 'detachment':
      return actor.detachmentId === s.project.detachmentId;
    case 'brigade':
      return true;
    default:
      return false;
  }
};
const ownTask = (actor: Actor, s: MaintenanceTaskSubject) => s.task.operatorAccountId === actor.id;

allow(['operator'], ['create', 'listOwn'], 'maintenance_task');
allow<MaintenanceTaskSubject>(
  ['operator'],
  ['requestStart', 'requestSubmit', 'submit', 'resubmit', 'delete'],
  'maintenance_task',
  ownTask,
);
allow<MaintenanceTaskSubject>(
  ['project_lead'],
  ['approve', 'reject', 'return'],
  'maintenance_task',
  leadsProject,
);
allow<MaintenanceTaskSubject>(['operator'], 'read', 'maintenance_task', ownTask);
allow<MaintenanceTaskSubject>(
  ['project_lead', 'institution_admin', 'brigade', 'detachment'],
  'read',
  'maintenance_task',
  readsProject,
);
allow(['operator', 'project_lead', 'institution_admin', 'brigade', 'detachment'], 'list', 'maintenance_task');
allow(
  ['operator', 'project_lead', 'institution_admin', 'brigade', 'detachment'],
  'list',
  'maintenance_record',
);

/** The projects an account reads maintenance work of (operators: none by project, only their own rows). */
export async function projectScope(actor: Actor): Promise<ListScope> {
  const inProjects = async (w: Record<string, unknown>) =>
    where({ projectId: { [Op.in]: projectIdsWhere({ ...w, kind: 'maintenance' }) } });
  switch (actor.kind) {
    case 'project_lead':
      return inProjects({ projectLeadAccountId: actor.id });
    case 'institution_admin':
      return actor.institutionId ? inProjects({ institutionId: actor.institutionId }) : NONE;
    case 'detachment':
      return actor.detachmentId ? inProjects({ detachmentId: actor.detachmentId }) : NONE;
    case 'brigade':
      return ALL;
    default:
      return NONE;
  }
}

/** Rows with an operator column: the operator's own, everybody else by project. */
const operatorOrProject = async (actor: Actor) =>
  actor.kind === 'operator' ? where({ operatorAccountId: actor.id }) : projectScope(actor);
scope('maintenance_task', operatorOrProject);
scope('maintenance_record', operatorOrProject);
