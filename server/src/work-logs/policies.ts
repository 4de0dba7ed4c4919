import { Op } from 'sequelize';
import { ALL, allow, NONE, scope, where } from '../core/policy';
import { visibleInstitutionIds } from '../institutions/tenancy';

/** 工作日志: written by operators; read by the operator (own), the institution, and the brigade/detachments. */
allow(['operator'], 'write', 'work_log');
allow(
  ['operator', 'institution_admin', 'technical_lead', 'project_lead', 'brigade', 'detachment'],
  'list',
  'work_log',
);

scope('work_log', async (actor) => {
  if (actor.kind === 'operator') return where({ accountId: actor.id });
  const ids = await visibleInstitutionIds(actor);
  if (ids === null) return ALL;
  return ids.length ? where({ institutionId: { [Op.in]: ids } }) : NONE;
});
