import type { Transaction } from 'sequelize';
import type { AppContext } from '../context';
import type { Actor } from '../core/actor';
import { beijingToday } from '../core/time';
import { recordOperation } from '../operation-log/record';
import { raiseRedFlag } from '../red-flags/service';
import { runCompliancePass } from '../compliance/service';
import { Institution, Person } from '../institutions/models';
import { applyInspectionSnapshot } from './apply-inspection';
import { applyMinistrySnapshot } from './apply-ministry';
import { diffInspection, diffMinistry } from './diff';
import { RegistryChange, RegistryImport, type RegistryName } from './models';
import {
  brokenKeysOf,
  type InspectionSnapshot,
  type MinistrySnapshot,
  type RowError,
} from '@xf/domain/registries/records';
import { inspectionSnapshotFromDb, ministrySnapshotFromDb } from './snapshot-from-db';

interface ImportMeta {
  source: 'excel' | 'feed' | 'demo';
  fileName?: string;
  actor?: Actor;
  requestId?: string;
}

/**
 * The same person listed at two institutions in one registry file is kept once (first row) and flagged:
 * a practising engineer may belong to one organisation only (注册消防工程师管理规定).
 */
function splitDuplicatePersons(snapshot: MinistrySnapshot, rowErrors: RowError[]) {
  const seen = new Map<string, string>();
  const duplicates: { idNumber: string; name: string; institutions: string[] }[] = rowErrors
    .filter((e) => e.key && e.institutions)
    .map((e) => ({ idNumber: e.key!, name: '', institutions: e.institutions! }));
  const persons = snapshot.persons.filter((p) => {
    const first = seen.get(p.idNumber);
    if (first === undefined) {
      seen.set(p.idNumber, p.institutionUscc);
      return true;
    }
    if (first !== p.institutionUscc)
      duplicates.push({ idNumber: p.idNumber, name: p.name, institutions: [first, p.institutionUscc] });
    return false;
  });
  return { snapshot: { ...snapshot, persons }, duplicates };
}

async function begin(registry: RegistryName, meta: ImportMeta) {
  return RegistryImport.create({
    registry,
    source: meta.source,
    fileName: meta.fileName ?? null,
    status: 'running',
    actorId: meta.actor?.id ?? null,
    startedAt: new Date(),
  });
}

/** The import record says 'failed' when applying breaks; the transaction has already rolled the data back. */
async function failedOnError(
  registry: RegistryName,
  meta: ImportMeta,
  run: (rec: RegistryImport) => Promise<RegistryImport>,
) {
  const rec = await begin(registry, meta);
  try {
    return await run(rec);
  } catch (e: any) {
    await rec.update({
      status: 'failed',
      finishedAt: new Date(),
      message: `导入失败，数据未作任何修改：${e?.message ?? e}`.slice(0, 500),
    });
    throw e;
  }
}

/** A refused file is recorded too, so the brigade sees every attempt. */
export async function recordRefusedImport(registry: RegistryName, meta: ImportMeta, message: string) {
  const rec = await begin(registry, meta);
  await rec.update({
    status: 'refused',
    message,
    finishedAt: new Date(),
    summary: { joined: 0, changed: 0, left: 0, errors: 0, rows: 0 },
  });
  return rec;
}

export const importMinistry = (
  app: AppContext,
  parsed: { snapshot: MinistrySnapshot; rowErrors: RowError[] },
  meta: ImportMeta,
) => failedOnError('ministry', meta, (rec) => importMinistryInto(rec, app, parsed, meta));

async function importMinistryInto(
  rec: RegistryImport,
  app: AppContext,
  parsed: { snapshot: MinistrySnapshot; rowErrors: RowError[] },
  meta: ImportMeta,
) {
  const on = beijingToday();
  const { snapshot, duplicates } = splitDuplicatePersons(parsed.snapshot, parsed.rowErrors);
  const prev = await ministrySnapshotFromDb();
  const changes = diffMinistry(prev, snapshot, brokenKeysOf(parsed.rowErrors));
  await app.sequelize.transaction(async (t) => {
    const idByUscc = await applyMinistrySnapshot(snapshot, changes, on, t);
    const personInstitution = new Map(snapshot.persons.map((p) => [p.idNumber, p.institutionUscc]));
    const prevInstitution = new Map((prev?.persons ?? []).map((p) => [p.idNumber, p.institutionUscc]));
    const institutionOf = (c: { entity: string; key: string }) =>
      c.entity === 'institution'
        ? (idByUscc.get(c.key) ?? null)
        : (idByUscc.get(personInstitution.get(c.key) ?? prevInstitution.get(c.key) ?? '') ?? null);
    await finishImport(
      rec,
      'ministry',
      changes,
      parsed.rowErrors,
      parsed.snapshot.institutions.length + parsed.snapshot.persons.length,
      institutionOf,
      on,
      meta,
      t,
    );
  });
  for (const d of duplicates) {
    const person = await Person.findOne({ where: { idNumber: d.idNumber } });
    const names = await Institution.findAll({ where: { uscc: d.institutions }, attributes: ['name'] });
    if (person)
      await raiseRedFlag({
        kind: 'person_multiple_institutions',
        subjectType: 'person',
        subjectId: person.id,
        subjectName: person.name,
        institutionId: person.institutionId,
        reason: `同一人员同时登记在${names.map((n) => n.name).join('和')}`,
        details: { institutions: d.institutions },
      });
  }
  await runCompliancePass(app, 'import');
  return rec;
}

export const importInspection = (
  app: AppContext,
  parsed: { snapshot: InspectionSnapshot; rowErrors: RowError[] },
  meta: ImportMeta,
) => failedOnError('inspection', meta, (rec) => importInspectionInto(rec, app, parsed, meta));

async function importInspectionInto(
  rec: RegistryImport,
  app: AppContext,
  parsed: { snapshot: InspectionSnapshot; rowErrors: RowError[] },
  meta: ImportMeta,
) {
  const prev = await inspectionSnapshotFromDb();
  const changes = diffInspection(prev, parsed.snapshot, brokenKeysOf(parsed.rowErrors));
  const on = beijingToday();
  await app.sequelize.transaction(async (t) => {
    await applyInspectionSnapshot(parsed.snapshot, changes, t);
    await finishImport(
      rec,
      'inspection',
      changes,
      parsed.rowErrors,
      parsed.snapshot.socialUnits.length + parsed.snapshot.registryProjects.length,
      () => null,
      on,
      meta,
      t,
    );
  });
  return rec;
}

/** Record the change list and the outcome of an import, in the transaction that applied it. */
async function finishImport(
  rec: RegistryImport,
  registry: RegistryName,
  changes: {
    entity: string;
    key: string;
    name: string;
    change: string;
    fields?: string[];
    before?: object;
    after?: object;
  }[],
  rowErrors: RowError[],
  rowCount: number,
  institutionOf: (c: { entity: string; key: string }) => number | null,
  on: string,
  meta: ImportMeta,
  t: Transaction,
) {
  const rows = changes.map((c) => ({
    importId: rec.id,
    entity: c.entity,
    entityKey: c.key,
    name: c.name,
    change: c.change,
    institutionId: institutionOf(c),
    fields: c.fields ?? null,
    before: c.before ?? null,
    after: c.after ?? null,
    on,
  }));
  for (let i = 0; i < rows.length; i += 500)
    await RegistryChange.bulkCreate(rows.slice(i, i + 500), { transaction: t });
  await rec.update(
    {
      status: 'completed',
      finishedAt: new Date(),
      rowErrors,
      summary: summarize(changes, rowErrors, rowCount),
    },
    { transaction: t },
  );
  if (meta.actor)
    await recordOperation(
      t,
      meta.actor,
      {
        action: 'registry.imported',
        entityType: 'registry_import',
        entityId: rec.id,
        after: { registry, ...rec.summary },
      },
      meta.requestId,
    );
}

function summarize(changes: { change: string }[], rowErrors: RowError[], rows: number) {
  return {
    joined: changes.filter((c) => c.change === 'joined').length,
    changed: changes.filter((c) => c.change === 'changed').length,
    left: changes.filter((c) => c.change === 'left').length,
    errors: rowErrors.length,
    rows,
  };
}
