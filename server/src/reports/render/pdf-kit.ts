import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { QrModules, ReportPhoto } from './assets';

/**
 * The PDF building blocks every generated report uses (pdfkit with the embedded, subset Noto CJK font): the
 * document, page footers with 共 N 页 / 第 M 页, tables whose header is drawn again on each page, headings and a
 * vector QR code.
 */
export type Doc = PDFKit.PDFDocument;
export const MARGIN = 50;
const PAD = 3;

/** The CJK font both PDFs embed (subset): Debian's fonts-noto-cjk, which CI installs; REPORT_FONT overrides. */
export function cjkFont(): { path: string; family?: string; boldPath: string; boldFamily?: string } {
  const override = process.env.REPORT_FONT;
  if (override) return { path: override, boldPath: process.env.REPORT_FONT_BOLD ?? override };
  const dir = '/usr/share/fonts/opentype/noto';
  const regular = `${dir}/NotoSansCJK-Regular.ttc`;
  const bold = `${dir}/NotoSansCJK-Bold.ttc`;
  if (!existsSync(regular)) throw new Error('缺少中文字体：请安装 fonts-noto-cjk 或设置 REPORT_FONT');
  return {
    path: regular,
    family: 'NotoSansCJKsc-Regular',
    boldPath: existsSync(bold) ? bold : regular,
    boldFamily: existsSync(bold) ? 'NotoSansCJKsc-Bold' : 'NotoSansCJKsc-Regular',
  };
}

export function newDoc(title: string): Doc {
  const font = cjkFont();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 20, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: title, Creator: '北京市消防技术服务机构监管系统' },
  });
  doc.registerFont('cjk', font.path, font.family);
  doc.registerFont('cjk-bold', font.boldPath, font.boldFamily);
  plainShaping(doc.font('cjk-bold'));
  plainShaping(doc.font('cjk'));
  return doc;
}

/**
 * Chinese text set horizontally needs none of fontkit's default OpenType features (ccmp, locl, calt, kern, …; the
 * region face of the collection already maps to Simplified Chinese forms); applying them was most of the CPU time
 * of a long report. pdfkit's per-word layout cache stays in use (it is bypassed when features are passed per call).
 */
const PLAIN_FEATURES = Object.fromEntries(
  ['ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern', 'rvrn'].map(
    (f) => [f, false],
  ),
);
function plainShaping(doc: Doc) {
  const font = (doc as unknown as { _font?: { font?: { layout: (s: string, f?: unknown) => unknown } } })
    ._font?.font;
  if (!font) return;
  const layout = font.layout.bind(font);
  font.layout = (s: string, features?: unknown) => layout(s, features ?? PLAIN_FEATURES);
}

export function collect(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** The report number and the page text (e.g. 第 M 页 共 N 页) at the foot of every page. */
export function footers(doc: Doc, reportNo: string, pageText: (m: number, n: number) => string) {
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('cjk').fontSize(9).fillColor('#000');
    const y = doc.page.height - MARGIN;
    doc.text(reportNo, MARGIN, y, { width: 200, lineBreak: false });
    doc.text(pageText(i + 1, range.count), MARGIN, y, {
      width: doc.page.width - 2 * MARGIN,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}

export const contentWidth = (doc: Doc) => doc.page.width - 2 * MARGIN;
export const pageBottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/**
 * A table whose rows are measured before they are drawn; a row that does not fit starts a new page, where the
 * header is drawn again (headers repeated per page).
 */
export function table(
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
  // Body cells repeat (system names, locations, counts): each is measured once per column and text.
  const measured = new Map<string, number>();
  const cellHeight = (c: string, i: number) => {
    const k = `${i}|${c}`;
    let h = measured.get(k);
    if (h === undefined) {
      h = doc.heightOfString(c || ' ', { width: w[i]! - 2 * PAD });
      measured.set(k, h);
    }
    return h;
  };
  const heightOf = (cells: string[]) => Math.max(...cells.map(cellHeight)) + 2 * PAD;
  const headerHeightOf = (cells: string[]) =>
    Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: w[i]! - 2 * PAD }))) + 2 * PAD;
  const drawRow = (cells: string[], bold: boolean, h: number) => {
    doc.font(bold ? 'cjk-bold' : 'cjk').fontSize(size);
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
  // Each row is measured once (measuring is most of a long table's cost).
  doc.font('cjk-bold').fontSize(size);
  const headerHeight = headerHeightOf(header);
  if (doc.y + headerHeight * 2 > pageBottom(doc)) doc.addPage();
  drawRow(header, true, headerHeight);
  rows.forEach((cells, i) => {
    doc.font('cjk').fontSize(size);
    const h = heightOf(cells);
    if (doc.y + h > pageBottom(doc)) {
      doc.addPage();
      drawRow(header, true, headerHeight);
      doc.font('cjk').fontSize(size);
    }
    drawRow(cells, false, h);
    opts.onRow?.(i);
  });
}

export function heading(doc: Doc, text: string, size = 14) {
  if (doc.y + 60 > pageBottom(doc)) doc.addPage();
  doc
    .moveDown(0.5)
    .font('cjk-bold')
    .fontSize(size)
    .text(text, MARGIN, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3).font('cjk');
}

/** The QR code as vector squares (no raster, sharp at any zoom). */
export function qr(doc: Doc, modules: QrModules, x: number, y: number, side: number) {
  const cell = side / (modules.size + 2);
  doc.rect(x, y, side, side).fill('#fff');
  doc.fillColor('#000');
  for (let r = 0; r < modules.size; r++)
    for (let c = 0; c < modules.size; c++)
      if (modules.data[r * modules.size + c]) doc.rect(x + (c + 1) * cell, y + (r + 1) * cell, cell, cell);
  doc.fill('#000');
}

/** Flowing text across the content width; pdfkit starts a new page itself when it reaches the bottom margin. */
export function paragraph(doc: Doc, text: string, size = 10) {
  doc.font('cjk').fontSize(size);
  doc.text(text, MARGIN, doc.y, { width: contentWidth(doc) });
}

/**
 * Photos three to a row, each fitted into a 4:3 box, a row that would cross the bottom margin on a new page; with
 * `captioned`, a small caption under each photo. `end()` moves below a row left unfinished.
 */
export function photoGrid(doc: Doc, { captioned }: { captioned: boolean }) {
  const perRow = 3;
  const gap = 10;
  const boxW = (contentWidth(doc) - gap * (perRow - 1)) / perRow;
  const boxH = boxW * 0.75;
  const rowH = boxH + (captioned ? 24 : 8);
  const room = boxH + (captioned ? 30 : 8);
  let n = 0;
  return {
    add(p: ReportPhoto, caption?: string) {
      const col = n % perRow;
      if (col === 0 && doc.y + room > pageBottom(doc)) doc.addPage();
      const x = MARGIN + col * (boxW + gap);
      const y = doc.y;
      doc.image(Buffer.from(p.data.buffer, p.data.byteOffset, p.data.byteLength), x, y, {
        fit: [boxW, boxH],
        align: 'center',
        valign: 'center',
      });
      if (captioned && caption)
        doc
          .font('cjk')
          .fontSize(7)
          .text(caption, x, y + boxH + 2, { width: boxW, height: 20, ellipsis: true });
      n++;
      doc.x = MARGIN;
      doc.y = col === perRow - 1 ? y + rowH : y;
    },
    end() {
      if (n % perRow !== 0) doc.y += rowH;
      n = 0;
    },
  };
}
