import { Op } from 'sequelize';
import {
  isKnownRegion,
  projectKindLabels,
  projectLeadRefusal,
  sameInstitution,
  type ProjectKind,
} from '@xf/domain';
import { Account } from '../accounts/models';
import type { Actor } from '../core/actor';
import { conflict } from '../core/errors';
import { Detachment } from '../institutions/models';
import { RegistryProject, SocialUnit } from '../registries/models';
import { fieldError } from './field-labels';
import { Project } from './models';

export interface SiteInput {
  siteName: string;
  socialUnitId?: number | null;
  registryProjectId?: number | null;
  siteUscc?: string;
  detachmentId?: number | null;
  province?: string;
  city?: string;
  district?: string;
  address?: string;
  projectLeadAccountId: number;
}

/**
 * The site columns of a project, checked: a chosen social unit fills jurisdiction, address and credit code
 * when they are left out (manual: 选择后系统会自动填入对应的消防管辖、详细地址信息); a linked registry
 * project must be this institution's, of the same kind, and not linked by another live project.
 */
export async function resolveSite(actor: Actor, input: SiteInput, kind: ProjectKind, projectId?: number) {
  let unit: SocialUnit | null = null;
  if (input.socialUnitId) {
    unit = await SocialUnit.findByPk(input.socialUnitId);
    if (!unit || !unit.inRegistry)
      throw fieldError('socialUnitId', '项目场所消防安全等级标注', '所选社会单位不在双随机系统中');
  }
  if (input.registryProjectId) await checkRegistryLink(actor, input.registryProjectId, kind, projectId);

  const detachmentId = input.detachmentId ?? unit?.detachmentId ?? null;
  if (!detachmentId) throw fieldError('detachmentId', '项目场所消防管辖', '请选择项目场所消防管辖（支队）');
  if (!(await Detachment.findByPk(detachmentId)))
    throw fieldError('detachmentId', '项目场所消防管辖', '所选支队不存在');

  const address = input.address || unit?.address || '';
  if (address.length < 2) throw fieldError('address', '详细地址', '请填写项目场所详细地址');
  const province = input.province || '北京市';
  const city = input.city || '市辖区';
  const district = input.district || unit?.district || '';
  if (!district) throw fieldError('district', '区', '请选择项目场所所在区');
  if (!isKnownRegion(province, city, district))
    throw fieldError('district', '区', '省、市、区不匹配，请从列表中选择');

  const siteUscc = input.siteUscc ?? unit?.uscc;
  if (!siteUscc)
    throw fieldError('siteUscc', '项目场所统一社会信用代码', '请填写；民办非企业没有代码时请输入NULL');

  await checkProjectLead(actor, input.projectLeadAccountId);
  return {
    siteName: input.siteName,
    socialUnitId: unit?.id ?? null,
    registryProjectId: input.registryProjectId ?? null,
    siteUscc,
    detachmentId,
    province,
    city,
    district,
    address,
    projectLeadAccountId: input.projectLeadAccountId,
  };
}

async function checkRegistryLink(
  actor: Actor,
  registryProjectId: number,
  kind: ProjectKind,
  projectId?: number,
) {
  const label = `关联双随机${projectKindLabels[kind]}项目`;
  const rp = await RegistryProject.findByPk(registryProjectId);
  if (!rp || !rp.inRegistry || rp.kind !== kind || !sameInstitution(actor, rp))
    throw fieldError(
      'registryProjectId',
      label,
      `只能关联本机构在双随机系统中的${projectKindLabels[kind]}项目`,
    );
  const linked = await Project.findOne({
    where: {
      registryProjectId,
      status: { [Op.ne]: 'cancelled' },
      ...(projectId ? { id: { [Op.ne]: projectId } } : {}),
    },
  });
  if (linked)
    throw conflict(
      `${label}：该双随机项目已关联本系统的项目“${linked.siteName}”（编号${linked.id}）`,
      'registryProjectId',
    );
}

/** 7号令: the project lead is a registered engineer of this institution, never the technical lead. */
export async function checkProjectLead(actor: Actor, accountId: number) {
  const lead = await Account.findByPk(accountId);
  if (!lead || !sameInstitution(actor, lead))
    throw fieldError('projectLeadAccountId', '项目负责人', '只能选择本机构的项目负责人账号');
  const refusal = projectLeadRefusal(lead);
  if (refusal) throw fieldError('projectLeadAccountId', '项目负责人', refusal);
  return lead;
}
