import {
  AlignmentType,
  Document,
  ImageRun,
  type ParagraphChild,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { zipSync, type Zippable } from 'fflate';
import type { RenderProgress, ReportPhoto } from './assets';

/** The Word building blocks every generated report uses (docx), so all reports look and pack the same. */
export const FONT = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '宋体', cs: 'Arial' };
export const text = (t: string, opts: { bold?: boolean; size?: number } = {}) =>
  new TextRun({ text: t, bold: opts.bold, size: opts.size, font: FONT });
export const para = (t: string, opts: { bold?: boolean; size?: number; align?: 'center' | 'right' } = {}) =>
  new Paragraph({
    alignment:
      opts.align === 'center'
        ? AlignmentType.CENTER
        : opts.align === 'right'
          ? AlignmentType.RIGHT
          : undefined,
    children: [text(t, opts)],
  });

/** A table whose first row repeats on every page (tableHeader) and whose rows never split across pages. */
export function table(header: string[], widths: number[], rows: string[][], size = 18) {
  const total = widths.reduce((a, b) => a + b, 0);
  const cell = (t: string, i: number, bold: boolean) =>
    new TableCell({
      width: { size: Math.round((widths[i]! / total) * 5000), type: WidthType.PERCENTAGE },
      children: [para(t, { bold, size })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
}

/**
 * The report number and the page fields at the foot of every page: 'current-first' prints 第 M 页 共 N 页,
 * 'total-first' 共 N 页 第 M 页 (the maintenance report's order in the manual).
 */
export const footer = (reportNo: string, order: 'current-first' | 'total-first' = 'current-first') =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({
            font: FONT,
            size: 18,
            children:
              order === 'current-first'
                ? [`${reportNo}    第 `, PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页']
                : [`${reportNo}    共 `, PageNumber.TOTAL_PAGES, ' 页 第 ', PageNumber.CURRENT, ' 页'],
          }),
        ],
      }),
    ],
  });

export const A4 = {
  page: {
    size: { width: 11906, height: 16838 },
    margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
  },
};

/**
 * Pack a document the way docx does, but store the JPEG/PNG parts as they are: deflating already-compressed
 * photos costs seconds and saves nothing (reports.md). Falls back to docx's own packer if its compiler moves.
 */
export async function pack(doc: Document): Promise<Buffer> {
  const compiler = (
    Packer as unknown as {
      compiler?: { compile: (d: Document, p: unknown, o: unknown[]) => Map<string, unknown> };
    }
  ).compiler;
  if (!compiler) return Packer.toBuffer(doc);
  const files = compiler.compile(doc, undefined, []);
  const zippable: Zippable = {};
  for (const [path, data] of files) {
    const bytes =
      typeof data === 'string'
        ? new TextEncoder().encode(data)
        : data instanceof Uint8Array
          ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
          : new Uint8Array(data as ArrayBuffer);
    zippable[path] = /\.(jpe?g|png)$/i.test(path) ? [bytes, { level: 0 }] : [bytes, { level: 6 }];
  }
  return Buffer.from(zipSync(zippable));
}

/** Photos side by side, each `width` wide at its own aspect ratio; an id with no photo is left out. */
export function photoRuns(photos: Map<number, ReportPhoto>, ids: number[], width: number): ParagraphChild[] {
  return ids.flatMap((id) => {
    const p = photos.get(id);
    if (!p) return [];
    const height = Math.round((width * p.height) / p.width);
    return [new ImageRun({ type: 'jpg', data: p.data, transformation: { width, height } }), text('  ')];
  });
}

/** The QR code of the verification address, `side` wide. */
export const qrImage = (png: Uint8Array, side: number) =>
  new Paragraph({
    children: [new ImageRun({ type: 'png', data: png, transformation: { width: side, height: side } })],
  });

/**
 * A report of one A4 section with the report number and page fields at every foot, packed (progress 2/3 and
 * 3/3: the first third is the caller's).
 */
export async function packReport(report: {
  title: string;
  reportNo: string;
  order?: 'current-first' | 'total-first';
  children: (Paragraph | Table)[];
  progress: RenderProgress;
}): Promise<Buffer> {
  const doc = new Document({
    creator: '北京市消防技术服务机构监管系统',
    title: report.title,
    sections: [
      {
        properties: A4,
        footers: { default: footer(report.reportNo, report.order) },
        children: report.children,
      },
    ],
  });
  report.progress(2, 3, '打包');
  const out = await pack(doc);
  report.progress(3, 3, '完成');
  return out;
}
