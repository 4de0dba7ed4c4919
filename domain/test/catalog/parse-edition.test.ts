import { describe, expect, it } from 'vitest';
import { formatEditionErrors, parseEdition } from '../../src/catalog/parse-edition';
import { miniEdition } from '../fixtures/mini-edition';

describe('parseEdition', () => {
  it('accepts a valid edition as JSON text or value', () => {
    const e = miniEdition();
    const r = parseEdition(JSON.stringify(e));
    expect(r.ok).toBe(true);
    expect(r.ok && r.edition).toEqual(e);
    expect(parseEdition(e).ok).toBe(true);
  });

  it('refuses broken JSON', () => {
    const r = parseEdition('{"id":');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]!.message).toContain('不是有效的JSON');
  });

  it('names the path and the rule in Chinese', () => {
    const e = miniEdition() as unknown as Record<string, any>;
    e.effectiveDate = '2020-02-30';
    e.maintenance[0].categories[0].facilities[0].lines[0].period = '每周';
    e.testing[0].subItems[0].items[1].class = 'D';
    e.testing[0].subItems[0].items[4].measured = { quantity: '时间', unit: 's', min: 70, max: 60 };
    e.maintenance[0].peroid = 'month';
    const r = parseEdition(e);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byPath = Object.fromEntries(r.errors.map((x) => [x.path, x]));
    expect(byPath['effectiveDate']!.message).toBe('生效日期应为有效的YYYY-MM-DD日期');
    expect(byPath['maintenance[0].categories[0].facilities[0].lines[0].period']).toMatchObject({
      message: '周期应为 month、quarter 或 year（月、季、年）',
      location:
        '维保系统“M.01 消防供电配电”›分类“M.01.C0 无分类”›设施“M.01.01 消防配电柜（箱）”›维保内容“M.01.01.a 状态、标志”›周期',
    });
    expect(byPath['testing[0].subItems[0].items[1].class']!.message).toBe('类别应为 A、B 或 C');
    expect(byPath['testing[0].subItems[0].items[4].measured.min']!.message).toBe('下限不能大于上限');
    expect(byPath['maintenance[0]']!.message).toBe('维保系统含有不认识的字段：peroid');
    expect(formatEditionErrors(r.errors)).toContain(
      '检测单项“A.8 消防电梯”›子项“A.8.1 消防电梯”›检测项“A.8.1.2 应急操作功能”›类别：类别应为 A、B 或 C',
    );
  });

  it('runs the lint rules after the shape is right', () => {
    const e = miniEdition();
    e.testing[2]!.subItems[0]!.id = 'A.10.1';
    const r = parseEdition(e);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([
      expect.objectContaining({
        path: 'testing[2].subItems[0].id',
        message: expect.stringContaining('重复'),
      }),
    ]);
  });
});
