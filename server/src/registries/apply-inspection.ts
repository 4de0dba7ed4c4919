import { Op, type Transaction } from 'sequelize';
import { Detachment, Institution } from '../institutions/models';
import { RegistryProject, SocialUnit } from './models';
import { socialUnitKey, type InspectionSnapshot } from '@xf/domain/registries/records';

type Change = { entity: string; key: string; change: 'joined' | 'changed' | 'left' };

/** Same approach as the ministry: insert joined, update changed, mark left. */
export async function applyInspectionSnapshot(
  snapshot: InspectionSnapshot,
  changes: Change[],
  t: Transaction,
) {
  const keys = (entity: string, kinds: Change['change'][]) =>
    new Set(changes.filter((c) => c.entity === entity && kinds.includes(c.change)).map((c) => c.key));
  const detachmentId = new Map((await Detachment.findAll({ transaction: t })).map((d) => [d.code, d.id]));

  const unitTouched = keys('social_unit', ['joined', 'changed']);
  const unitLeft = keys('social_unit', ['left']);
  const units = snapshot.socialUnits.filter((u) => unitTouched.has(socialUnitKey(u)));
  const existingUnits = new Map(
    (
      await SocialUnit.findAll({
        where: { registryKey: { [Op.in]: units.map(socialUnitKey) } },
        transaction: t,
      })
    ).map((u) => [u.registryKey, u]),
  );
  const unitValues = (u: InspectionSnapshot['socialUnits'][number]) => ({
    uscc: u.uscc,
    name: u.name,
    address: u.address,
    district: u.district,
    safetyLevel: u.safetyLevel,
    detachmentId: detachmentId.get(u.detachmentCode) ?? null,
    unitType: u.unitType,
    registryKey: socialUnitKey(u),
    inRegistry: true,
  });
  const freshUnits = units.filter((u) => !existingUnits.has(socialUnitKey(u))).map(unitValues);
  for (let i = 0; i < freshUnits.length; i += 500)
    await SocialUnit.bulkCreate(freshUnits.slice(i, i + 500), { transaction: t });
  for (const u of units) await existingUnits.get(socialUnitKey(u))?.update(unitValues(u), { transaction: t });
  if (unitLeft.size)
    await SocialUnit.update(
      { inRegistry: false },
      { where: { registryKey: { [Op.in]: [...unitLeft] } }, transaction: t },
    );

  const unitIdByKey = new Map(
    (await SocialUnit.findAll({ attributes: ['id', 'registryKey'], transaction: t })).map((u) => [
      u.registryKey,
      u.id,
    ]),
  );
  const institutionIdByUscc = new Map(
    (await Institution.findAll({ attributes: ['id', 'uscc'], transaction: t })).map((i) => [i.uscc, i.id]),
  );

  const projTouched = keys('registry_project', ['joined', 'changed']);
  const projLeft = keys('registry_project', ['left']);
  const projects = snapshot.registryProjects.filter((p) => projTouched.has(p.externalId));
  const existingProjects = new Map(
    (
      await RegistryProject.findAll({
        where: { externalId: { [Op.in]: projects.map((p) => p.externalId) } },
        transaction: t,
      })
    ).map((p) => [p.externalId, p]),
  );
  const projectValues = (p: InspectionSnapshot['registryProjects'][number]) => ({
    externalId: p.externalId,
    kind: p.kind,
    institutionId: institutionIdByUscc.get(p.institutionUscc) ?? null,
    institutionUscc: p.institutionUscc,
    socialUnitId:
      unitIdByKey.get(p.socialUnitUscc === 'NULL' ? `NULL:${p.socialUnitName}` : p.socialUnitUscc) ?? null,
    socialUnitName: p.socialUnitName,
    startDate: p.startDate,
    endDate: p.endDate,
    inRegistry: true,
  });
  const freshProjects = projects.filter((p) => !existingProjects.has(p.externalId)).map(projectValues);
  for (let i = 0; i < freshProjects.length; i += 500)
    await RegistryProject.bulkCreate(freshProjects.slice(i, i + 500), { transaction: t });
  for (const p of projects)
    await existingProjects.get(p.externalId)?.update(projectValues(p), { transaction: t });
  if (projLeft.size)
    await RegistryProject.update(
      { inRegistry: false },
      { where: { externalId: { [Op.in]: [...projLeft] } }, transaction: t },
    );
}
