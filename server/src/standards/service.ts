import ExcelJS from 'exceljs';
import {
  BUILT_IN_EDITIONS,
  EDITION_SHEETS,
  diffEditions,
  editionFromRows,
  editionInForce,
  editionToRows,
  getBuiltInEdition,
  formatEditionDiff,
  parseEdition,
  rowsFromTable,
  tableFromRows,
  type EditionRows,
  type StandardEdition,
  type StandardEditionPreview,
  type StandardEditionSummary,
} from '@xf/domain';
import { AppError, conflict, notFound } from '../core/errors';
import { actorOf, runCommand, type RequestContext } from '../core/command';
import { StandardEditionRecord } from './model';

/** Built-in editions first, then the published ones, ordered by effective date. */
export async function allEditions(): Promise<
  { edition: StandardEdition; source: 'built_in' | 'json' | 'excel'; publishedAt: Date | null }[]
> {
  const published = await StandardEditionRecord.findAll({
    order: [
      ['effectiveDate', 'ASC'],
      ['id', 'ASC'],
    ],
  });
  return [
    ...BUILT_IN_EDITIONS.map((edition) => ({ edition, source: 'built_in' as const, publishedAt: null })),
    ...published.map((r) => ({
      edition: typeof r.content === 'string' ? JSON.parse(r.content) : r.content,
      source: r.source,
      publishedAt: r.createdAt,
    })),
  ];
}

export async function findEdition(id: string): Promise<StandardEdition> {
  // The one edition asked for: a built-in one needs no query, a published one only its own row.
  const builtIn = getBuiltInEdition(id);
  if (builtIn) return builtIn;
  const found = await StandardEditionRecord.findOne({
    where: { editionId: id },
    order: [
      ['effectiveDate', 'ASC'],
      ['id', 'ASC'],
    ],
  });
  if (!found) throw notFound('标准版本');
  return typeof found.content === 'string' ? JSON.parse(found.content) : found.content;
}

/** The edition a project created on `date` pins. */
export async function editionForDate(date: string) {
  const edition = editionInForce(
    (await allEditions()).map((e) => e.edition),
    date,
  );
  if (!edition) throw notFound(`${date}生效的标准版本`);
  return edition;
}

/** Refuse an invalid edition with every problem listed by location (HTTP 400, nothing stored). */
function invalid(errors: { location: string; message: string; path: string }[]) {
  const details = errors
    .slice(0, 200)
    .map((e) => ({ field: e.path || 'edition', message: `${e.location}：${e.message}` }));
  return new AppError(
    400,
    'validation_failed',
    `标准版本校验未通过，共${errors.length}处问题：${details[0]!.message}`,
    'edition',
    details,
  );
}

export async function editionFromWorkbook(buffer: Buffer): Promise<StandardEdition> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as any);
  const rows: Partial<EditionRows> = {};
  for (const sheet of EDITION_SHEETS) {
    const ws = wb.getWorksheet(sheet.name);
    if (!ws) throw new AppError(400, 'validation_failed', `文件：缺少工作表“${sheet.name}”`, 'file');
    const table: unknown[][] = [];
    ws.eachRow({ includeEmpty: false }, (row) =>
      table.push(
        (row.values as unknown[])
          .slice(1)
          .map((v: any) =>
            v && typeof v === 'object' && 'result' in v
              ? v.result
              : v && typeof v === 'object' && 'text' in v
                ? v.text
                : v,
          ),
      ),
    );
    const mapped = rowsFromTable(sheet.key, table as any);
    if (mapped.errors.length) throw invalid(mapped.errors);
    (rows as any)[sheet.key] = sheet.key === 'info' ? (mapped.rows[0] ?? {}) : mapped.rows;
  }
  const result = editionFromRows(rows as EditionRows);
  if (!result.ok) throw invalid(result.errors);
  return result.edition;
}

export function editionFromJson(value: unknown): StandardEdition {
  const result = parseEdition(value);
  if (!result.ok) throw invalid(result.errors);
  return result.edition;
}

/** The diff a publication would make, against the edition in force on the new one's effective date. */
export async function previewEdition(edition: StandardEdition): Promise<StandardEditionPreview> {
  const editions = await allEditions();
  if (editions.some((e) => e.edition.id === edition.id))
    throw conflict(`版本编号“${edition.id}”已存在，请使用新的版本编号`, 'id');
  const previous =
    editionInForce(
      editions.map((e) => e.edition),
      edition.effectiveDate,
    ) ?? editions.at(-1)?.edition;
  const diff = previous ? diffEditions(previous, edition) : null;
  return {
    edition,
    previousEditionId: previous?.id ?? null,
    diff,
    diffText: diff ? formatEditionDiff(diff) : null,
  };
}

export async function publishEdition(
  context: RequestContext,
  edition: StandardEdition,
  source: 'json' | 'excel',
) {
  const preview = await previewEdition(edition);
  return runCommand(context, 'standard_edition.published', async ({ transaction }) => {
    const rec = await StandardEditionRecord.create(
      {
        editionId: edition.id,
        title: edition.title,
        effectiveDate: edition.effectiveDate,
        content: edition,
        source,
        previousEditionId: preview.previousEditionId,
        diff: preview.diff,
        publishedBy: actorOf(context).id,
      },
      { transaction },
    );
    return {
      result: preview,
      audit: {
        entityType: 'standard_edition',
        entityId: rec.id,
        after: {
          editionId: edition.id,
          effectiveDate: edition.effectiveDate,
          previousEditionId: preview.previousEditionId,
          counts: preview.diff?.counts,
        },
      },
    };
  });
}

/** The workbook of an edition, in the import layout: download, correct, upload as a new edition. */
export async function editionWorkbook(edition: StandardEdition): Promise<Buffer> {
  const rows = editionToRows(edition);
  const wb = new ExcelJS.Workbook();
  for (const sheet of EDITION_SHEETS) {
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    const data = sheet.key === 'info' ? [rows.info] : rows[sheet.key];
    for (const line of tableFromRows(sheet.key, data)) ws.addRow(line);
    ws.getRow(1).font = { bold: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function summarizeEdition(edition: StandardEdition): StandardEditionSummary {
  const lines = edition.maintenance.flatMap((s) =>
    s.categories.flatMap((c) => c.facilities.flatMap((f) => f.lines)),
  );
  const items = edition.testing.flatMap((s) => s.subItems.flatMap((u) => u.items));
  return {
    id: edition.id,
    title: edition.title,
    effectiveDate: edition.effectiveDate,
    sources: edition.sources,
    counts: {
      maintenanceSystems: edition.maintenance.length,
      maintenanceLines: lines.length,
      singleItems: edition.testing.length,
      testItems: items.length,
    },
  };
}
