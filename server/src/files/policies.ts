import { allow } from '../core/policy';
import type { StoredFile } from './model';

allow<StoredFile>('*', 'read', 'file', (actor, f) => f.ownerAccountId === actor.id);
allow<StoredFile>(
  ['institution_admin', 'technical_lead', 'project_lead'],
  'read',
  'file',
  (actor, f) => f.institutionId !== null && f.institutionId === actor.institutionId,
);
allow(['brigade'], 'read', 'file');
