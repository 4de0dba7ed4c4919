import { describe, expect, it } from 'vitest';
import { testingSingleItems } from '../src/catalog/editions/gb25201-2010-jing/testing';
import { lintEdition } from '../src/catalog/lint';
import { MANUAL_MAINTENANCE_SCOPE } from './fixtures/manual-lists';
import type { StandardEdition, TestItem } from '../src/catalog/types';

/** A.1–A.15 exactly as printed in the manual's sample testing report. */
const MANUAL_SINGLE_ITEMS = [
  ['A.1', '消防应急照明和疏散指示系统'],
  ['A.2', '消防应急广播系统'],
  ['A.3', '消防专用电话系统'],
  ['A.4', '电气火灾监控系统'],
  ['A.5', '消防设备电源监控系统'],
  ['A.6', '独立式感烟探测器'],
  ['A.7', '防火分隔设施'],
  ['A.8', '消防电梯'],
  ['A.9', '消防救援窗口'],
  ['A.10', '消防给水'],
  ['A.11', '消火栓系统'],
  ['A.12', '自动喷水灭火系统'],
  ['A.13', '水喷雾灭火系统'],
  ['A.14', '细水雾灭火系统'],
  ['A.15', '消防炮'],
];

const allItems = (): TestItem[] => testingSingleItems.flatMap((s) => s.subItems.flatMap((b) => b.items));

describe('testing catalog (GB 25201-2010 + 北京检测评定)', () => {
  it('starts with A.1–A.15 in the manual order with the exact names', () => {
    const head = testingSingleItems.slice(0, 15).map((s) => [s.code, s.name]);
    expect(head).toEqual(MANUAL_SINGLE_ITEMS);
  });

  it('continues the codes A.16… without gaps', () => {
    testingSingleItems.forEach((s, i) => expect(s.code).toBe(`A.${i + 1}`));
    expect(testingSingleItems.length).toBeGreaterThan(15);
  });

  it('gives every test item, sub-item and single item a unique id that encodes its position', () => {
    const ids = new Set<string>();
    for (const single of testingSingleItems) {
      expect(ids.has(single.code)).toBe(false);
      ids.add(single.code);
      single.subItems.forEach((sub, bi) => {
        expect(sub.id).toBe(`${single.code}.${bi + 1}`);
        expect(ids.has(sub.id)).toBe(false);
        ids.add(sub.id);
        sub.items.forEach((item, ii) => {
          expect(item.id).toBe(`${sub.id}.${ii + 1}`);
          expect(ids.has(item.id)).toBe(false);
          ids.add(item.id);
        });
      });
    }
  });

  it('fills class, method, requirement and source on every item', () => {
    for (const item of allItems()) {
      expect(['A', 'B', 'C'], item.id).toContain(item.class);
      expect(item.name.trim(), item.id).not.toBe('');
      expect(item.method.trim(), item.id).not.toBe('');
      expect(item.requirement.trim(), item.id).not.toBe('');
      expect(item.source.standard.trim(), item.id).not.toBe('');
      expect(['H', 'M', 'L'], item.id).toContain(item.source.confidence);
      // Every line must say whether its class is inferred or fixed by a national clause.
      expect(item.source.note ?? '', item.id).toMatch(/DB11\/T 类别未核实/);
    }
  });

  it('marks inferred classes L and keeps H/M only where a national clause fixes the class', () => {
    for (const item of allItems()) {
      const inferred = /类别为推定/.test(item.source.note ?? '');
      if (inferred) expect(item.source.confidence, item.id).toBe('L');
      else expect(item.source.note, item.id).toMatch(/类别依据/);
    }
  });

  it('has consistent measured limits', () => {
    const measured = allItems().filter((i) => i.measured);
    expect(measured.length).toBeGreaterThan(40);
    for (const { id, measured: m } of measured) {
      expect(m!.quantity.trim(), id).not.toBe('');
      expect(m!.unit.trim(), id).not.toBe('');
      expect(m!.min !== undefined || m!.max !== undefined, id).toBe(true);
      if (m!.min !== undefined && m!.max !== undefined) expect(m!.min, id).toBeLessThanOrEqual(m!.max);
    }
  });

  it('carries the key figures from the standards', () => {
    const find = (single: string, name: string) =>
      testingSingleItems
        .find((s) => s.name === single)!
        .subItems.flatMap((b) => b.items)
        .find((i) => i.name === name)!;
    expect(find('消防供配电设施', '自动启动及供电时间').measured).toEqual({
      quantity: '自动启动至供电时间',
      unit: 's',
      max: 30,
    });
    expect(find('消防电梯', '首层至顶层运行时间').measured?.max).toBe(60);
    expect(find('消防应急照明和疏散指示系统', '地面最低水平照度（疏散走道）').measured?.min).toBe(1.0);
    expect(find('消防应急照明和疏散指示系统', '持续应急工作时间（其他建筑）').measured).toMatchObject({
      unit: 'min',
      min: 30,
    });
    expect(find('消火栓系统', '栓口动压上限').measured?.max).toBe(0.5);
    expect(find('自动喷水灭火系统', '末端试水压力').measured?.min).toBe(0.05);
    expect(find('机械加压送风系统', '楼梯间余压').measured).toMatchObject({ min: 40, max: 50 });
    expect(find('机械加压送风系统', '前室余压').measured).toMatchObject({ min: 25, max: 30 });
    expect(find('机械排烟系统', '排烟口风速').measured?.max).toBe(10);
  });

  it('gives A.8 消防电梯 at least the six items the sample report counts', () => {
    const a8 = testingSingleItems.find((s) => s.code === 'A.8')!;
    expect(a8.subItems.flatMap((b) => b.items).length).toBeGreaterThanOrEqual(6);
  });

  it('gives large systems a realistic number of items', () => {
    const count = (name: string) =>
      testingSingleItems.find((s) => s.name === name)!.subItems.flatMap((b) => b.items).length;
    expect(count('火灾自动报警系统')).toBeGreaterThanOrEqual(15);
    expect(count('自动喷水灭火系统')).toBeGreaterThanOrEqual(15);
  });

  it('maps single items only to maintenance scope names of the manual, and every scope name except 其他 is covered', () => {
    const covered = new Set<string>();
    for (const single of testingSingleItems) {
      expect(single.systems.length, single.code).toBeGreaterThan(0);
      for (const name of single.systems) {
        expect(MANUAL_MAINTENANCE_SCOPE, `${single.code} ${name}`).toContain(name);
        covered.add(name);
      }
    }
    expect(MANUAL_MAINTENANCE_SCOPE.filter((n) => !covered.has(n))).toEqual([]);
  });

  it('leaves A.1–A.15 on the report-header default and sources every rule it sets', () => {
    testingSingleItems.slice(0, 15).forEach((s) => expect(s.rule, s.code).toBeUndefined());
    const extinguisher = testingSingleItems.find((s) => s.name === '灭火器')!;
    expect(extinguisher.rule).toMatchObject({ aMax: 0, bMax: 1, cMax: null, bcMax: 4, bcShareMax: null });
    for (const s of testingSingleItems.filter((x) => x.rule)) {
      expect(s.rule!.source.standard.trim(), s.code).not.toBe('');
      expect(s.rule!.source.note ?? '', s.code).toMatch(/DB11\/T/);
    }
  });

  it('passes the edition lint for its testing part', () => {
    // A minimal maintenance tree with the 21 scope names lets lint check the systems references.
    const edition: StandardEdition = {
      id: 'test',
      title: '检测目录校验',
      effectiveDate: '2011-03-01',
      sources: ['GB 25201-2010'],
      maintenance: MANUAL_MAINTENANCE_SCOPE.map((name, i) => ({
        id: `M.${i + 1}`,
        name,
        categories: [],
      })),
      testing: testingSingleItems,
      defaultSingleItemRule: {
        aMax: 0,
        bMax: 2,
        cMax: 4,
        bcMax: null,
        bcShareMax: null,
        source: { standard: '培训手册', confidence: 'M' },
      },
    };
    const testingProblems = lintEdition(edition).filter((p) => p.path.startsWith('testing'));
    expect(testingProblems).toEqual([]);
  });
});
