import type { RenderProgress } from '../reports/render/assets';
import {
  collect,
  contentWidth,
  footers,
  heading,
  MARGIN,
  newDoc,
  pageBottom,
  photoGrid,
  qr,
  table,
  type Doc,
} from '../reports/render/pdf-kit';
import {
  FINDING_HEADER,
  findingRows,
  footerText,
  infoRows,
  overallText,
  RAW_HEADER,
  rawRows,
  SIGNATURES,
  SINGLE_ITEM_HEADER,
  singleItemRows,
  type RenderInput,
} from './layout';

function cover(doc: Doc, input: RenderInput, title: string) {
  const { data } = input;
  doc.font('cjk').fontSize(11).text(`报告编号：${data.reportNo}`, { align: 'right' });
  doc.moveDown(6).font('cjk-bold').fontSize(26).text(title, { align: 'center' });
  doc.moveDown(3).font('cjk').fontSize(14);
  for (const [k, v] of [
    ['项目名称', data.project.name],
    ['委托单位', data.project.client.name],
    ['检测机构', data.institution.name],
    ['报告日期', data.issuedOn],
  ])
    doc.text(`${k}：${v}`, MARGIN + 60, doc.y, { width: contentWidth(doc) - 120 }).moveDown(0.6);
  const side = 110;
  const y = doc.page.height - MARGIN - 60 - side;
  qr(doc, input.qrModules, MARGIN, y, side);
  doc
    .font('cjk')
    .fontSize(8)
    .fillColor('#000')
    .text(`扫码核验报告真伪：${data.verifyUrl}`, MARGIN + side + 10, y + 10, {
      width: contentWidth(doc) - side - 10,
    })
    .text(`报告数据SHA-256：${input.dataSha256}`, { width: contentWidth(doc) - side - 10 });
}

/** 建筑消防设施检测报告 as PDF. */
export async function renderReportPdf(
  input: RenderInput,
  progress: RenderProgress = () => {},
): Promise<Buffer> {
  const { data } = input;
  const doc = newDoc(data.title);
  const out = collect(doc);
  cover(doc, input, data.title);

  doc.addPage();
  heading(doc, '一、基本情况');
  const info = infoRows(data).map((r) =>
    r.length === 2
      ? [r[0]!, r[1]!, '', '']
      : r.length === 4
        ? r
        : [r[0]!, r[1]!, `${r[2]} ${r[3]}`, `${r[4]} ${r[5]}`],
  );
  table(doc, ['项目', '内容', '项目', '内容'], [90, 170, 90, 150], info, { fontSize: 9 });
  progress(1, 4, '基本情况');

  heading(doc, '二、检测单项评定');
  table(doc, SINGLE_ITEM_HEADER, [210, 60, 55, 55, 55, 60], singleItemRows(data), {
    align: ['left', 'center', 'center', 'center', 'center', 'center'],
  });
  doc
    .moveDown(0.3)
    .font('cjk')
    .fontSize(8)
    .text('注：A、B、C为各类不合格检测项数，括号内为该单项的不合格判定条件。', MARGIN);
  heading(doc, '三、综合评定');
  doc
    .font('cjk')
    .fontSize(11)
    .text(overallText(data), MARGIN, doc.y, { width: contentWidth(doc) });
  progress(2, 4, '单项评定');

  heading(doc, '四、发现的问题及不能测试项');
  if (data.findings.length === 0) doc.font('cjk').fontSize(10).text('无。');
  else table(doc, FINDING_HEADER, [30, 90, 80, 120, 30, 70, 50, 80], findingRows(data), { fontSize: 8 });

  const photos = new Map(input.photos.map((p) => [p.fileId, p]));
  const withPhotos = data.findings.filter((f) => f.photoFileIds.some((id) => photos.has(id)));
  if (withPhotos.length) {
    heading(doc, '五、问题照片');
    const grid = photoGrid(doc, { captioned: true });
    withPhotos.forEach((f, fi) => {
      for (const id of f.photoFileIds) {
        const p = photos.get(id);
        if (p) grid.add(p, `${fi + 1}. ${f.item}（${f.resultLabel}）`);
      }
      progress(3, 4, `问题照片 ${fi + 1}/${withPhotos.length}`);
    });
    grid.end();
  }

  heading(doc, '签章');
  doc.font('cjk').fontSize(11);
  for (const [who, when] of SIGNATURES) {
    if (doc.y + 60 > pageBottom(doc)) doc.addPage();
    doc.text(who, MARGIN, doc.y + 20, { continued: false });
    doc.text(when, MARGIN + 300, doc.y - 14);
    doc.moveDown(1.5);
  }
  footers(doc, data.reportNo, footerText);
  doc.end();
  progress(4, 4, '完成');
  return out;
}

/** 原始记录 as PDF: every record, the table header on every page. */
export async function renderRawRecordPdf(
  input: RenderInput,
  progress: RenderProgress = () => {},
): Promise<Buffer> {
  const { data } = input;
  const title = '建筑消防设施检测原始记录';
  const doc = newDoc(title);
  const out = collect(doc);
  doc.font('cjk-bold').fontSize(18).text(title, { align: 'center' });
  doc
    .moveDown(0.5)
    .font('cjk')
    .fontSize(9)
    .text(
      `报告编号：${data.reportNo}    项目名称：${data.project.name}    检测日期：${data.testedFrom}至${data.testedTo}`,
    );
  doc.moveDown(0.5);
  const rows = rawRows(data);
  const step = Math.max(1, Math.floor(rows.length / 20));
  table(doc, RAW_HEADER, [30, 80, 70, 110, 28, 60, 40, 48, 45, 58], rows, {
    fontSize: 7,
    onRow: (i) => {
      if (i % step === 0) progress(i, rows.length, `原始记录 ${i}/${rows.length}`);
    },
  });
  footers(doc, data.reportNo, footerText);
  doc.end();
  return out;
}
