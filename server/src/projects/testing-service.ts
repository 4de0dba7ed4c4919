import {
  resolveTestingScope,
  testingProjectInputSchema,
  type StandardEdition,
  type TestingProjectInput,
} from '@xf/domain';
import type { Actor } from '../core/actor';
import { actorOf, type RequestContext } from '../core/command';
import { findEdition } from '../standards/service';
import { refusalError } from './field-labels';
import { insertProject, reviseProject } from './entry';
import type { Project } from './models';
import { checkAttachments, checkClientAndContact, checkContractPeriod, editionOnSigning } from './parties';
import { resolveSite } from './site';
import { assertInProgress } from './state';

/** The contract scope, as entered, must name systems or single items of the pinned edition. */
function checkScope(edition: StandardEdition, scope: string[]) {
  const resolved = resolveTestingScope(edition, scope);
  if (!resolved.ok) throw refusalError(resolved, testingProjectInputSchema);
  return [...new Set(scope.map((s) => s.trim()).filter(Boolean))];
}

async function testingColumns(
  actor: Actor,
  input: TestingProjectInput,
  edition: StandardEdition,
  id?: number,
) {
  await checkClientAndContact(actor, input.clientId, input.contactId);
  checkContractPeriod(input.contractStart, input.contractEnd);
  const site = await resolveSite(actor, input, 'testing', id);
  const scope = checkScope(edition, input.scope);
  const attachments = await checkAttachments(actor, input.attachments, 'testing_scope');
  return {
    ...site,
    clientId: input.clientId,
    contactId: input.contactId,
    signedOn: input.signedOn,
    contractStart: input.contractStart,
    contractEnd: input.contractEnd,
    testingType: input.testingType,
    scope,
    attachments,
  };
}

export async function createTestingProject(context: RequestContext, input: TestingProjectInput) {
  const edition = await editionOnSigning(input.signedOn);
  const columns = await testingColumns(actorOf(context), input, edition);
  return insertProject(context, 'testing', edition.id, columns);
}

/** Edits keep the pinned edition: the scope is checked against it, whatever the new signing date. */
export async function updateTestingProject(
  context: RequestContext,
  project: Project,
  input: TestingProjectInput,
) {
  assertInProgress(project);
  const edition = await findEdition(project.editionId);
  return reviseProject(context, project, await testingColumns(actorOf(context), input, edition, project.id));
}
