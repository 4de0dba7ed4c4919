import { Op } from 'sequelize';
import { projectKindLabels, type ProjectKind } from '@xf/domain';
import { Institution } from '../institutions/models';
import { RegistryProject } from '../registries/models';
import { Project } from './models';

interface Counts {
  total: number;
  linked: number;
  rate: number | null;
  rateLabel: string;
}

const counts = (total: number, linked: number): Counts => {
  const rate = total ? Math.round((linked / total) * 10_000) / 10_000 : null;
  return { total, linked, rate, rateLabel: rate === null ? '无双随机项目' : `${(rate * 100).toFixed(1)}%` };
};

/**
 * 在线执业覆盖率: the share of an institution's registry projects (still in the inspection registry) that a
 * project here links to. A cancelled (注销) project withdrew its link; a terminated one was practised online.
 */
export async function coverageFor(institutionIds: number[] | null) {
  const registry = await RegistryProject.findAll({
    where: {
      inRegistry: true,
      institutionId: institutionIds === null ? { [Op.ne]: null } : { [Op.in]: institutionIds },
    },
    order: [['id', 'ASC']],
  });
  const links = await Project.findAll({
    where: {
      registryProjectId: { [Op.in]: registry.map((r) => r.id) },
      status: { [Op.ne]: 'cancelled' },
    },
    attributes: ['id', 'registryProjectId'],
  });
  const linkedBy = new Map(links.map((p) => [p.registryProjectId!, p.id]));
  const institutions = await Institution.findAll({
    where: institutionIds === null ? {} : { id: { [Op.in]: institutionIds } },
    order: [['id', 'ASC']],
  });
  return institutions.map((i) => {
    const own = registry.filter((r) => r.institutionId === i.id);
    const linked = own.filter((r) => linkedBy.has(r.id));
    const byKind = Object.fromEntries(
      (['maintenance', 'testing'] as ProjectKind[]).map((kind) => {
        const ofKind = own.filter((r) => r.kind === kind);
        return [kind, counts(ofKind.length, ofKind.filter((r) => linkedBy.has(r.id)).length)];
      }),
    ) as Record<ProjectKind, Counts>;
    return {
      institutionId: i.id,
      institutionName: i.name,
      ...counts(own.length, linked.length),
      byKind,
      unlinked: own
        .filter((r) => !linkedBy.has(r.id))
        .map((r) => ({
          id: r.id,
          externalId: r.externalId,
          kind: r.kind,
          kindLabel: projectKindLabels[r.kind],
          socialUnitName: r.socialUnitName,
          startDate: r.startDate,
          endDate: r.endDate,
        })),
    };
  });
}
