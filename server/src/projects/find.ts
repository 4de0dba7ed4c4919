import { findOr404 } from '../core/find';
import { Project } from './models';

export const findProject = (id: number) => findOr404(Project, id, '项目');
