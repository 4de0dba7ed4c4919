import { Document, PageBreak, Paragraph } from 'docx';
import type { RenderProgress } from '../reports/render/assets';
import { A4, footer, pack, packReport, para, photoRuns, qrImage, table } from '../reports/render/docx-kit';
import {
  FINDING_HEADER,
  findingRows,
  infoRows,
  overallText,
  RAW_HEADER,
  rawRows,
  SIGNATURES,
  SINGLE_ITEM_HEADER,
  singleItemRows,
  type RenderInput,
} from './layout';

/** 建筑消防设施检测报告 as Word. */
export async function renderReportDocx(
  input: RenderInput,
  progress: RenderProgress = () => {},
): Promise<Buffer> {
  const { data } = input;
  const info = infoRows(data).map((r) =>
    r.length === 2
      ? [r[0]!, r[1]!, '', '']
      : r.length === 4
        ? r
        : [r[0]!, r[1]!, `${r[2]} ${r[3]}`, `${r[4]} ${r[5]}`],
  );
  const photos = new Map(input.photos.map((p) => [p.fileId, p]));
  const photoParas: Paragraph[] = [];
  data.findings.forEach((f, i) => {
    const runs = photoRuns(photos, f.photoFileIds, 200);
    if (runs.length) {
      photoParas.push(
        para(`${i + 1}. ${f.singleItem} ${f.subItem} ${f.item}（${f.resultLabel}）`, { size: 18 }),
      );
      photoParas.push(new Paragraph({ children: runs }));
    }
  });
  progress(1, 3, '整理照片');
  const children = [
    para(`报告编号：${data.reportNo}`, { align: 'right' }),
    ...Array.from({ length: 6 }, () => para('')),
    para(data.title, { bold: true, size: 52, align: 'center' }),
    para(''),
    para(`项目名称：${data.project.name}`, { size: 28, align: 'center' }),
    para(`检测机构：${data.institution.name}`, { size: 28, align: 'center' }),
    para(`报告日期：${data.issuedOn}`, { size: 28, align: 'center' }),
    ...Array.from({ length: 6 }, () => para('')),
    qrImage(input.qrPng, 120),
    para(`扫码核验报告真伪：${data.verifyUrl}`, { size: 16 }),
    para(`报告数据SHA-256：${input.dataSha256}`, { size: 16 }),
    new Paragraph({ children: [new PageBreak()] }),
    para('一、基本情况', { bold: true, size: 28 }),
    table(['项目', '内容', '项目', '内容'], [90, 170, 90, 150], info),
    para('二、检测单项评定', { bold: true, size: 28 }),
    table(SINGLE_ITEM_HEADER, [210, 60, 55, 55, 55, 60], singleItemRows(data)),
    para('注：A、B、C为各类不合格检测项数，括号内为该单项的不合格判定条件。', { size: 16 }),
    para('三、综合评定', { bold: true, size: 28 }),
    para(overallText(data)),
    para('四、发现的问题及不能测试项', { bold: true, size: 28 }),
    data.findings.length
      ? table(FINDING_HEADER, [30, 90, 80, 120, 30, 70, 50, 80], findingRows(data), 16)
      : para('无。'),
    ...(photoParas.length ? [para('五、问题照片', { bold: true, size: 28 }), ...photoParas] : []),
    para('签章', { bold: true, size: 28 }),
    ...SIGNATURES.flatMap(([who, when]) => [para(''), para(`${who}                    ${when}`)]),
  ];
  return packReport({ title: data.title, reportNo: data.reportNo, children, progress });
}

/** 原始记录 as Word. */
export async function renderRawRecordDocx(input: RenderInput): Promise<Buffer> {
  const { data } = input;
  const doc = new Document({
    creator: '北京市消防技术服务机构监管系统',
    title: '建筑消防设施检测原始记录',
    sections: [
      {
        properties: A4,
        footers: { default: footer(data.reportNo) },
        children: [
          para('建筑消防设施检测原始记录', { bold: true, size: 36, align: 'center' }),
          para(
            `报告编号：${data.reportNo}    项目名称：${data.project.name}    检测日期：${data.testedFrom}至${data.testedTo}`,
            {
              size: 18,
            },
          ),
          table(RAW_HEADER, [30, 80, 70, 110, 28, 60, 40, 48, 45, 58], rawRows(data), 14),
        ],
      },
    ],
  });
  return pack(doc);
}
