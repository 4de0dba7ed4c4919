import { Op, QueryTypes, type WhereOptions } from 'sequelize';
import type { z } from 'zod';
import { projectKindLabels, type coverageListQuerySchema, type ProjectKind } from '@xf/domain';
import { findPage } from '../core/page';
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
  const institutions = await Institution.findAll({
    where: institutionIds === null ? {} : { id: { [Op.in]: institutionIds } },
    attributes: ['id', 'name'],
    order: [['id', 'ASC']],
  });
  return coverageOf(institutions);
}

/**
 * The coverage list: one page of the institutions the actor sees (`null`: all) whose name matches, and the
 * summary over all of them, counted in the database instead of loading every registry project.
 */
export async function listCoverage(
  institutionIds: number[] | null,
  query: z.infer<typeof coverageListQuerySchema>,
) {
  const filters: WhereOptions<Institution>[] = [];
  if (institutionIds !== null) filters.push({ id: { [Op.in]: institutionIds } });
  if (query.name) filters.push({ name: { [Op.like]: `%${query.name}%` } });
  const [{ rows, count }, summary] = await Promise.all([
    findPage(
      Institution,
      { where: { [Op.and]: filters }, attributes: ['id', 'name'], order: [['id', 'ASC']] },
      query.page,
      query.pageSize,
    ),
    coverageSummary(institutionIds, query.name),
  ]);
  return {
    items: (await coverageOf(rows)).map(({ unlinked, ...r }) => ({ ...r, unlinkedCount: unlinked.length })),
    total: count,
    page: query.page,
    pageSize: query.pageSize,
    summary,
  };
}

/** Registry projects of the matching institutions, and how many of them a project here links to. */
async function coverageSummary(institutionIds: number[] | null, name: string | undefined) {
  if (institutionIds !== null && institutionIds.length === 0) return { total: 0, linked: 0, rate: null };
  const sequelize = RegistryProject.sequelize!;
  const [row] = await sequelize.query<{ total: number | string; linked: number | string | null }>(
    `SELECT COUNT(*) AS total,
            SUM(CASE WHEN EXISTS (
              SELECT 1 FROM projects p WHERE p.registryProjectId = r.id AND p.status <> 'cancelled'
            ) THEN 1 ELSE 0 END) AS linked
       FROM registry_projects r
      WHERE r.inRegistry = :inRegistry
        AND r.institutionId IN (
          SELECT i.id FROM institutions i WHERE 1 = 1
          ${institutionIds === null ? '' : 'AND i.id IN (:institutionIds)'}
          ${name ? 'AND i.name LIKE :name' : ''})`,
    {
      replacements: { inRegistry: true, institutionIds: institutionIds ?? [], name: `%${name ?? ''}%` },
      type: QueryTypes.SELECT,
    },
  );
  const total = Number(row?.total ?? 0);
  const linked = Number(row?.linked ?? 0);
  return { total, linked, rate: total ? Math.round((linked / total) * 10_000) / 10_000 : null };
}

/** The coverage of the given institutions, in their order, from their registry projects and the links to them. */
async function coverageOf(institutions: Pick<Institution, 'id' | 'name'>[]) {
  const registry = institutions.length
    ? await RegistryProject.findAll({
        where: { inRegistry: true, institutionId: { [Op.in]: institutions.map((i) => i.id) } },
        order: [['id', 'ASC']],
      })
    : [];
  // Only whether a live project links each one: answered from the (registryProjectId, status) index.
  const links = registry.length
    ? ((await Project.findAll({
        where: {
          registryProjectId: { [Op.in]: registry.map((r) => r.id) },
          status: { [Op.ne]: 'cancelled' },
        },
        attributes: ['registryProjectId'],
        group: ['registryProjectId'],
        raw: true,
      })) as unknown as { registryProjectId: number }[])
    : [];
  const linkedBy = new Set(links.map((p) => Number(p.registryProjectId)));
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
