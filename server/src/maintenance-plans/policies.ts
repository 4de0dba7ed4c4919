import { allow, can } from '../core/policy';
import type { Actor } from '../core/actor';
import type { Project } from '../projects/models';
import { MaintenancePlanAssignment, type MaintenancePlanRecord } from './models';
import '../projects/policies';

/** A plan with its project: the rules are about who may read the project and who leads it. */
export interface PlanSubject {
  plan: MaintenancePlanRecord;
  project: Project;
}
export interface AssignmentSubject extends PlanSubject {
  assignment: MaintenancePlanAssignment;
}

const leads = (actor: Actor, project: Project) => project.projectLeadAccountId === actor.id;

/** Whoever reads the project reads its plans; only the lead of that very project creates, 下发 and deletes. */
allow<Project>('*', 'list', 'maintenance_plan', (actor, p) => can(actor, 'read', 'project', p));
allow<Project>(['project_lead'], 'create', 'maintenance_plan', leads);
allow<PlanSubject>('*', 'read', 'maintenance_plan', (actor, s) => can(actor, 'read', 'project', s.project));
allow<PlanSubject>(['project_lead'], ['distribute', 'delete'], 'maintenance_plan', (actor, s) =>
  leads(actor, s.project),
);
// A distributed facility is removed by the lead; operators receive theirs.
allow<PlanSubject>(['project_lead'], 'remove', 'maintenance_assignment', (actor, s) =>
  leads(actor, s.project),
);
allow(['operator'], 'list', 'maintenance_assignment');
// 接收下发计划 keeps each facility's content lines on the phone: an operator reads a plan with a facility dispatched
// to them.
allow<PlanSubject>(
  ['operator'],
  'read',
  'maintenance_plan',
  async (actor, s) =>
    !!(await MaintenancePlanAssignment.findOne({
      where: { planId: s.plan.id, operatorAccountId: actor.id },
      attributes: ['id'],
    })),
);
