import { notFound } from '../core/errors';
import { Project } from './models';

export async function findProject(id: number) {
  const p = await Project.findByPk(id);
  if (!p) throw notFound('项目');
  return p;
}
