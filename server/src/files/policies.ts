import { allow } from '../core/policy';
import { MaintenanceContract, Project } from '../projects/models';
import type { StoredFile } from './model';

// Anyone signed in uploads (photos, 说明材料, reports); reading is by owner, institution or jurisdiction.
allow('*', 'create', 'file');
allow<StoredFile>('*', 'read', 'file', (actor, f) => f.ownerAccountId === actor.id);
allow<StoredFile>(
  ['institution_admin', 'technical_lead', 'project_lead'],
  'read',
  'file',
  (actor, f) => f.institutionId !== null && f.institutionId === actor.institutionId,
);
allow(['brigade'], 'read', 'file');
// A detachment reads the contract attachments of projects under its jurisdiction (管辖归属).
allow<StoredFile>(['detachment'], 'read', 'file', async (actor, f) => {
  if (!actor.detachmentId) return false;
  const projects = await Project.findAll({
    where: { detachmentId: actor.detachmentId },
    attributes: ['attachments', 'contractId'],
  });
  if (projects.some((p) => (p.attachments ?? []).some((a) => a.fileId === f.id))) return true;
  const contractIds = [
    ...new Set(projects.map((p) => p.contractId).filter((id): id is number => id != null)),
  ];
  const contracts = contractIds.length
    ? await MaintenanceContract.findAll({ where: { id: contractIds }, attributes: ['attachments'] })
    : [];
  return contracts.some((c) => (c.attachments ?? []).some((a) => a.fileId === f.id));
});
