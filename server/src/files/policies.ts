import { QueryTypes } from 'sequelize';
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

/**
 * A detachment reads the photos of the testing records of projects under its jurisdiction (管辖归属), as the
 * reports it receives print them; photos of other detachments' projects stay closed to it. Read only: nothing
 * lets a regulator change a file. (The brigade reads every file, above.)
 */
allow<StoredFile>(['detachment'], 'read', 'file', async (actor, f) => {
  if (!actor.detachmentId || f.category !== 'image') return false;
  const sequelize = Project.sequelize!;
  // The id as a JSON array element: a LIKE narrows the rows on both databases, the parse decides.
  const rows = await sequelize.query<{ photoFileIds: string | number[] }>(
    `SELECT r.photoFileIds FROM testing_records r JOIN projects p ON p.id = r.projectId
      WHERE p.detachmentId = :detachmentId AND r.photoFileIds LIKE :pattern`,
    {
      replacements: { detachmentId: actor.detachmentId, pattern: `%${f.id}%` },
      type: QueryTypes.SELECT,
    },
  );
  return rows.some((r) =>
    (typeof r.photoFileIds === 'string' ? JSON.parse(r.photoFileIds) : (r.photoFileIds ?? []))
      .map(Number)
      .includes(f.id),
  );
});
