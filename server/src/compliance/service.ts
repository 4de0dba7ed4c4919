import { Op } from 'sequelize';
import { detectStaffChurn, evaluatePracticeConditions, type PracticePerson } from '@xf/domain';
import { Account } from '../accounts/models';
import { closedReasonFor } from '../accounts/service';
import type { AppContext } from '../context';
import { beijingToday } from '../core/time';
import { Institution, Person } from '../institutions/models';
import { recordOperation } from '../operation-log/record';
import { clearRedFlags, raiseRedFlag } from '../red-flags/service';
import { RegistryChange } from '../registries/models';
import { ComplianceRecord } from './models';

export function practicePerson(p: Person): PracticePerson {
  return {
    post: p.post,
    registeredEngineer: p.engineerLevel
      ? { level: p.engineerLevel, validFrom: p.engineerValidFrom ?? '0000-01-01', validTo: p.engineerValidTo ?? '0000-01-01' }
      : null,
    operatorCertificate: p.operatorCertificateNumber
      ? { grade: (p.operatorGrade ?? 'junior') as never, validTo: p.operatorValidTo }
      : null,
  };
}

/**
 * Checks every institution against its practice conditions (7号令 第五、六条). A failing institution's
 * admin account is closed; a passing one is reopened. Runs after every import and daily.
 */
export async function runCompliancePass(app: AppContext, trigger: string, onDate = beijingToday()) {
  const institutions = await Institution.findAll();
  const persons = await Person.findAll({ where: { inRegistry: true } });
  const byInstitution = new Map<number, Person[]>();
  for (const p of persons) if (p.institutionId) (byInstitution.get(p.institutionId) ?? byInstitution.set(p.institutionId, []).get(p.institutionId)!).push(p);

  let closed = 0;
  let reopened = 0;
  const now = new Date();
  for (const inst of institutions) {
    const evaluation = inst.inRegistry
      ? evaluatePracticeConditions(
          { serviceTypes: inst.serviceTypes, publicityStatus: inst.publicityStatus },
          (byInstitution.get(inst.id) ?? []).map(practicePerson),
          onDate,
        )
      : { compliant: false, failures: [{ conditionId: 'in_registry', message: '机构已不在部局系统中', clause: '应急管理部令第7号 第五条' }] };
    const status = evaluation.compliant ? 'compliant' : 'noncompliant';
    const changed = status !== inst.complianceStatus || JSON.stringify(evaluation.failures) !== JSON.stringify(inst.complianceFailures ?? []);
    await app.sequelize.transaction(async (t) => {
      await inst.update({ complianceStatus: status, complianceFailures: evaluation.failures, complianceCheckedAt: now }, { transaction: t });
      if (changed) await ComplianceRecord.create({ institutionId: inst.id, status, failures: evaluation.failures, trigger, at: now }, { transaction: t });
      const admins = await Account.findAll({ where: { institutionId: inst.id, kind: 'institution_admin' }, transaction: t });
      for (const admin of admins) {
        const reason = status === 'noncompliant' ? closedReasonFor(inst) : null;
        if (admin.closedReason === reason) continue;
        const before = { closedReason: admin.closedReason };
        await admin.update({ closedReason: reason, ...(reason ? { tokenVersion: admin.tokenVersion + 1 } : {}) }, { transaction: t });
        if (reason && !before.closedReason) closed++;
        if (!reason) reopened++;
        await recordOperation(t, 'system', {
          action: reason ? (before.closedReason ? 'account.closure_updated' : 'account.closed_automatically') : 'account.reopened_automatically',
          entityType: 'account',
          entityId: admin.id,
          institutionId: inst.id,
          before,
          after: { closedReason: reason },
        });
      }
    });
    if (status === 'noncompliant')
      await raiseRedFlag({
        kind: 'institution_noncompliant',
        subjectType: 'institution',
        subjectId: inst.id,
        subjectName: inst.name,
        institutionId: inst.id,
        reason: evaluation.failures.map((f) => f.message).join('；'),
      });
    else await clearRedFlags('institution_noncompliant', 'institution', inst.id);
  }
  await runStaffChurnPass(app, onDate, institutions);
  return { checked: institutions.length, closed, reopened };
}

/** Joins and leaves per institution over a rolling window; above the threshold the institution is flagged. */
export async function runStaffChurnPass(app: AppContext, onDate: string, institutions: Institution[]) {
  const { windowDays, threshold } = app.config.churn;
  const since = new Date(Date.parse(`${onDate}T00:00:00+08:00`) - windowDays * 86400_000).toISOString().slice(0, 10);
  const changes = await RegistryChange.findAll({ where: { entity: 'person', on: { [Op.gte]: since } } });
  const usccToId = new Map(institutions.map((i) => [i.uscc, i.id]));
  const events: { institutionId: string; personKey: string; change: 'joined' | 'left'; at: string }[] = [];
  for (const c of changes) {
    if (c.change === 'joined' || c.change === 'left') {
      if (c.institutionId) events.push({ institutionId: String(c.institutionId), personKey: c.entityKey, change: c.change, at: c.on });
      continue;
    }
    // A move between institutions is a leave for the old one and a join for the new one.
    const from = usccToId.get((c.before as any)?.institutionUscc);
    const to = usccToId.get((c.after as any)?.institutionUscc);
    if (from && to && from !== to) {
      events.push({ institutionId: String(from), personKey: c.entityKey, change: 'left', at: c.on });
      events.push({ institutionId: String(to), personKey: c.entityKey, change: 'joined', at: c.on });
    }
  }
  const findings = new Map(detectStaffChurn(events, { windowDays, threshold, onDate }).map((f) => [Number(f.institutionId), f]));
  for (const inst of institutions) {
    const f = findings.get(inst.id);
    if (f)
      await raiseRedFlag({
        kind: 'staff_churn',
        subjectType: 'institution',
        subjectId: inst.id,
        subjectName: inst.name,
        institutionId: inst.id,
        reason: `近${windowDays}天人员变动${f.total}人次（加入${f.joined}、离开${f.left}），超过${threshold}人次`,
        details: f,
      });
    else await clearRedFlags('staff_churn', 'institution', inst.id);
  }
}
