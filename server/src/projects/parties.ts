import { Op } from 'sequelize';
import { attachmentKindLabels, sameInstitution, type AttachmentKind } from '@xf/domain';
import type { Actor } from '../core/actor';
import { Client, ClientContact } from '../clients/models';
import { StoredFile } from '../files/model';
import { editionForDate } from '../standards/service';
import { AppError } from '../core/errors';
import { fieldError } from './field-labels';
import type { ContractAttachment } from './models';

/** The client and contact must be this institution's own entries (manual: 需要选择先前录入的甲方单位和联系人). */
export async function checkClientAndContact(actor: Actor, clientId: number, contactId: number) {
  const client = clientId ? await Client.findByPk(clientId) : null;
  if (!client || !sameInstitution(actor, client))
    throw fieldError('clientId', '甲方单位', '请选择本机构录入的甲方单位');
  const contact = await ClientContact.findByPk(contactId);
  if (!contact || contact.clientId !== client.id)
    throw fieldError('contactId', '甲方联系人', '请选择该甲方单位的联系人');
  return { client, contact };
}

export function checkContractPeriod(contractStart: string, contractEnd: string) {
  if (contractEnd < contractStart)
    throw fieldError('contractEnd', '合同结束日期', '合同结束日期不能早于合同开始日期');
}

/** Attachments are files this institution uploaded; at least one scope page (检测/维保范围页) is required. */
export async function checkAttachments(
  actor: Actor,
  attachments: ContractAttachment[],
  required: AttachmentKind,
): Promise<ContractAttachment[]> {
  const unique = [...new Map(attachments.map((a) => [a.fileId, a])).values()];
  const files = await StoredFile.findAll({ where: { id: { [Op.in]: unique.map((a) => a.fileId) } } });
  const own = new Set(files.filter((f) => sameInstitution(actor, f)).map((f) => f.id));
  const foreign = unique.filter((a) => !own.has(a.fileId)).map((a) => a.fileId);
  if (foreign.length)
    throw fieldError('attachments', '合同附件', `文件${foreign.join('、')}不存在或不是本机构上传的文件`);
  if (!unique.some((a) => a.kind === required))
    throw fieldError(
      'attachments',
      '合同附件',
      `请至少上传一个${attachmentKindLabels[required]}（合同约定需要${required === 'testing_scope' ? '检测' : '维保'}哪些消防系统）`,
    );
  return unique;
}

/** The standard edition in force on the signing date; the project keeps it for its whole life. */
export async function editionOnSigning(signedOn: string) {
  try {
    return await editionForDate(signedOn);
  } catch (e) {
    if (e instanceof AppError && e.status === 404)
      throw fieldError('signedOn', '签订日期', `${signedOn}没有生效的标准版本，请核对签订日期`);
    throw e;
  }
}
