import { Paragraph } from 'docx';
import type { RenderProgress } from '../reports/render/assets';
import { packReport, para, photoRuns, qrImage, table } from '../reports/render/docx-kit';
import {
  CLIENT_OPINION,
  FAULT_HEADER,
  FAULT_WIDTHS,
  faultRows,
  MAINTENANCE_TITLE,
  opinionLines,
  overviewRows,
  RESULT_HEADER,
  RESULT_WIDTHS,
  resultRows,
  seal,
  signatureLines,
  summaryText,
  type MaintenanceRenderInput,
} from './layout';

/** 建筑消防设施维护保养情况表 as Word: page fields 共 N 页 第 M 页, table headers repeated on every page. */
export async function renderMaintenanceReportDocx(
  input: MaintenanceRenderInput,
  progress: RenderProgress = () => {},
): Promise<Buffer> {
  const { data } = input;
  const photos = new Map(input.photos.map((p) => [p.fileId, p]));
  const attachmentParas: Paragraph[] = [];
  data.attachments.forEach((a, i) => {
    attachmentParas.push(
      para(`${i + 1}. ${a.facility}${a.location ? `（${a.location}）` : ''}${a.text ? `：${a.text}` : ''}`, {
        size: 18,
      }),
    );
    const runs = photoRuns(photos, a.photoFileIds, 180);
    if (runs.length) attachmentParas.push(new Paragraph({ children: runs }));
  });
  progress(1, 3, '整理照片');
  const heading = (t: string) => para(t, { bold: true, size: 24 });
  const children = [
    qrImage(input.qrPng, 90),
    para(MAINTENANCE_TITLE, { bold: true, size: 40, align: 'center' }),
    para(`报告编号：${data.reportNo}    维保月份：${data.monthLabel}    机构：${data.institution.name}`, {
      size: 18,
    }),
    para(`扫码核验：${data.verifyUrl}`, { size: 16 }),
    para(`报告数据SHA-256：${input.dataSha256}`, { size: 16 }),
    table(['类别', '项目', '内容'], [80, 90, 330], overviewRows(data)),
    heading('本月维护保养情况'),
    para(summaryText(data)),
    ...(data.results.length ? [table(RESULT_HEADER, RESULT_WIDTHS, resultRows(data), 16)] : []),
    heading('故障记录'),
    data.faults.length ? table(FAULT_HEADER, FAULT_WIDTHS, faultRows(data), 16) : para('本月无故障。'),
    heading('消防技术服务机构意见'),
    ...opinionLines(data).map((l) => para(l, { size: 18 })),
    para(seal(data)),
    heading('消防技术服务机构备注说明'),
    para(data.remarks.trim() || '无。'),
    para(
      `（维护保养单位印章）    ${data.issuedOn.slice(0, 4)}年${data.issuedOn.slice(5, 7)}月${data.issuedOn.slice(8, 10)}日`,
    ),
    ...(attachmentParas.length ? [heading('维保记录附件（文字和照片）'), ...attachmentParas] : []),
    heading('签章'),
    ...signatureLines(data).flatMap((l) => [para(''), para(l)]),
    para(''),
    ...CLIENT_OPINION.map((l) => para(l)),
  ];
  return packReport({
    title: MAINTENANCE_TITLE,
    reportNo: data.reportNo,
    order: 'total-first',
    children,
    progress,
  });
}
