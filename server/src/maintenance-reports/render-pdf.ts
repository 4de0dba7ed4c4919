import type { RenderProgress } from '../reports/render/assets';
import {
  collect,
  contentWidth,
  footers,
  heading,
  MARGIN,
  newDoc,
  paragraph,
  photoGrid,
  qr,
  table,
} from '../reports/render/pdf-kit';
import {
  CLIENT_OPINION,
  FAULT_HEADER,
  FAULT_WIDTHS,
  faultRows,
  MAINTENANCE_TITLE,
  maintenanceFooterText,
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

/** 建筑消防设施维护保养情况表 as PDF, 共 N 页 第 M 页 at the foot of each page, table headers repeated. */
export async function renderMaintenanceReportPdf(
  input: MaintenanceRenderInput,
  progress: RenderProgress = () => {},
): Promise<Buffer> {
  const { data } = input;
  const doc = newDoc(MAINTENANCE_TITLE);
  const out = collect(doc);
  const side = 80;
  qr(doc, input.qrModules, MARGIN + contentWidth(doc) - side, MARGIN, side);
  doc
    .font('cjk-bold')
    .fontSize(20)
    .text(MAINTENANCE_TITLE, MARGIN, MARGIN + 10, { width: contentWidth(doc) - side, align: 'center' });
  doc
    .moveDown(0.5)
    .font('cjk')
    .fontSize(9)
    .text(`报告编号：${data.reportNo}    维保月份：${data.monthLabel}    机构：${data.institution.name}`, {
      width: contentWidth(doc) - side,
    })
    .text(`扫码核验：${data.verifyUrl}`, { width: contentWidth(doc) - side })
    .text(`报告数据SHA-256：${input.dataSha256}`, { width: contentWidth(doc) - side });
  doc.y = Math.max(doc.y, MARGIN + side) + 8;

  table(doc, ['类别', '项目', '内容'], [80, 90, 330], overviewRows(data), { fontSize: 9 });
  progress(1, 5, '维保概况');

  heading(doc, '本月维护保养情况', 12);
  paragraph(doc, summaryText(data));
  const rows = resultRows(data);
  if (rows.length) {
    doc.moveDown(0.3);
    const step = Math.max(1, Math.floor(rows.length / 10));
    table(doc, RESULT_HEADER, RESULT_WIDTHS, rows, {
      fontSize: 8,
      align: ['center', 'left', 'left', 'left', 'center', 'center', 'center', 'center'],
      onRow: (i) => {
        if (i % step === 0) progress(1 + i / rows.length, 5, `维保结果 ${i}/${rows.length}`);
      },
    });
  }
  progress(2, 5, '维保结果');

  heading(doc, '故障记录', 12);
  if (data.faults.length) table(doc, FAULT_HEADER, FAULT_WIDTHS, faultRows(data), { fontSize: 8 });
  else paragraph(doc, '本月无故障。');

  heading(doc, '消防技术服务机构意见', 12);
  for (const line of opinionLines(data)) paragraph(doc, line, 9);
  paragraph(doc, seal(data));
  heading(doc, '消防技术服务机构备注说明', 12);
  paragraph(doc, data.remarks.trim() || '无。');
  paragraph(
    doc,
    `（维护保养单位印章）    ${data.issuedOn.slice(0, 4)}年${data.issuedOn.slice(5, 7)}月${data.issuedOn.slice(8, 10)}日`,
  );
  progress(3, 5, '故障记录');

  const photos = new Map(input.photos.map((p) => [p.fileId, p]));
  if (data.attachments.length) {
    heading(doc, '维保记录附件（文字和照片）', 12);
    data.attachments.forEach((a, ai) => {
      paragraph(
        doc,
        `${ai + 1}. ${a.facility}${a.location ? `（${a.location}）` : ''}${a.text ? `：${a.text}` : ''}`,
        9,
      );
      const grid = photoGrid(doc, { captioned: false });
      for (const id of a.photoFileIds) {
        const p = photos.get(id);
        if (p) grid.add(p);
      }
      grid.end();
      if (ai % 10 === 0)
        progress(3 + ai / data.attachments.length, 5, `附件照片 ${ai + 1}/${data.attachments.length}`);
    });
  }

  heading(doc, '签章', 12);
  for (const line of signatureLines(data)) {
    paragraph(doc, line, 10);
    doc.moveDown(0.8);
  }
  doc.moveDown(0.5);
  for (const line of CLIENT_OPINION) paragraph(doc, line || ' ', 10);
  footers(doc, data.reportNo, maintenanceFooterText);
  doc.end();
  progress(5, 5, '完成');
  return out;
}
