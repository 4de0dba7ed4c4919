import {
  generateTestingReportSchema,
  idParamSchema,
  projectKindLabels,
  reportStatusLabels,
  reportVerificationSchema,
  reportViewSchema,
  type ReportVerification,
} from '@xf/domain';
import { z } from 'zod';
import type { AppContext } from '../context';
import { notFound } from '../core/errors';
import { route } from '../core/route';
import { Institution } from '../institutions/models';
import { findProject } from '../projects/find';
import { Project } from '../projects/models';
import { Report } from '../reports/models';
import { presentReports, reportHashes } from '../reports/present';
import '../reports/policies';
import { startTestingReport } from './service';

const tag = '报告';
const tokenParamSchema = z.object({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{20,64}$/, { error: '核验码：格式不正确' })
    .meta({ label: '核验码' }),
});

/** What the public page shows of a report: project, institution, dates, filing state and hashes; nothing personal. */
export async function verification(token: string): Promise<ReportVerification> {
  const report = await Report.findOne({ where: { verifyToken: token } });
  if (!report) throw notFound('报告');
  const [project, institution, hashes] = await Promise.all([
    Project.findByPk(report.projectId, { attributes: ['siteName'] }),
    Institution.findByPk(report.institutionId, { attributes: ['name'] }),
    reportHashes([report]),
  ]);
  const all = hashes.get(report.id) ?? [];
  return {
    reportNo: report.reportNo,
    projectName: project?.siteName ?? '',
    institutionName: institution?.name ?? '',
    kindLabel: `${projectKindLabels[report.kind]}报告`,
    status: report.status,
    statusLabel: reportStatusLabels[report.status],
    completedOn: report.completedOn,
    filedOn: report.filedOn,
    hashes: report.dataSha256
      ? [{ label: '报告数据（印在报告上）', sha256: report.dataSha256 }, ...all]
      : all,
  };
}

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The public verification page the report's QR code opens (server-rendered, Chinese). */
export function verificationPage(v: ReportVerification | null): string {
  const rows = v
    ? [
        ['报告编号', v.reportNo ?? '—'],
        ['报告类别', v.kindLabel],
        ['项目名称', v.projectName],
        ['检测机构', v.institutionName],
        ['报告日期', v.completedOn],
        ['备案状态', v.statusLabel + (v.filedOn ? `（${v.filedOn}备案）` : '')],
      ]
        .map(([k, x]) => `<tr><th>${escape(k!)}</th><td>${escape(x!)}</td></tr>`)
        .join('') +
      v.hashes
        .map((h) => `<tr><th>${escape(h.label)} SHA-256</th><td class="hash">${escape(h.sha256)}</td></tr>`)
        .join('')
    : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>报告核验</title><style>body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;padding:16px;background:#f5f5f5;color:#222}
main{max-width:720px;margin:auto;background:#fff;padding:20px;border-radius:6px}h1{font-size:20px}table{border-collapse:collapse;width:100%}
th,td{border:1px solid #ddd;padding:8px;text-align:left;font-size:14px;vertical-align:top}th{width:34%;background:#fafafa}.hash{font-family:monospace;word-break:break-all}
p{font-size:13px;color:#666}</style></head><body><main>
<h1>北京市消防技术服务机构监管系统 · 报告核验</h1>
${
  v
    ? `<table>${rows}</table><p>本页由监管系统出具。报告文件的SHA-256与上表一致，即为系统生成的原件；已备案的报告不能修改。</p>`
    : '<p>未找到该报告，请核对二维码或链接是否完整。</p>'
}
</main></body></html>`;
}

/** GET /verify/:token outside /api: the page a phone's camera opens. */
export function verifyPageMiddleware() {
  return async (
    ctx: {
      path: string;
      method: string;
      status: number;
      type: string;
      body: unknown;
      set: (k: string, v: string) => void;
    },
    next: () => Promise<unknown>,
  ) => {
    const m = /^\/verify\/([^/]+)$/.exec(ctx.path);
    if (!m || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
    const parsed = tokenParamSchema.safeParse({ token: m[1] });
    const v = parsed.success ? await verification(parsed.data.token).catch(() => null) : null;
    ctx.status = v ? 200 : 404;
    ctx.type = 'html';
    ctx.set('Cache-Control', 'no-store');
    ctx.set('X-Robots-Tag', 'noindex');
    ctx.body = verificationPage(v);
  };
}

const view = async (app: AppContext, actor: Parameters<typeof presentReports>[1], row: Report) =>
  (await presentReports(app, actor, [row]))[0]!;

export const testingReportRoutes = [
  route({
    method: 'post',
    path: '/projects/:id/testing-reports',
    summary:
      '生成检测报告（机构管理员）：项目负责人审核检测计划通过后、在检测期限内；生成检测报告与原始记录（Word和PDF），在报告列表中查看进度；同一请求编号只生成一次，正在生成时再次生成返回409',
    tag,
    params: idParamSchema,
    policy: { action: 'generate', resource: 'report', load: (p: { id: number }) => findProject(p.id) },
    body: generateTestingReportSchema,
    response: reportViewSchema,
    handler: async ({ subject, body, actor, app, context, ctx }) => {
      const { report, replayed } = await startTestingReport(context, subject, body);
      ctx.status = replayed ? 200 : 202;
      return view(app, actor, report);
    },
  }),
  route({
    method: 'get',
    path: '/verify/:token',
    summary:
      '报告核验（公开，报告二维码所指）：报告编号、项目、机构、日期、备案状态和各文件的SHA-256，不含个人信息',
    tag,
    auth: 'public',
    params: tokenParamSchema,
    response: reportVerificationSchema,
    handler: async ({ params }) => verification(params.token),
  }),
];
