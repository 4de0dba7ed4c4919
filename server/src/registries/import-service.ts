import type { Transaction } from 'sequelize';
import { runCommand, systemContext, type Audit, type RequestContext } from '../core/command';
import { conflict } from '../core/errors';
import type { Logger } from '../core/logger';
import { beijingToday } from '../core/time';
import { LockBusyError, type DatabaseLocks } from '../db/lock';
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

/** Imports of one registry run one at a time across every process (the diff is against the database). */
const importLock = (registry: RegistryName) => `registry-import-${registry}`;
const registryLabel = { ministry: '部局人员机构', inspection: '双随机单位项目' };

async function serialized<T>(context: RequestContext, registry: RegistryName, fn: () => Promise<T>) {
  try {
    return await context.app.locks.withLock(importLock(registry), 0, fn);
  } catch (e) {
    if (e instanceof LockBusyError)
      throw conflict(`另一次${registryLabel[registry]}导入正在进行，请等它完成后再导入`);
    throw e;
  }
}

/**
 * At start: imports still 导入中 while no process holds their registry's lock were cut short by a crash
 * (their transaction rolled back); they are marked 已中断.
 */
export async function markInterruptedImports(locks: DatabaseLocks, logger: Logger) {
  for (const registry of ['ministry', 'inspection'] as const) {
    try {
      await locks.withLock(importLock(registry), 0, async () => {
        const [count] = await RegistryImport.update(
          {
            status: 'interrupted',
            finishedAt: new Date(),
            message: '导入过程中服务停止，数据未作任何修改，请重新导入',
          },
          { where: { registry, status: 'running' } },
        );
        if (count > 0) logger.warn({ registry, count }, '标记中断的登记系统导入');
      });
    } catch (e) {
      if (!(e instanceof LockBusyError)) throw e;
    }
  }
}

async function begin(context: RequestContext, registry: RegistryName, meta: ImportMeta) {
  return RegistryImport.create({
    registry,
    source: meta.source,
    fileName: meta.fileName ?? null,
    status: 'running',
    actorId: context.actor === 'system' ? null : context.actor.id,
    startedAt: new Date(),
  });
}

/** The import record says 'failed' when applying breaks; the transaction has already rolled the data back. */
async function failedOnError(
  context: RequestContext,
  registry: RegistryName,
  meta: ImportMeta,
  run: (rec: RegistryImport) => Promise<RegistryImport>,
) {
  return serialized(context, registry, async () => {
    const rec = await begin(context, registry, meta);
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
  });
}

/** A refused file is recorded too, so the brigade sees every attempt. */
export async function recordRefusedImport(
  context: RequestContext,
  registry: RegistryName,
  meta: ImportMeta,
  message: string,
) {
  const rec = await begin(context, registry, meta);
  await rec.update({
    status: 'refused',
    message,
    finishedAt: new Date(),
    summary: { joined: 0, changed: 0, left: 0, errors: 0, rows: 0 },
  });
  return rec;
}

export const importMinistry = (
  context: RequestContext,
  parsed: { snapshot: MinistrySnapshot; rowErrors: RowError[] },
  meta: ImportMeta,
) => failedOnError(context, 'ministry', meta, (rec) => importMinistryInto(context, rec, parsed));

async function importMinistryInto(
  context: RequestContext,
  rec: RegistryImport,
  parsed: { snapshot: MinistrySnapshot; rowErrors: RowError[] },
) {
  const on = beijingToday();
  const { snapshot, duplicates } = splitDuplicatePersons(parsed.snapshot, parsed.rowErrors);
  const prev = await ministrySnapshotFromDb();
  const changes = diffMinistry(prev, snapshot, brokenKeysOf(parsed.rowErrors));
  await runCommand(context, 'registry.imported', async ({ transaction: t }) => {
    const idByUscc = await applyMinistrySnapshot(snapshot, changes, on, t);
    const personInstitution = new Map(snapshot.persons.map((p) => [p.idNumber, p.institutionUscc]));
    const prevInstitution = new Map((prev?.persons ?? []).map((p) => [p.idNumber, p.institutionUscc]));
    const institutionOf = (c: { entity: string; key: string }) =>
      c.entity === 'institution'
        ? (idByUscc.get(c.key) ?? null)
        : (idByUscc.get(personInstitution.get(c.key) ?? prevInstitution.get(c.key) ?? '') ?? null);
    const audit = await finishImport(
      rec,
      'ministry',
      changes,
      parsed.rowErrors,
      parsed.snapshot.institutions.length + parsed.snapshot.persons.length,
      institutionOf,
      on,
      t,
    );
    return { result: rec, audit: context.actor === 'system' ? null : audit };
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
  await runCompliancePass(systemContext(context.app, context.requestId), 'import');
  return rec;
}

export const importInspection = (
  context: RequestContext,
  parsed: { snapshot: InspectionSnapshot; rowErrors: RowError[] },
  meta: ImportMeta,
) => failedOnError(context, 'inspection', meta, (rec) => importInspectionInto(context, rec, parsed));

async function importInspectionInto(
  context: RequestContext,
  rec: RegistryImport,
  parsed: { snapshot: InspectionSnapshot; rowErrors: RowError[] },
) {
  const prev = await inspectionSnapshotFromDb();
  const changes = diffInspection(prev, parsed.snapshot, brokenKeysOf(parsed.rowErrors));
  const on = beijingToday();
  await runCommand(context, 'registry.imported', async ({ transaction: t }) => {
    await applyInspectionSnapshot(parsed.snapshot, changes, t);
    const audit = await finishImport(
      rec,
      'inspection',
      changes,
      parsed.rowErrors,
      parsed.snapshot.socialUnits.length + parsed.snapshot.registryProjects.length,
      () => null,
      on,
      t,
    );
    // Imports by the system (demo seed, scheduled pulls) are in the import history, not the operation log.
    return { result: rec, audit: context.actor === 'system' ? null : audit };
  });
  return rec;
}

/** Record the change list and the outcome of an import, in the transaction that applied it; its audit. */
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
  t: Transaction,
): Promise<Audit> {
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
  return { entityType: 'registry_import', entityId: rec.id, after: { registry, ...rec.summary } };
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
