import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import { detachments as referenceDetachments } from '@xf/domain';
import { generateDemoData } from './fixtures/generate';
import { Account } from '../accounts/models';
import { hashPassword } from '../auth/passwords';
import type { AppContext } from '../context';
import { systemContext } from '../core/command';
import { FaceProfile } from '../face-profiles/models';
import { StoredFile } from '../files/model';
import { Detachment, Institution, Person } from '../institutions/models';
import { importInspection, importMinistry } from '../registries/import-service';
import { seedDemoProjects, wantsDemoProjects } from './seed-projects';

export const DEMO_PASSWORD = 'demo123456';
/**
 * The demo operator's approved face profile: one person cut out of a group photo shipped with
 * @vladmandic/face-api (sample1.jpg, face box measured on the 1920 px original).
 */
export const DEMO_FACE_SAMPLE = 'sample1.jpg';
const DEMO_FACE_BOX = { x: 1476, y: 199, w: 203, h: 241 };

export async function ensureDetachments() {
  if ((await Detachment.count()) > 0) return;
  await Detachment.bulkCreate(referenceDetachments.map((d) => ({ code: d.code, name: d.name })));
}

export async function demoFacePhoto(
  opts: { margin?: number; width?: number; brightness?: number } = {},
): Promise<Buffer> {
  const require = createRequire(import.meta.url);
  const pkg = path.dirname(require.resolve('@vladmandic/face-api/package.json'));
  const source = readFileSync(path.join(pkg, 'demo', DEMO_FACE_SAMPLE));
  const { x, y, w, h } = DEMO_FACE_BOX;
  const m = opts.margin ?? 0.45;
  let img = sharp(source).extract({
    left: Math.round(x - w * m),
    top: Math.max(0, Math.round(y - h * m)),
    width: Math.round(w * (1 + 2 * m)),
    height: Math.round(h * (1 + 2.4 * m)),
  });
  if (opts.width) img = img.resize({ width: opts.width });
  if (opts.brightness) img = img.modulate({ brightness: opts.brightness });
  return img.jpeg({ quality: 90 }).toBuffer();
}

/**
 * Loads the demo registries and one account per role into an empty database, then the demo project
 * entry (`projects`: default on, except in tests unless DEMO_PROJECTS=on; see wantsDemoProjects).
 */
export async function seedDemoData(app: AppContext, opts: { projects?: boolean } = {}) {
  await ensureDetachments();
  if ((await Institution.count()) > 0) return false;
  const data = generateDemoData(1);
  await importMinistry(
    systemContext(app),
    { snapshot: data.ministry, rowErrors: [] },
    { source: 'demo', fileName: '演示数据' },
  );
  await importInspection(
    systemContext(app),
    { snapshot: data.inspection, rowErrors: [] },
    { source: 'demo', fileName: '演示数据' },
  );

  const passwordHash = await hashPassword(DEMO_PASSWORD, app.config.bcryptRounds);
  const dongcheng = await Detachment.findOne({ where: { code: 'dongcheng' } });
  await Account.create({
    accountName: 'zongdui',
    passwordHash,
    kind: 'brigade',
    displayName: '北京市消防救援总队',
    mustChangePassword: false,
  });
  await Account.create({
    accountName: 'dongcheng',
    passwordHash,
    kind: 'detachment',
    displayName: dongcheng!.name,
    detachmentId: dongcheng!.id,
    mustChangePassword: false,
  });

  for (const demo of data.demoAccounts) {
    const institution = await Institution.findOne({ where: { uscc: demo.institutionUscc } });
    const person = demo.personIdNumber
      ? await Person.findOne({ where: { idNumber: demo.personIdNumber } })
      : null;
    const account = await Account.create({
      accountName: demo.accountName,
      passwordHash,
      kind: demo.kind,
      displayName: demo.kind === 'institution_admin' ? `${institution!.name}管理员` : person!.name,
      personId: person?.id ?? null,
      institutionId: institution!.id,
      mustChangePassword: false,
    });
    if (demo.faceProfile === 'approved') {
      const photo = await demoFacePhoto();
      const key = `demo/face-${account.id}.jpg`;
      await app.files.put(key, photo, 'image/jpeg');
      const { createHash } = await import('node:crypto');
      const file = await StoredFile.create({
        ownerAccountId: account.id,
        institutionId: account.institutionId,
        storageKey: key,
        mime: 'image/jpeg',
        category: 'image',
        size: photo.length,
        sha256: createHash('sha256').update(photo).digest('hex'),
        originalName: DEMO_FACE_SAMPLE,
      });
      await FaceProfile.create({
        accountId: account.id,
        fileId: file.id,
        status: 'approved',
        submittedAt: new Date(),
        reviewedAt: new Date(),
      });
    }
  }
  if (opts.projects ?? wantsDemoProjects(app)) await seedDemoProjects(app);
  return true;
}

export const demoAccountsTable = [
  ['总队', 'zongdui', '电脑端 /'],
  ['支队（东城支队）', 'dongcheng', '电脑端 /'],
  ['机构管理员', 'jigou01', '电脑端 /'],
  ['技术负责人', 'jishu01', '微信端（H5：/h5/）或电脑端'],
  ['项目负责人', 'xiangmu01', '微信端（H5：/h5/）'],
  ['项目负责人', 'xiangmu02', '微信端（H5：/h5/），负责一个维保项目'],
  ['现场维保检测人员', 'caozuo01', 'APP（H5：/h5/），人脸底图已通过'],
  ['现场维保检测人员', 'caozuo02', 'APP（H5：/h5/），尚未上传人脸底图'],
  ['其他机构管理员', 'jigou11～jigou13', '电脑端 /（在线执业覆盖率各不相同的三家机构）'],
  ['其他机构项目负责人', 'xiangmu11～xiangmu13', '微信端（H5：/h5/）'],
] as const;
