import { describe, expect, it } from 'vitest';
import { lintEdition } from '../../src/catalog/lint';
import { miniEdition } from '../fixtures/mini-edition';

const paths = (e: ReturnType<typeof miniEdition>) => lintEdition(e).map((p) => p.path);

describe('lintEdition', () => {
  it('finds no problem in a valid edition', () => {
    expect(lintEdition(miniEdition())).toEqual([]);
  });

  it('requires a source, a period and non-empty texts on every content line', () => {
    const e = miniEdition();
    const line = e.maintenance[0]!.categories[0]!.facilities[0]!.lines[1]!;
    line.period = 'week' as never;
    line.text = ' ';
    line.source = { standard: '', confidence: 'X' as never };
    line.prompts[0]!.options = [];
    line.prompts[0]!.text = '';
    const problems = lintEdition(e);
    const base = 'maintenance[0].categories[0].facilities[0].lines[1]';
    expect(problems.map((p) => p.path)).toEqual([
      `${base}.text`,
      `${base}.period`,
      `${base}.source.standard`,
      `${base}.source.confidence`,
      `${base}.prompts[0].text`,
      `${base}.prompts[0].options`,
      `${base}.prompts[0].conformingOption`,
    ]);
    expect(problems[1]!.message).toContain('周期');
    expect(problems[1]!.location).toBe(
      '维保系统“M.01 消防供电配电”›分类“M.01.C0 无分类”›设施“M.01.01 消防配电柜（箱）”›维保内容“M.01.01.b  ”›周期',
    );
  });

  it('requires unique ids across the whole edition', () => {
    const e = miniEdition();
    e.testing[1]!.subItems[0]!.items[0]!.id = 'A.8.1.1';
    e.maintenance[1]!.categories[0]!.facilities[0]!.id = 'M.01.01';
    const problems = lintEdition(e);
    expect(problems).toHaveLength(2);
    expect(problems[0]!.message).toContain('编号“M.01.01”重复');
    expect(problems[1]).toMatchObject({ path: 'testing[1].subItems[0].items[0].id' });
    expect(problems[1]!.message).toContain('testing[0].subItems[0].items[0].id');
  });

  it('checks classes, sources and measured limits of test items', () => {
    const e = miniEdition();
    const items = e.testing[1]!.subItems[0]!.items;
    items[0]!.class = 'D' as never;
    items[1]!.measured = { quantity: '压力', unit: '', min: 0.5, max: 0.1 };
    items[0]!.source = undefined as never;
    expect(paths(e)).toEqual([
      'testing[1].subItems[0].items[0].class',
      'testing[1].subItems[0].items[0].source',
      'testing[1].subItems[0].items[1].measured.unit',
      'testing[1].subItems[0].items[1].measured.min',
    ]);
    items[1]!.measured = { quantity: '压力', unit: 'MPa' };
    expect(paths(e)).toContain('testing[1].subItems[0].items[1].measured');
  });

  it('checks single-item rules and system references', () => {
    const e = miniEdition();
    e.testing[0]!.systems = ['消防电梯', '消防飞艇'];
    e.testing[2]!.rule = { ...e.testing[2]!.rule!, bMax: -1 as never, bcShareMax: 5 };
    expect(paths(e)).toEqual(['testing[0].systems[1]', 'testing[2].rule.bMax', 'testing[2].rule.bcShareMax']);
  });

  it('reports empty catalogs, empty facilities and duplicate options', () => {
    const e = miniEdition();
    e.maintenance[2]!.categories[0]!.facilities[0]!.lines = [];
    e.maintenance[1]!.categories[0]!.facilities[0]!.lines[0]!.prompts[0]!.options = ['正常', '正常'];
    expect(paths(e)).toEqual([
      'maintenance[1].categories[0].facilities[0].lines[0].prompts[0].options',
      'maintenance[2].categories[0].facilities[0].lines',
    ]);
    expect(paths({ ...miniEdition(), maintenance: [], testing: [] })).toEqual(['maintenance', 'testing']);
  });
});
