import { describe, expect, it } from 'vitest';
import {
  EDITION_SHEETS,
  editionFromRows,
  editionToRows,
  rowsFromTable,
  tableFromRows,
  type EditionRows,
  type SheetKey,
} from '../../src/catalog/edition-rows';
import { miniEdition } from '../fixtures/mini-edition';

/** The rows as the server would get them: each sheet written as a table with Chinese headers, then read back. */
function throughTables(rows: EditionRows): EditionRows {
  const read = (key: SheetKey, data: EditionRows[SheetKey & keyof EditionRows]) => {
    const r = rowsFromTable(key, tableFromRows(key, data as never));
    expect(r.errors).toEqual([]);
    return r.rows;
  };
  return {
    info: read('info', [rows.info] as never)[0]!,
    maintenance: read('maintenance', rows.maintenance as never),
    prompts: read('prompts', rows.prompts as never),
    testing: read('testing', rows.testing as never),
    rules: read('rules', rows.rules as never),
  };
}

describe('editionFromRows', () => {
  it('round-trips an edition through workbook tables', () => {
    const e = miniEdition();
    const r = editionFromRows(throughTables(editionToRows(e)));
    expect(r.ok && r.edition).toEqual(e);
  });

  it('documents every sheet and column in Chinese', () => {
    expect(EDITION_SHEETS.map((s) => s.name)).toEqual([
      '版本信息',
      '维保内容',
      '检查提示',
      '检测项',
      '单项判定规则',
    ]);
    for (const s of EDITION_SHEETS) for (const c of s.columns) expect(c.header).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('reads Excel-style cells: Chinese periods, numeric strings, dates, percent shares', () => {
    const rows = editionToRows(miniEdition());
    rows.info.effectiveDate = new Date(Date.UTC(2020, 0, 1));
    rows.maintenance[0]!.period = '每月';
    rows.testing.find((t) => t.itemId === 'A.10.1.2')!.max = '0.5';
    rows.rules.push({
      singleItemCode: 'A.8',
      aMax: 0,
      bMax: 2,
      bcSharePercent: 5,
      sourceStandard: 'GB 50166-2019',
      confidence: 'H',
    });
    const r = editionFromRows(rows);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.edition.effectiveDate).toBe('2020-01-01');
    expect(r.edition.testing[0]!.rule).toMatchObject({
      aMax: 0,
      bMax: 2,
      cMax: null,
      bcMax: null,
      bcShareMax: 0.05,
    });
    expect(r.edition.testing[1]!.subItems[0]!.items[1]!.measured).toEqual({
      quantity: '压力',
      unit: 'MPa',
      min: 0.1,
      max: 0.5,
    });
  });

  it('names sheet, row and column for bad cells', () => {
    const rows = editionToRows(miniEdition());
    rows.maintenance[2]!.period = '每周';
    rows.maintenance[1]!.systemName = '消防供电';
    rows.testing[0]!.class = 'E';
    rows.testing[1]!.min = 'abc';
    rows.prompts[0]!.lineId = 'M.99';
    rows.rules.shift();
    const r = editionFromRows(rows);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => `${e.location}：${e.message}`)).toEqual([
      '工作表“维保内容”第3行“系统名称”列：系统编号“M.01”在前面的行中写作“消防供电配电”，此处为“消防供电”，应一致',
      '工作表“维保内容”第4行“周期”列：应为 月、季 或 年，实际为“每周”',
      '工作表“检查提示”第2行“内容编号”列：内容编号“M.99”在“维保内容”表中不存在',
      '工作表“检测项”第2行“类别”列：应为 A、B 或 C，实际为“E”',
      '工作表“检测项”第3行“下限”列：应为数字，实际为“abc”',
      '工作表“单项判定规则”：缺少单项编号为“默认”的规则行',
    ]);
  });

  it('reports required cells, unknown rule targets and duplicate rules', () => {
    const rows = editionToRows(miniEdition());
    rows.testing[0]!.method = '';
    rows.rules.push({ singleItemCode: 'A.99', aMax: 0, sourceStandard: 'x', confidence: 'H' });
    rows.rules.push({ singleItemCode: 'A.16', aMax: 0, sourceStandard: 'x', confidence: 'H' });
    const r = editionFromRows(rows);
    expect(!r.ok && r.errors.map((e) => e.message)).toEqual([
      '不能为空',
      '单项编号“A.99”在“检测项”表中不存在',
      '单项“A.16”的判定规则重复',
    ]);
  });

  it('validates the built edition with the schema and lint rules', () => {
    const rows = editionToRows(miniEdition());
    rows.testing[1]!.itemId = 'A.8.1.1';
    const r = editionFromRows(rows);
    expect(!r.ok && r.errors[0]!.message).toContain('重复');
  });
});

describe('rowsFromTable', () => {
  it('maps Chinese headers, skips blank rows and refuses unknown or missing columns', () => {
    const ok = rowsFromTable('prompts', [
      ['内容编号', '提示编号', '提示内容', '选项'],
      ['M.01.01.a', 'p1', '是否正常', '正常/不正常'],
      [null, '', undefined, ' '],
    ]);
    expect(ok).toEqual({
      rows: [{ lineId: 'M.01.01.a', promptId: 'p1', text: '是否正常', options: '正常/不正常' }],
      errors: [],
    });
    const bad = rowsFromTable('prompts', [['内容编号', '提示', '选项', '备注']]);
    expect(bad.errors.map((e) => e.message)).toEqual([
      '不认识的列“提示”',
      '不认识的列“备注”',
      '缺少必填列“提示编号”',
      '缺少必填列“提示内容”',
    ]);
  });
});
