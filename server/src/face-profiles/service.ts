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
import { FaceComparison, FaceProfile, LivePhotoHash } from './models';
import { hammingDistance, photoHash } from './photo-hash';

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

/** Profile photo hashes by the file's SHA-256: a profile never changes its file. */
const profileHashes = new Map<string, string>();

async function profilePhotoHash(app: AppContext, file: StoredFile) {
  let hash = profileHashes.get(file.sha256);
  if (!hash) {
    hash = await photoHash(await app.files.get(file.storageKey));
    if (profileHashes.size > 1000) profileHashes.clear();
    profileHashes.set(file.sha256, hash);
  }
  return hash;
}

/**
 * A live photo must be taken now: one with the perceptual hash of the stored profile photo or of a live photo
 * this account already used is a replay (a saved picture sent again) and is refused. Retrying the very request
 * that sent it (same `requestKey`, e.g. an idempotency key) is not a replay.
 */
async function assertNotReplayed(
  app: AppContext,
  actor: Actor,
  profileFile: StoredFile,
  liveHash: string,
  purpose: string,
  requestKey: string | undefined,
) {
  const maxBits = app.config.faceReplayMaxBits;
  if (maxBits == null) return;
  const earlier = await LivePhotoHash.findAll({
    where: { accountId: actor.id },
    attributes: ['hash', 'requestKey'],
  });
  const profileDistance = hammingDistance(liveHash, await profilePhotoHash(app, profileFile));
  const reused = earlier.find(
    (e) => (!requestKey || e.requestKey !== requestKey) && hammingDistance(liveHash, e.hash) <= maxBits,
  );
  if (profileDistance > maxBits && !reused) return;
  app.logger.warn(
    { accountId: actor.id, purpose, profileDistance, reusedLivePhoto: !!reused },
    'face photo replay refused',
  );
  throw forbidden(
    profileDistance <= maxBits
      ? '现场照片：与人脸底图是同一张照片，不能代替现场拍照。请本人现场重新拍照'
      : '现场照片：与以前使用过的现场照片是同一张，不能重复使用。请本人现场重新拍照',
    'face_photo_replay',
  );
}

/**
 * Live photo against the caller's approved face profile; every score is logged. A replayed photo (the profile
 * photo or an earlier live photo) is refused before any comparison; an accepted photo's hash is kept.
 */
export async function compareWithProfile(
  app: AppContext,
  actor: Actor,
  live: Buffer,
  purpose: string,
  opts: { requestKey?: string } = {},
) {
  const profile = await FaceProfile.findOne({
    where: { accountId: actor.id, status: 'approved' },
    order: [['id', 'DESC']],
  });
  if (!profile) throw forbidden('人脸底图尚未通过总队审核，暂不能进行人脸比对', 'face_profile_not_approved');
  const file = await StoredFile.findByPk(profile.fileId);
  if (!file) throw notFound('人脸底图文件');
  const liveHash = await photoHash(live).catch(() => null);
  if (liveHash) await assertNotReplayed(app, actor, file, liveHash, purpose, opts.requestKey);
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
  if (result.accepted && liveHash && purpose !== 'self_check')
    await LivePhotoHash.create({
      accountId: actor.id,
      hash: liveHash,
      purpose,
      requestKey: opts.requestKey ?? null,
    });
  app.logger.info(
    { accountId: actor.id, purpose, distance: result.distance, accepted: result.accepted },
    'face comparison',
  );
  return result;
}
