import { actorName } from '../core/actor';
import type { AssignedOperator } from '@xf/domain';
import { Account } from '../accounts/models';
import { badRequest } from '../core/errors';
import type { Project } from '../projects/models';

/** Operators as testing and maintenance plans show them. */
export const presentOperator = (a: Account): AssignedOperator => ({
  id: a.id,
  accountName: a.accountName,
  displayName: a.displayName,
});

export async function operatorsById(ids: number[]) {
  const rows = ids.length ? await Account.findAll({ where: { id: [...new Set(ids)] } }) : [];
  return new Map(rows.map((a) => [a.id, a]));
}

/**
 * 计划只能派发给消防设施操作员 (testing and maintenance plans alike): enabled operator accounts of the
 * project's own institution. Each id comes with the body field it was sent in.
 */
export async function checkOperators(
  project: Project,
  picked: { id: number; field: string }[],
  planName: '检测计划' | '维保计划',
) {
  const accounts = await operatorsById(picked.map((p) => p.id));
  for (const { id, field } of picked) {
    const account = accounts.get(id);
    if (!account || account.institutionId !== project.institutionId)
      throw badRequest(`操作员：账号${id}不是本机构的人员`, field);
    const who = actorName(account);
    if (account.kind !== 'operator')
      throw badRequest(`操作员：${who}不是消防设施操作员，${planName}只能派发给消防设施操作员`, field);
    if (account.disabled) throw badRequest(`操作员：${who}的账号已停用`, field);
  }
}
