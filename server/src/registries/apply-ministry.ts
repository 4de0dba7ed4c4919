import { Op, type Transaction } from 'sequelize';
import { Institution, Person } from '../institutions/models';
import type {
  MinistryInstitutionRecord,
  MinistryPersonRecord,
  MinistrySnapshot,
} from '@xf/domain/registries/records';

type Change = { entity: string; key: string; change: 'joined' | 'changed' | 'left' };

const institutionValues = (r: MinistryInstitutionRecord) => ({
  uscc: r.uscc,
  name: r.name,
  registeredAddress: r.registeredAddress,
  province: r.province,
  city: r.city,
  district: r.district,
  serviceTypes: r.serviceTypes,
  publicityStatus: r.publicityStatus,
  legalRepresentative: r.legalRepresentative ?? null,
  premisesArea: r.premisesArea ?? null,
  inRegistry: true,
});

const personValues = (r: MinistryPersonRecord, institutionId: number | null) => ({
  idNumber: r.idNumber,
  name: r.name,
  institutionId,
  post: r.post,
  mobile: r.mobile ?? null,
  engineerLevel: r.registeredEngineer?.level ?? null,
  engineerRegistrationNumber: r.registeredEngineer?.registrationNumber ?? null,
  engineerValidFrom: r.registeredEngineer?.validFrom ?? null,
  engineerValidTo: r.registeredEngineer?.validTo ?? null,
  operatorCertificateNumber: r.operatorCertificate?.number ?? null,
  operatorGrade: r.operatorCertificate?.grade ?? null,
  operatorValidTo: r.operatorCertificate?.validTo ?? null,
  inRegistry: true,
  leftAt: null,
});

const CHUNK = 500;
const chunks = <T>(xs: T[]) =>
  Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, i) => xs.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * Bring the tables in line with a ministry snapshot, touching only what the diff says changed:
 * joined rows are inserted (or revived), changed rows updated, left rows marked as no longer in the registry.
 */
export async function applyMinistrySnapshot(
  snapshot: MinistrySnapshot,
  changes: Change[],
  on: string,
  t: Transaction,
) {
  const byKey = (entity: string, change: Change['change']) =>
    new Set(changes.filter((c) => c.entity === entity && c.change === change).map((c) => c.key));

  const instJoined = byKey('institution', 'joined');
  const instChanged = byKey('institution', 'changed');
  const instLeft = byKey('institution', 'left');
  const touchedInst = snapshot.institutions.filter((r) => instJoined.has(r.uscc) || instChanged.has(r.uscc));
  const existingInst = new Map(
    (
      await Institution.findAll({
        where: { uscc: { [Op.in]: touchedInst.map((r) => r.uscc) } },
        transaction: t,
      })
    ).map((i) => [i.uscc, i]),
  );
  const newInst = touchedInst.filter((r) => !existingInst.has(r.uscc)).map(institutionValues);
  for (const part of chunks(newInst)) await Institution.bulkCreate(part, { transaction: t });
  for (const r of touchedInst) {
    const row = existingInst.get(r.uscc);
    if (row) await row.update(institutionValues(r), { transaction: t });
  }
  if (instLeft.size)
    await Institution.update(
      { inRegistry: false },
      { where: { uscc: { [Op.in]: [...instLeft] } }, transaction: t },
    );

  const idByUscc = new Map(
    (await Institution.findAll({ attributes: ['id', 'uscc'], transaction: t })).map((i) => [i.uscc, i.id]),
  );

  const personJoined = byKey('person', 'joined');
  const personChanged = byKey('person', 'changed');
  const personLeft = byKey('person', 'left');
  const touched = snapshot.persons.filter(
    (r) => personJoined.has(r.idNumber) || personChanged.has(r.idNumber),
  );
  const existing = new Map<string, Person>();
  for (const part of chunks(touched.map((r) => r.idNumber)))
    for (const p of await Person.findAll({ where: { idNumber: { [Op.in]: part } }, transaction: t }))
      existing.set(p.idNumber, p);
  const fresh = touched
    .filter((r) => !existing.has(r.idNumber))
    .map((r) => ({ ...personValues(r, idByUscc.get(r.institutionUscc) ?? null), joinedAt: on }));
  for (const part of chunks(fresh)) await Person.bulkCreate(part, { transaction: t });
  for (const r of touched) {
    const row = existing.get(r.idNumber);
    if (!row) continue;
    const values = personValues(r, idByUscc.get(r.institutionUscc) ?? null);
    const rejoined = !row.inRegistry || row.institutionId !== values.institutionId;
    await row.update({ ...values, ...(rejoined ? { joinedAt: on } : {}) }, { transaction: t });
  }
  for (const part of chunks([...personLeft]))
    await Person.update(
      { inRegistry: false, leftAt: on },
      { where: { idNumber: { [Op.in]: part } }, transaction: t },
    );
  return idByUscc;
}
