import { findOr404 } from '../core/find';
import { Op } from 'sequelize';
import type { ClientContactInput, ClientInput } from '@xf/domain';
import { actorOf, runCommand, type RequestContext } from '../core/command';
import { conflict, notFound } from '../core/errors';
import { MaintenanceContract, Project } from '../projects/models';
import { Client, ClientContact } from './models';
import { presentClient, presentContact } from './present';

export const findClient = (id: number) => findOr404(Client, id, '甲方单位');

export async function findContact(client: Client, contactId: number) {
  const c = await ClientContact.findOne({ where: { id: contactId, clientId: client.id } });
  if (!c) throw notFound('甲方联系人');
  return c;
}

async function assertNameFree(institutionId: number, name: string, exceptId?: number) {
  const same = await Client.findOne({
    where: { institutionId, name, ...(exceptId ? { id: { [Op.ne]: exceptId } } : {}) },
  });
  if (same) throw conflict('甲方名称：本机构已有同名的甲方单位', 'name');
}

/** How many projects and contracts use a client or one of its contacts. */
async function usage(where: { clientId: number } | { contactId: number }) {
  return (await Project.count({ where })) + (await MaintenanceContract.count({ where }));
}

const clientAudit = (client: Client) => ({
  entityType: 'client',
  entityId: client.id,
  institutionId: client.institutionId,
});
const contactAudit = (client: Client, contact: ClientContact) => ({
  entityType: 'client_contact',
  entityId: contact.id,
  institutionId: client.institutionId,
});

export async function createClient(context: RequestContext, input: ClientInput) {
  const institutionId = actorOf(context).institutionId!;
  await assertNameFree(institutionId, input.name);
  return runCommand(context, 'client.created', async ({ transaction }) => {
    const client = await Client.create({ ...input, institutionId }, { transaction });
    return { result: client, audit: { ...clientAudit(client), after: presentClient(client) } };
  });
}

export async function updateClient(context: RequestContext, client: Client, input: ClientInput) {
  await assertNameFree(client.institutionId, input.name, client.id);
  const before = presentClient(client);
  return runCommand(context, 'client.updated', async ({ transaction }) => {
    await client.update(input, { transaction });
    return { result: client, audit: { ...clientAudit(client), before, after: presentClient(client) } };
  });
}

export async function deleteClient(context: RequestContext, client: Client) {
  const used = await usage({ clientId: client.id });
  if (used > 0) throw conflict(`甲方单位：该甲方单位已被${used}个项目或合同使用，不能删除`, 'id');
  await runCommand(context, 'client.deleted', async ({ transaction }) => {
    const contacts = await ClientContact.findAll({ where: { clientId: client.id }, transaction });
    await ClientContact.destroy({ where: { clientId: client.id }, transaction });
    await client.destroy({ transaction });
    return { result: undefined, audit: { ...clientAudit(client), before: presentClient(client, contacts) } };
  });
}

export async function createContact(context: RequestContext, client: Client, input: ClientContactInput) {
  return runCommand(context, 'client_contact.created', async ({ transaction }) => {
    const contact = await ClientContact.create({ ...input, clientId: client.id }, { transaction });
    const after = presentContact(contact);
    return { result: after, audit: { ...contactAudit(client, contact), after } };
  });
}

export async function updateContact(
  context: RequestContext,
  client: Client,
  contact: ClientContact,
  input: ClientContactInput,
) {
  const before = presentContact(contact);
  return runCommand(context, 'client_contact.updated', async ({ transaction }) => {
    await contact.update(input, { transaction });
    const after = presentContact(contact);
    return { result: after, audit: { ...contactAudit(client, contact), before, after } };
  });
}

export async function deleteContact(context: RequestContext, client: Client, contact: ClientContact) {
  const used = await usage({ contactId: contact.id });
  if (used > 0) throw conflict(`甲方联系人：该联系人已被${used}个项目或合同使用，不能删除`, 'contactId');
  await runCommand(context, 'client_contact.deleted', async ({ transaction }) => {
    await contact.destroy({ transaction });
    return {
      result: undefined,
      audit: { ...contactAudit(client, contact), before: presentContact(contact) },
    };
  });
}
