import { describe, expect, it } from 'vitest';
import { maintenanceSystemSchema } from '../src/catalog/edition-schema';
import { FINAL_PROMPT_TEXT, maintenanceSystems } from '../src/catalog/editions/gb25201-2010-jing/maintenance';
import { lintEdition } from '../src/catalog/lint';
import { DEFAULT_SINGLE_ITEM_RULE } from '../src/judgment/single-item-rules';
import { MANUAL_MAINTENANCE_SCOPE } from './fixtures/manual-lists';
import type { MaintenanceContentLine, MaintenanceSystem } from '../src/catalog/types';

/** standards.md §1.2: the GB 25201 18-system code each manual system maps to (none for the last three). */
const GB25201_CODES: Record<string, string | undefined> = {
  消防供电配电: '01',
  火灾报警系统: '02',
  电气火灾监控系统: '03',
  消防供水设施: '05',
  '消火栓（自动寻的灭火装置）灭火系统': '06',
  自动喷水灭火系统: '07',
  泡沫灭火系统: '08',
  气体灭火系统: '09',
  机械加压送风系统: '10',
  机械排烟系统: '10',
  应急照明和疏散指示系统: '11',
  应急广播系统: '12',
  消防专用电话: '13',
  防火分隔: '14',
  消防电梯: '15',
  细水雾灭火系统: '16',
  干粉灭火系统: '17',
  灭火器: '18',
  水喷雾灭火系统: undefined,
  探火管灭火装置: undefined,
  其他消防设施: undefined,
};

const system = (name: string): MaintenanceSystem => {
  const found = maintenanceSystems.find((s) => s.name === name);
  if (!found) throw new Error(`缺少系统 ${name}`);
  return found;
};
const category = (systemName: string, categoryName: string) => {
  const found = system(systemName).categories.find((c) => c.name === categoryName);
  if (!found) throw new Error(`缺少分类 ${systemName} › ${categoryName}`);
  return found;
};
const facility = (systemName: string, categoryName: string, facilityName: string) => {
  const found = category(systemName, categoryName).facilities.find((f) => f.name === facilityName);
  if (!found) throw new Error(`缺少设施 ${facilityName}`);
  return found;
};
const lineOf = (systemName: string, categoryName: string, facilityName: string, letter: string) => {
  const found = facility(systemName, categoryName, facilityName).lines.find((l) => l.letter === letter);
  if (!found) throw new Error(`缺少维保内容 ${facilityName} ${letter}`);
  return found;
};
const allLines = (): { system: MaintenanceSystem; line: MaintenanceContentLine }[] =>
  maintenanceSystems.flatMap((s) =>
    s.categories.flatMap((c) => c.facilities.flatMap((f) => f.lines.map((line) => ({ system: s, line })))),
  );

describe('维保内容目录（GB 25201-2010 体例）', () => {
  it('按手册维护保养项目范围的顺序和名称列出21个系统，编号 M.01–M.21', () => {
    expect(maintenanceSystems.map((s) => s.name)).toEqual(MANUAL_MAINTENANCE_SCOPE);
    expect(maintenanceSystems.map((s) => s.id)).toEqual(
      MANUAL_MAINTENANCE_SCOPE.map((_, i) => `M.${String(i + 1).padStart(2, '0')}`),
    );
  });

  it('每个系统的 GB 25201 编号与 standards.md §1.2 对照表一致', () => {
    for (const s of maintenanceSystems)
      expect([s.name, s.gb25201Code]).toEqual([s.name, GB25201_CODES[s.name]]);
  });

  it('消防供电配电 › 无分类 下的设施与手册一致', () => {
    expect(system('消防供电配电').categories.map((c) => c.name)).toEqual(['无分类']);
    expect(category('消防供电配电', '无分类').facilities.map((f) => f.name)).toEqual([
      '消防配电柜（箱）',
      '消防用电设备最末一级配电箱',
      '自备发电机组',
      'EPS应急电源',
    ]);
  });

  it('火灾报警系统 › 控制中心报警系统 下的设施与手册一致，控制器类产品为第二个分类', () => {
    expect(system('火灾报警系统').categories.map((c) => c.name)).toEqual([
      '控制中心报警系统',
      '控制器类产品',
    ]);
    expect(category('火灾报警系统', '控制中心报警系统').facilities.map((f) => f.name)).toEqual([
      '报警控制器',
      '火灾探测器',
      '手动报警按钮',
      '火灾声光警报装置',
      '消防联动控制器',
      '吸气式感烟火灾探测器',
      '可燃气体探测器',
    ]);
  });

  it('最末一级配电箱的 a、b 两条维保内容与手册原文一致', () => {
    expect(lineOf('消防供电配电', '无分类', '消防用电设备最末一级配电箱', 'a').text).toBe('状态、标志');
    expect(lineOf('消防供电配电', '无分类', '消防用电设备最末一级配电箱', 'b').text).toBe(
      '试验主、备电自动切换功能',
    );
  });

  it('报警控制器 b 条的内容和检查提示与手册截图一致', () => {
    const b = lineOf('火灾报警系统', '控制中心报警系统', '报警控制器', 'b');
    expect(b.id).toBe('M.02.1.01.b');
    expect(b.text).toBe('试验电源部分主、备电源切换功能，和备用电源充、放电功能');
    expect(
      b.prompts.map(({ text, options, conformingOption }) => ({ text, options, conformingOption })),
    ).toEqual([
      { text: '关闭主电源，备电能否自动投入', options: ['能', '不能'], conformingOption: '能' },
      { text: '显示状态及指示灯点亮', options: ['正常', '不正常'], conformingOption: '正常' },
      { text: '测试结果是否符合测试要求', options: ['符合', '不符合'], conformingOption: '符合' },
    ]);
  });

  it('每条维保内容都以“测试结果是否符合测试要求（符合/不符合）”结尾', () => {
    for (const { line } of allLines()) {
      const last = line.prompts.at(-1);
      expect([line.id, last?.text, last?.options, last?.conformingOption]).toEqual([
        line.id,
        FINAL_PROMPT_TEXT,
        ['符合', '不符合'],
        '符合',
      ]);
    }
  });

  it('所有编号在全文件内唯一，且逐级以上级编号为前缀', () => {
    const ids: string[] = [];
    for (const s of maintenanceSystems) {
      ids.push(s.id);
      for (const c of s.categories) {
        expect(c.id).toMatch(new RegExp(`^${s.id.replace('.', '\\.')}\\.\\d$`));
        ids.push(c.id);
        for (const f of c.facilities) {
          expect(f.id.startsWith(`${c.id}.`)).toBe(true);
          expect(f.id).toMatch(/^M\.\d{2}\.\d\.\d{2}$/);
          ids.push(f.id);
          for (const l of f.lines) {
            expect(l.id).toBe(`${f.id}.${l.letter}`);
            ids.push(l.id, ...l.prompts.map((p) => p.id));
          }
        }
      }
    }
    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(duplicates).toEqual([]);
  });

  it('无分类的编号为 .0，具名分类从 .1 起', () => {
    for (const s of maintenanceSystems) {
      for (const c of s.categories) expect(c.name === '无分类').toBe(c.id.endsWith('.0'));
    }
  });

  it('每个设施的序号字母从 a 起连续', () => {
    for (const s of maintenanceSystems) {
      for (const c of s.categories) {
        for (const f of c.facilities) {
          const expected = f.lines.map((_, i) => String.fromCharCode(97 + i));
          expect([f.name, f.lines.map((l) => l.letter)]).toEqual([f.name, expected]);
        }
      }
    }
  });

  it('每条内容都有周期、合格标准、依据和带选项的检查提示', () => {
    for (const { line } of allLines()) {
      expect(['month', 'quarter', 'year']).toContain(line.period);
      expect(line.text.trim()).not.toBe('');
      expect(line.conformityStandard.trim()).not.toBe('');
      expect(line.source.standard.trim()).not.toBe('');
      expect(['H', 'M', 'L']).toContain(line.source.confidence);
      // The final prompt alone is not enough: each line asks at least one real check question.
      expect(line.prompts.length).toBeGreaterThanOrEqual(2);
      for (const p of line.prompts) {
        expect(p.text.trim()).not.toBe('');
        expect(p.options.length).toBeGreaterThanOrEqual(2);
        for (const o of p.options) expect(o.trim()).not.toBe('');
        expect(new Set(p.options).size).toBe(p.options.length);
        expect(p.options).toContain(p.conformingOption);
      }
    }
  });

  it('L/M 可信度的内容都写明了依据说明', () => {
    for (const { line } of allLines()) {
      if (line.source.confidence !== 'H')
        expect([line.id, (line.source.note ?? '').length > 0]).toEqual([line.id, true]);
    }
  });

  it('每个系统至少有2条维保内容，且月、季、年周期都有使用', () => {
    for (const s of maintenanceSystems) {
      const count = s.categories.flatMap((c) => c.facilities.flatMap((f) => f.lines)).length;
      expect([s.name, count >= 2]).toEqual([s.name, true]);
    }
    const periods = new Set(allLines().map(({ line }) => line.period));
    expect([...periods].sort()).toEqual(['month', 'quarter', 'year']);
  });

  it('通过版本结构校验（严格字段）和目录检查，没有任何维保部分的问题', () => {
    for (const s of maintenanceSystems) {
      const parsed = maintenanceSystemSchema.safeParse(s);
      expect([s.id, parsed.success ? 'ok' : parsed.error.issues[0]?.message]).toEqual([s.id, 'ok']);
    }
    const problems = lintEdition({
      id: 'maintenance-only',
      title: '维保目录检查',
      effectiveDate: '2011-03-01',
      sources: ['GB 25201-2010'],
      maintenance: maintenanceSystems,
      testing: [],
      defaultSingleItemRule: DEFAULT_SINGLE_ITEM_RULE,
    }).filter((p) => p.path.startsWith('maintenance'));
    expect(problems).toEqual([]);
  });

  it('手册示例之外的几条典型周期符合标准通行做法', () => {
    expect(lineOf('消防供水设施', '无分类', '消防水泵及控制柜', 'a').period).toBe('month');
    expect(lineOf('自动喷水灭火系统', '无分类', '水流指示器', 'a').period).toBe('quarter');
    expect(lineOf('自动喷水灭火系统', '无分类', '系统联动功能', 'a').period).toBe('year');
    expect(lineOf('火灾报警系统', '控制中心报警系统', '报警控制器', 'b').period).toBe('quarter');
  });
});
