import { Op } from 'sequelize';
import type { ClientContactInput, ClientInput } from '@xf/domain';
import type { AppContext } from '../context';
import type { Actor } from '../core/actor';
import { conflict, notFound } from '../core/errors';
import { recordOperation } from '../operation-log/record';
import { MaintenanceContract, Project } from '../projects/models';
import { Client, ClientContact } from './models';
import { presentClient, presentContact } from './present';

export async function findClient(id: number) {
  const c = await Client.findByPk(id);
  if (!c) throw notFound('甲方单位');
  return c;
}

export async function findContact(client: Client, contactId: number) {
  const c = await ClientContact.findOne({ where: { id: contactId, clientId: client.id } });
  if (!c) throw notFound('甲方联系人');
  return c;
}

async function assertNameFree(institutionId: number, name: string, exceptId?: number) {
  const same = await Client.findOne({
    where: { institutionId, name, ...(exceptId ? { id: { [Op.ne]: exceptId } } : {}) },
  });
  if (same) throw conflict('甲方名称（name）：本机构已有同名的甲方单位', 'name');
}

export async function createClient(app: AppContext, actor: Actor, input: ClientInput, requestId: string) {
  const institutionId = actor.institutionId!;
  await assertNameFree(institutionId, input.name);
  return app.sequelize.transaction(async (t) => {
    const client = await Client.create({ ...input, institutionId }, { transaction: t });
    await recordOperation(
      t,
      actor,
      {
        action: 'client.created',
        entityType: 'client',
        entityId: client.id,
        institutionId,
        after: presentClient(client),
      },
      requestId,
    );
    return presentClient(client, []);
  });
}

export async function updateClient(
  app: AppContext,
  actor: Actor,
  client: Client,
  input: ClientInput,
  requestId: string,
) {
  await assertNameFree(client.institutionId, input.name, client.id);
  const before = presentClient(client);
  await app.sequelize.transaction(async (t) => {
    await client.update(input, { transaction: t });
    await recordOperation(
      t,
      actor,
      {
        action: 'client.updated',
        entityType: 'client',
        entityId: client.id,
        institutionId: client.institutionId,
        before,
        after: presentClient(client),
      },
      requestId,
    );
  });
  return presentClient(client);
}

/** How many projects and contracts use a client or one of its contacts. */
async function usage(where: { clientId: number } | { contactId: number }) {
  return (await Project.count({ where })) + (await MaintenanceContract.count({ where }));
}

export async function deleteClient(app: AppContext, actor: Actor, client: Client, requestId: string) {
  const used = await usage({ clientId: client.id });
  if (used > 0) throw conflict(`甲方单位（id）：该甲方单位已被${used}个项目或合同使用，不能删除`, 'id');
  await app.sequelize.transaction(async (t) => {
    const contacts = await ClientContact.findAll({ where: { clientId: client.id }, transaction: t });
    await ClientContact.destroy({ where: { clientId: client.id }, transaction: t });
    await client.destroy({ transaction: t });
    await recordOperation(
      t,
      actor,
      {
        action: 'client.deleted',
        entityType: 'client',
        entityId: client.id,
        institutionId: client.institutionId,
        before: presentClient(client, contacts),
      },
      requestId,
    );
  });
}

export async function createContact(
  app: AppContext,
  actor: Actor,
  client: Client,
  input: ClientContactInput,
  requestId: string,
) {
  return app.sequelize.transaction(async (t) => {
    const contact = await ClientContact.create({ ...input, clientId: client.id }, { transaction: t });
    await recordOperation(
      t,
      actor,
      {
        action: 'client_contact.created',
        entityType: 'client_contact',
        entityId: contact.id,
        institutionId: client.institutionId,
        after: presentContact(contact),
      },
      requestId,
    );
    return presentContact(contact);
  });
}

export async function updateContact(
  app: AppContext,
  actor: Actor,
  client: Client,
  contact: ClientContact,
  input: ClientContactInput,
  requestId: string,
) {
  const before = presentContact(contact);
  await app.sequelize.transaction(async (t) => {
    await contact.update(input, { transaction: t });
    await recordOperation(
      t,
      actor,
      {
        action: 'client_contact.updated',
        entityType: 'client_contact',
        entityId: contact.id,
        institutionId: client.institutionId,
        before,
        after: presentContact(contact),
      },
      requestId,
    );
  });
  return presentContact(contact);
}

export async function deleteContact(
  app: AppContext,
  actor: Actor,
  client: Client,
  contact: ClientContact,
  requestId: string,
) {
  const used = await usage({ contactId: contact.id });
  if (used > 0)
    throw conflict(`甲方联系人（contactId）：该联系人已被${used}个项目或合同使用，不能删除`, 'contactId');
  await app.sequelize.transaction(async (t) => {
    await contact.destroy({ transaction: t });
    await recordOperation(
      t,
      actor,
      {
        action: 'client_contact.deleted',
        entityType: 'client_contact',
        entityId: contact.id,
        institutionId: client.institutionId,
        before: presentContact(contact),
      },
      requestId,
    );
  });
}
