import { allow, scope, where } from '../core/policy';
import type { Actor } from '../core/actor';
import { leadsProject, projectScope, readsProject, type ProjectSubject } from '../maintenance-tasks/policies';
import type { MaintenanceFault, MaintenanceFaultTask } from './models';

/**
 * 设施故障: the project's lead handles them (与业主沟通, 下发排查/维修任务, 处理结果); the institution admin reads all of
 * the institution's (管理测试故障); the brigade all, a detachment its jurisdiction. 排查维修 tasks are the assigned
 * operator's own.
 */
export type FaultSubject = ProjectSubject & { fault: MaintenanceFault };
export type FaultTaskSubject = ProjectSubject & { faultTask: MaintenanceFaultTask };

allow<FaultSubject>(
  ['project_lead'],
  ['negotiate', 'dispatch', 'troubleshoot', 'repair', 'resolve'],
  'maintenance_fault',
  leadsProject,
);
allow<FaultSubject>(
  ['project_lead', 'institution_admin', 'brigade', 'detachment'],
  'read',
  'maintenance_fault',
  readsProject,
);
allow(['project_lead', 'institution_admin', 'brigade', 'detachment'], 'list', 'maintenance_fault');
scope('maintenance_fault', (actor: Actor) => projectScope(actor));

const ownTask = (actor: Actor, s: FaultTaskSubject) => s.faultTask.operatorAccountId === actor.id;
allow(['operator'], 'listOwn', 'maintenance_fault_task');
allow<FaultTaskSubject>(['operator'], 'complete', 'maintenance_fault_task', ownTask);
scope('maintenance_fault_task', (actor: Actor) => where({ operatorAccountId: actor.id }));
