import { describe, expect, it } from 'vitest';
import { diffEditions, formatEditionDiff } from '../../src/catalog/edition-diff';
import { WATER_SMOKE_FOAM_RULE } from '../../src/judgment/single-item-rules';
import { miniEdition } from '../fixtures/mini-edition';

describe('diffEditions', () => {
  it('finds nothing between equal editions', () => {
    const d = diffEditions(miniEdition(), miniEdition());
    expect(d.changes).toEqual([]);
    expect(formatEditionDiff(d)).toBe('MINI-2020 → MINI-2020：新增0处，删除0处，修改0处');
  });

  it('describes added, removed and changed lines and items in Chinese', () => {
    const prev = miniEdition();
    const next = miniEdition();
    next.id = 'MINI-2024';
    next.effectiveDate = '2024-01-01';
    const facility = next.maintenance[0]!.categories[0]!.facilities[0]!;
    facility.lines[1]!.period = 'month';
    facility.lines.push({
      ...facility.lines[0]!,
      id: 'M.01.01.c',
      letter: 'c',
      text: '清洁',
      period: 'year',
    });
    next.testing[0]!.subItems[0]!.items[2]!.class = 'B';
    next.testing[0]!.subItems[0]!.items.pop();
    next.testing[1]!.rule = WATER_SMOKE_FOAM_RULE;

    // Changed and removed nodes come in the previous edition's order, added ones after them.
    const d = diffEditions(prev, next);
    const text = formatEditionDiff(d);
    expect(d.counts).toEqual({ added: 1, removed: 1, changed: 4 });
    expect(text.split('\n')).toEqual([
      'MINI-2020 → MINI-2024：新增1处，删除1处，修改4处',
      '修改 版本「版本信息」：生效日期 由“2020-01-01”改为“2024-01-01”',
      '修改 维保内容 M.01.01.b「b. 试验主、备电切换功能」：周期 由“季”改为“月”',
      '修改 检测项 A.8.1.3「消防电话通话质量」：类别 由“C”改为“B”',
      '删除 检测项 A.8.1.5「运行至首层时间」（A.8消防电梯›消防电梯）',
      '修改 检测单项 A.10「消防给水」：单项判定规则 由“（采用默认规则）”改为“A=0，B≤2，B+C≤6”',
      '新增 维保内容 M.01.01.c「c. 清洁」（消防供电配电›消防配电柜（箱），周期年）',
    ]);
    const changed = d.changes.find((c) => c.id === 'M.01.01.b')!;
    expect(changed.fieldChanges).toEqual([{ field: 'period', label: '周期', before: '季', after: '月' }]);
  });
});
