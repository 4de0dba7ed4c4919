import { faceProfileMachine } from '@xf/domain';
import { findOr404 } from '../core/find';
import { nextState } from '../core/transition';
import { Op } from 'sequelize';
import { Account } from '../accounts/models';
import type { AppContext } from '../context';
import { actorOf, runCommand, type RequestContext } from '../core/command';
import type { Actor } from '../core/actor';
import { forbidden, notFound } from '../core/errors';
import { StoredFile } from '../files/model';
import { storeUpload } from '../files/service';
import { Institution, Person } from '../institutions/models';
import { maskIdNumber } from '../institutions/present';
import { FaceComparison, FaceProfile } from './models';

/** A face profile must show exactly one face, so review and later comparisons can rely on it. */
export async function submitFaceProfile(
  context: RequestContext,
  file: { buffer: Buffer; originalname: string },
) {
  const actor = actorOf(context);
  await context.app.face.describe(file.buffer, 'profile');
  const { file: stored } = await storeUpload(context.app, actor, file, undefined);
  return runCommand(context, 'face_profile.submitted', async ({ transaction }) => {
    const profile = await FaceProfile.create(
      { accountId: actor.id, fileId: stored.id, status: 'pending', submittedAt: new Date() },
      { transaction },
    );
    return {
      result: profile,
      audit: {
        entityType: 'face_profile',
        entityId: profile.id,
        institutionId: actor.institutionId,
        after: { status: 'pending' },
      },
    };
  });
}

export const findProfile = (id: number) => findOr404(FaceProfile, id, '人脸底图');

export async function reviewFaceProfile(
  context: RequestContext,
  profile: FaceProfile,
  decision: 'approved' | 'rejected',
  reason: string | null,
) {
  const next = nextState(
    faceProfileMachine,
    profile.status,
    decision === 'approved' ? 'approve' : 'reject',
    actorOf(context),
  );
  return runCommand(context, `face_profile.${decision}`, async ({ transaction }) => {
    if (decision === 'approved')
      // The newest approved photo is the one comparisons use; older ones are retired.
      await FaceProfile.update(
        { status: nextState(faceProfileMachine, 'approved', 'replace') },
        {
          where: { accountId: profile.accountId, status: 'approved', id: { [Op.ne]: profile.id } },
          transaction,
        },
      );
    await profile.update(
      { status: next, reviewedBy: actorOf(context).id, reviewedAt: new Date(), rejectReason: reason },
      { transaction },
    );
    const account = await Account.findByPk(profile.accountId, { transaction });
    return {
      result: profile,
      audit: {
        entityType: 'face_profile',
        entityId: profile.id,
        institutionId: account?.institutionId,
        before: { status: 'pending' },
        after: { status: next, rejectReason: reason },
      },
    };
  });
}

/** Profiles as listed; with the actor, each says whether it can be approved or rejected. */
export async function presentProfiles(profiles: FaceProfile[], actor?: Actor) {
  const accounts = new Map(
    (await Account.findAll({ where: { id: profiles.map((p) => p.accountId) } })).map((a) => [a.id, a]),
  );
  const persons = new Map(
    (
      await Person.findAll({
        where: { id: [...accounts.values()].map((a) => a.personId).filter((x): x is number => !!x) },
      })
    ).map((p) => [p.id, p]),
  );
  const institutions = new Map(
    (
      await Institution.findAll({
        where: { id: [...accounts.values()].map((a) => a.institutionId).filter((x): x is number => !!x) },
        attributes: ['id', 'name'],
      })
    ).map((i) => [i.id, i.name]),
  );
  return profiles.map((p) => {
    const a = accounts.get(p.accountId);
    const person = a?.personId ? persons.get(a.personId) : undefined;
    return {
      id: p.id,
      accountId: p.accountId,
      accountName: a?.accountName,
      accountKind: a?.kind,
      personName: person?.name ?? a?.displayName,
      idNumberMasked: person ? maskIdNumber(person.idNumber) : null,
      certificate: person
        ? person.engineerLevel
          ? {
              type: '注册消防工程师',
              level: person.engineerLevel === 1 ? '一级' : '二级',
              number: person.engineerRegistrationNumber,
              validTo: person.engineerValidTo,
            }
          : {
              type: '消防设施操作员',
              level: person.operatorGrade,
              number: person.operatorCertificateNumber,
              validTo: person.operatorValidTo,
            }
        : null,
      institutionId: a?.institutionId ?? null,
      institutionName: a?.institutionId ? institutions.get(a.institutionId) : null,
      status: p.status,
      statusLabel: faceProfileMachine.states[p.status],
      rejectReason: p.rejectReason,
      submittedAt: p.submittedAt,
      reviewedAt: p.reviewedAt,
      photoUrl: `/api/face-profiles/${p.id}/photo`,
      ...(actor ? { abilities: reviewAbilities(actor, p) } : {}),
    };
  });
}

// Synchronous twin of the approve/reject rule, so a page of profiles needs no awaits per row.
const reviewAbilities = (actor: Actor, p: FaceProfile) => {
  const can = actor.kind === 'brigade' && p.status === 'pending';
  return { approve: can, reject: can };
};

/** Live photo against the caller's approved face profile; every score is logged. */
export async function compareWithProfile(app: AppContext, actor: Actor, live: Buffer, purpose: string) {
  const profile = await FaceProfile.findOne({
    where: { accountId: actor.id, status: 'approved' },
    order: [['id', 'DESC']],
  });
  if (!profile) throw forbidden('人脸底图尚未通过总队审核，暂不能进行人脸比对', 'face_profile_not_approved');
  const file = await StoredFile.findByPk(profile.fileId);
  if (!file) throw notFound('人脸底图文件');
  const result = await app.face.compare(live, {
    key: file.sha256,
    image: () => app.files.get(file.storageKey),
  });
  await FaceComparison.create({
    accountId: actor.id,
    faceProfileId: profile.id,
    purpose,
    distance: result.distance,
    threshold: result.threshold,
    accepted: result.accepted,
    at: new Date(),
  });
  app.logger.info(
    { accountId: actor.id, purpose, distance: result.distance, accepted: result.accepted },
    'face comparison',
  );
  return result;
}
