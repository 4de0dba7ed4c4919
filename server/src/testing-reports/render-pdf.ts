import PDFDocument from 'pdfkit';
import {
  cjkFont,
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
  type RenderProgress,
} from './layout';

type Doc = PDFKit.PDFDocument;
const MARGIN = 50;
const PAD = 3;

function newDoc(title: string): Doc {
  const font = cjkFont();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 20, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: title, Creator: '北京市消防技术服务机构监管系统' },
  });
  doc.registerFont('cjk', font.path, font.family);
  doc.registerFont('cjk-bold', font.boldPath, font.boldFamily);
  doc.font('cjk');
  return doc;
}

function collect(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** "第 M 页 共 N 页" and the report number at the foot of every page. */
function footers(doc: Doc, reportNo: string) {
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('cjk').fontSize(9).fillColor('#000');
    const y = doc.page.height - MARGIN;
    doc.text(reportNo, MARGIN, y, { width: 200, lineBreak: false });
    doc.text(footerText(i + 1, range.count), MARGIN, y, {
      width: doc.page.width - 2 * MARGIN,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}

const contentWidth = (doc: Doc) => doc.page.width - 2 * MARGIN;
const pageBottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/**
 * A table whose rows are measured before they are drawn; a row that does not fit starts a new page, where the
 * header is drawn again (headers repeated per page).
 */
function table(
  doc: Doc,
  header: string[],
  widths: number[],
  rows: string[][],
  opts: { fontSize?: number; onRow?: (i: number) => void; align?: ('left' | 'center')[] } = {},
) {
  const size = opts.fontSize ?? 9;
  const total = widths.reduce((a, b) => a + b, 0);
  const scale = contentWidth(doc) / total;
  const w = widths.map((x) => x * scale);
  const heightOf = (cells: string[]) =>
    Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: w[i]! - 2 * PAD }))) + 2 * PAD;
  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'cjk-bold' : 'cjk').fontSize(size);
    const h = heightOf(cells);
    let x = MARGIN;
    const y = doc.y;
    if (bold) doc.rect(MARGIN, y, contentWidth(doc), h).fill('#eeeeee').fillColor('#000');
    cells.forEach((c, i) => {
      doc.rect(x, y, w[i]!, h).lineWidth(0.5).stroke();
      doc.text(c, x + PAD, y + PAD, {
        width: w[i]! - 2 * PAD,
        align: opts.align?.[i] ?? (bold ? 'center' : 'left'),
      });
      x += w[i]!;
    });
    doc.x = MARGIN;
    doc.y = y + h;
  };
  doc.font('cjk-bold').fontSize(size);
  if (doc.y + heightOf(header) * 2 > pageBottom(doc)) doc.addPage();
  drawRow(header, true);
  rows.forEach((cells, i) => {
    doc.font('cjk').fontSize(size);
    if (doc.y + heightOf(cells) > pageBottom(doc)) {
      doc.addPage();
      drawRow(header, true);
    }
    drawRow(cells, false);
    opts.onRow?.(i);
  });
}

function heading(doc: Doc, text: string, size = 14) {
  if (doc.y + 60 > pageBottom(doc)) doc.addPage();
  doc
    .moveDown(0.5)
    .font('cjk-bold')
    .fontSize(size)
    .text(text, MARGIN, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3).font('cjk');
}

/** The QR code as vector squares (no raster, sharp at any zoom). */
function qr(doc: Doc, modules: RenderInput['qrModules'], x: number, y: number, side: number) {
  const cell = side / (modules.size + 2);
  doc.rect(x, y, side, side).fill('#fff');
  doc.fillColor('#000');
  for (let r = 0; r < modules.size; r++)
    for (let c = 0; c < modules.size; c++)
      if (modules.data[r * modules.size + c]) doc.rect(x + (c + 1) * cell, y + (r + 1) * cell, cell, cell);
  doc.fill('#000');
}

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
    const perRow = 3;
    const gap = 10;
    const boxW = (contentWidth(doc) - gap * (perRow - 1)) / perRow;
    const boxH = boxW * 0.75;
    let n = 0;
    withPhotos.forEach((f, fi) => {
      for (const id of f.photoFileIds) {
        const p = photos.get(id);
        if (!p) continue;
        const col = n % perRow;
        if (col === 0 && doc.y + boxH + 30 > pageBottom(doc)) doc.addPage();
        const x = MARGIN + col * (boxW + gap);
        const y = doc.y;
        doc.image(Buffer.from(p.data.buffer, p.data.byteOffset, p.data.byteLength), x, y, {
          fit: [boxW, boxH],
          align: 'center',
          valign: 'center',
        });
        doc
          .font('cjk')
          .fontSize(7)
          .text(`${fi + 1}. ${f.item}（${f.resultLabel}）`, x, y + boxH + 2, {
            width: boxW,
            height: 20,
            ellipsis: true,
          });
        n++;
        doc.x = MARGIN;
        doc.y = col === perRow - 1 ? y + boxH + 24 : y;
      }
      progress(3, 4, `问题照片 ${fi + 1}/${withPhotos.length}`);
    });
    if (n % perRow !== 0) doc.y += boxH + 24;
  }

  heading(doc, '签章');
  doc.font('cjk').fontSize(11);
  for (const [who, when] of SIGNATURES) {
    if (doc.y + 60 > pageBottom(doc)) doc.addPage();
    doc.text(who, MARGIN, doc.y + 20, { continued: false });
    doc.text(when, MARGIN + 300, doc.y - 14);
    doc.moveDown(1.5);
  }
  footers(doc, data.reportNo);
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
  footers(doc, data.reportNo);
  doc.end();
  return out;
}
