import type { AppContext } from '../context';
import { findProject } from '../projects/find';
import type { PreparedReport } from '../reports/generation';
import type { Report } from '../reports/models';
import { assembleFromDatabase } from './assemble';
import { dataDigest, qrOf, readReportPhotos } from '../reports/render/assets';
import type { RenderInput } from './layout';

export async function prepareRenderInput(
  app: AppContext,
  report: Report,
  verifyUrl: string,
): Promise<RenderInput> {
  const project = await findProject(report.projectId);
  const data = await assembleFromDatabase(app.sequelize, project, {
    reportNo: report.reportNo ?? `消检第${report.id}号`,
    issuedOn: report.completedOn,
    verifyUrl,
  });
  const ids = [...new Set(data.findings.flatMap((f) => f.photoFileIds))];
  return {
    data,
    dataSha256: dataDigest(data),
    photos: await readReportPhotos(app, ids),
    ...(await qrOf(verifyUrl)),
  };
}

/** The testing report and its raw record for the generation job (reports/generation.ts). */
export async function prepareTestingRender(
  app: AppContext,
  report: Report,
  verifyUrl: string,
): Promise<PreparedReport> {
  const input = await prepareRenderInput(app, report, verifyUrl);
  const o = input.data.overall;
  const base = `${input.data.project.name}-${report.reportNo}`;
  return {
    job: { kind: 'testing', input },
    dataSha256: input.dataSha256,
    fileName: `${base}-检测报告`,
    rawFileName: `${base}-原始记录`,
    conclusion: `综合评定：${o.verdictLabel}${o.failedSingleItems.length ? `（不合格单项：${o.failedSingleItems.join('、')}）` : ''}`,
  };
}
