import { col, fn, Op } from 'sequelize';
import { detectStaffChurn, evaluatePracticeConditions, type PracticePerson } from '@xf/domain';
import { Account } from '../accounts/models';
import { closedReasonFor } from '../accounts/service';
import type { AppContext } from '../context';
import { runCommand, systemContext, type Audit, type RequestContext } from '../core/command';
import { beijingToday } from '../core/time';
import { Institution, Person } from '../institutions/models';
import { RedFlag } from '../red-flags/model';
import { raiseRedFlag } from '../red-flags/service';
import { RegistryChange } from '../registries/models';
import { ComplianceRecord } from './models';

type PersonRow = Pick<
  Person,
  | 'post'
  | 'engineerLevel'
  | 'engineerValidFrom'
  | 'engineerValidTo'
  | 'operatorCertificateNumber'
  | 'operatorGrade'
  | 'operatorValidTo'
  | 'institutionId'
>;

export function practicePerson(p: PersonRow): PracticePerson {
  return {
    post: p.post,
    registeredEngineer: p.engineerLevel
      ? {
          level: p.engineerLevel,
          validFrom: p.engineerValidFrom ?? '0000-01-01',
          validTo: p.engineerValidTo ?? '0000-01-01',
        }
      : null,
    operatorCertificate: p.operatorCertificateNumber
      ? { grade: (p.operatorGrade ?? 'junior') as never, validTo: p.operatorValidTo }
      : null,
  };
}

/** Open flags of one kind on institutions, loaded once so a pass over 500 institutions stays a handful of queries. */
async function openInstitutionFlags(kind: string) {
  const rows = await RedFlag.findAll({
    where: { kind, subjectType: 'institution', clearedAt: { [Op.is]: null } },
    attributes: ['id', 'subjectId', 'reason'],
  });
  return new Map(rows.map((r) => [r.subjectId, r]));
}

async function clearFlags(ids: number[]) {
  if (ids.length) await RedFlag.update({ clearedAt: new Date() }, { where: { id: { [Op.in]: ids } } });
}

/**
 * Checks every institution against its practice conditions (7号令 第五、六条). A failing institution's
 * admin account is closed; a passing one is reopened. Runs after every import and daily. Only institutions
 * whose verdict changed are written, with history and an operation log entry.
 */
/** The pass changes what the system decides (statuses, automatic closures): it runs as 'system'. */
export async function runCompliancePass(context: RequestContext, trigger: string, onDate = beijingToday()) {
  const { app } = context;
  const system = systemContext(app, context.requestId);
  const institutions = await Institution.findAll();
  const persons = (await Person.findAll({
    where: { inRegistry: true },
    attributes: [
      'post',
      'engineerLevel',
      'engineerValidFrom',
      'engineerValidTo',
      'operatorCertificateNumber',
      'operatorGrade',
      'operatorValidTo',
      'institutionId',
    ],
    raw: true,
  })) as unknown as PersonRow[];
  const byInstitution = new Map<number, PracticePerson[]>();
  for (const p of persons) {
    if (!p.institutionId) continue;
    const list = byInstitution.get(p.institutionId) ?? [];
    list.push(practicePerson(p));
    byInstitution.set(p.institutionId, list);
  }
  const adminsByInstitution = new Map<number, Account[]>();
  for (const a of await Account.findAll({ where: { kind: 'institution_admin' } })) {
    const list = adminsByInstitution.get(a.institutionId!) ?? [];
    list.push(a);
    adminsByInstitution.set(a.institutionId!, list);
  }
  const openFlags = await openInstitutionFlags('institution_noncompliant');

  let closed = 0;
  let reopened = 0;
  const now = new Date();
  const toClear: number[] = [];
  for (const inst of institutions) {
    const evaluation = inst.inRegistry
      ? evaluatePracticeConditions(
          {
            serviceTypes: inst.serviceTypes,
            publicityStatus: inst.publicityStatus,
            premisesArea: inst.premisesArea,
          },
          byInstitution.get(inst.id) ?? [],
          onDate,
        )
      : {
          compliant: false,
          failures: [
            {
              conditionId: 'in_registry',
              message: '机构已不在部局系统中',
              clause: '应急管理部令第7号 第五条',
            },
          ],
        };
    const status = evaluation.compliant ? 'compliant' : 'noncompliant';
    const changed =
      status !== inst.complianceStatus ||
      JSON.stringify(evaluation.failures) !== JSON.stringify(inst.complianceFailures ?? []);
    const admins = adminsByInstitution.get(inst.id) ?? [];
    const closedReason =
      status === 'noncompliant'
        ? closedReasonFor(Object.assign(inst, { complianceFailures: evaluation.failures }))
        : null;
    const adminChanges = admins.filter((a) => a.closedReason !== closedReason);
    if (changed || adminChanges.length)
      await runCommand(system, 'compliance.checked', async ({ transaction: t }) => {
        const audit: Audit[] = [];
        await inst.update(
          { complianceStatus: status, complianceFailures: evaluation.failures, complianceCheckedAt: now },
          { transaction: t },
        );
        if (changed)
          await ComplianceRecord.create(
            { institutionId: inst.id, status, failures: evaluation.failures, trigger, at: now },
            { transaction: t },
          );
        for (const admin of adminChanges) {
          const before = { closedReason: admin.closedReason };
          const next = closedReason;
          await admin.update(
            { closedReason: next, ...(next ? { tokenVersion: admin.tokenVersion + 1 } : {}) },
            { transaction: t },
          );
          if (next && !before.closedReason) closed++;
          if (!next) reopened++;
          audit.push({
            action: next
              ? before.closedReason
                ? 'account.closure_updated'
                : 'account.closed_automatically'
              : 'account.reopened_automatically',
            entityType: 'account',
            entityId: admin.id,
            institutionId: inst.id,
            before,
            after: { closedReason: next },
          });
        }
        return { result: null, audit };
      });
    if (status === 'noncompliant') {
      const message = evaluation.failures.map((f) => f.message).join('；');
      if (openFlags.get(inst.id)?.reason !== message)
        await raiseRedFlag({
          kind: 'institution_noncompliant',
          subjectType: 'institution',
          subjectId: inst.id,
          subjectName: inst.name,
          institutionId: inst.id,
          reason: message,
        });
    } else if (openFlags.has(inst.id)) toClear.push(openFlags.get(inst.id)!.id);
  }
  await clearFlags(toClear);
  await Institution.update({ complianceCheckedAt: now }, { where: {} });
  await runStaffChurnPass(app, onDate, institutions);
  return { checked: institutions.length, closed, reopened };
}

/** Joins and leaves per institution over a rolling window; above the threshold the institution is flagged. */
export async function runStaffChurnPass(app: AppContext, onDate: string, institutions: Institution[]) {
  const { windowDays, threshold } = app.config.churn;
  const since = new Date(Date.parse(`${onDate}T00:00:00+08:00`) - windowDays * 86400_000)
    .toISOString()
    .slice(0, 10);
  const changes = await RegistryChange.findAll({
    where: { entity: 'person', on: { [Op.gte]: since } },
    raw: true,
  });
  // The import that first brought an institution's staff is its baseline: those people were already
  // there, they did not join. Only later imports say who joined.
  const baselines = (await RegistryChange.findAll({
    attributes: ['institutionId', [fn('MIN', col('importId')), 'firstImportId']],
    where: { entity: 'person', change: 'joined', institutionId: { [Op.ne]: null } },
    group: ['institutionId'],
    raw: true,
  })) as unknown as { institutionId: number; firstImportId: number }[];
  const baselineOf = new Map(baselines.map((b) => [Number(b.institutionId), Number(b.firstImportId)]));
  const usccToId = new Map(institutions.map((i) => [i.uscc, i.id]));
  const json = (v: unknown) =>
    (typeof v === 'string' ? JSON.parse(v) : v) as { institutionUscc?: string } | null;
  const events: { institutionId: string; personKey: string; change: 'joined' | 'left'; at: string }[] = [];
  const names = new Map(changes.map((c) => [c.entityKey, c.name]));
  for (const c of changes) {
    if (c.change === 'joined' || c.change === 'left') {
      const baseline = c.change === 'joined' && baselineOf.get(c.institutionId!) === c.importId;
      if (c.institutionId && !baseline)
        events.push({
          institutionId: String(c.institutionId),
          personKey: c.entityKey,
          change: c.change,
          at: c.on,
        });
      continue;
    }
    // A move between institutions is a leave for the old one and a join for the new one.
    const from = usccToId.get(json(c.before)?.institutionUscc ?? '');
    const to = usccToId.get(json(c.after)?.institutionUscc ?? '');
    if (from && to && from !== to) {
      events.push({ institutionId: String(from), personKey: c.entityKey, change: 'left', at: c.on });
      events.push({ institutionId: String(to), personKey: c.entityKey, change: 'joined', at: c.on });
    }
  }
  const findings = new Map(
    detectStaffChurn(events, { windowDays, threshold, onDate }).map((f) => [Number(f.institutionId), f]),
  );
  const open = await openInstitutionFlags('staff_churn');
  const toClear: number[] = [];
  for (const inst of institutions) {
    const f = findings.get(inst.id);
    if (f) {
      const reason = `近${windowDays}天人员变动${f.total}人次（加入${f.joined}、离开${f.left}），超过${threshold}人次`;
      if (open.get(inst.id)?.reason !== reason)
        await raiseRedFlag({
          kind: 'staff_churn',
          subjectType: 'institution',
          subjectId: inst.id,
          subjectName: inst.name,
          institutionId: inst.id,
          reason,
          // who joined and left inside the window, so the institution can see whom the flag is about
          details: {
            ...f,
            people: events
              .filter(
                (e) => e.institutionId === f.institutionId && e.at >= f.windowStart && e.at <= f.windowEnd,
              )
              .map((e) => ({ name: names.get(e.personKey) ?? '', change: e.change, on: e.at })),
          },
        });
    } else if (open.has(inst.id)) toClear.push(open.get(inst.id)!.id);
  }
  await clearFlags(toClear);
}
