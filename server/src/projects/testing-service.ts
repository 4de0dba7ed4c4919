import { resolveTestingScope, type StandardEdition, type TestingProjectInput } from '@xf/domain';
import type { AppContext } from '../context';
import type { Actor } from '../core/actor';
import { findEdition } from '../standards/service';
import { refusalError } from './field-labels';
import { logChange } from './log';
import { Project } from './models';
import { checkAttachments, checkClientAndContact, checkContractPeriod, editionOnSigning } from './parties';
import { projectSnapshot } from './present';
import { resolveSite } from './site';
import { assertInProgress } from './state';

/** The contract scope, as entered, must name systems or single items of the pinned edition. */
function checkScope(edition: StandardEdition, scope: string[]) {
  const resolved = resolveTestingScope(edition, scope);
  if (!resolved.ok) throw refusalError(resolved);
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

export async function createTestingProject(
  app: AppContext,
  actor: Actor,
  input: TestingProjectInput,
  requestId: string,
) {
  const edition = await editionOnSigning(input.signedOn);
  const columns = await testingColumns(actor, input, edition);
  return app.sequelize.transaction(async (t) => {
    const project = await Project.create(
      {
        ...columns,
        kind: 'testing',
        institutionId: actor.institutionId,
        editionId: edition.id,
        directReportUpload: false,
        status: 'in_progress',
        createdBy: actor.id,
      },
      { transaction: t },
    );
    await logChange(t, actor, requestId, {
      action: 'project.created',
      entityType: 'project',
      entityId: project.id,
      institutionId: project.institutionId,
      after: projectSnapshot(project),
    });
    return project;
  });
}

/** Edits keep the pinned edition: the scope is checked against it, whatever the new signing date. */
export async function updateTestingProject(
  app: AppContext,
  actor: Actor,
  project: Project,
  input: TestingProjectInput,
  requestId: string,
) {
  assertInProgress(project);
  const edition = await findEdition(project.editionId);
  const columns = await testingColumns(actor, input, edition, project.id);
  const before = projectSnapshot(project);
  await app.sequelize.transaction(async (t) => {
    await project.update(columns, { transaction: t });
    await logChange(t, actor, requestId, {
      action: 'project.updated',
      entityType: 'project',
      entityId: project.id,
      institutionId: project.institutionId,
      before,
      after: projectSnapshot(project),
    });
  });
  return project;
}
