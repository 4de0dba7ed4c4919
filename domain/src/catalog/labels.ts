import type { Confidence, ItemClass, MaintenancePeriod } from './types';

/** Chinese names of catalog fields, used in validation errors, lint problems and diffs. */
export const FIELD_LABELS: Record<string, string> = {
  id: '编号',
  code: '编号',
  title: '标题',
  effectiveDate: '生效日期',
  sources: '依据标准',
  maintenance: '维保系统',
  testing: '检测单项',
  defaultSingleItemRule: '默认单项判定规则',
  name: '名称',
  gb25201Code: 'GB 25201 系统编号',
  categories: '分类',
  facilities: '设施',
  lines: '维保内容',
  letter: '序号字母',
  text: '内容',
  period: '周期',
  prompts: '检查提示',
  options: '选项',
  conformingOption: '符合选项',
  conformityStandard: '合格标准',
  source: '依据',
  standard: '标准',
  clause: '条款',
  confidence: '可信度',
  note: '说明',
  systems: '对应维保系统',
  rule: '单项判定规则',
  subItems: '子项',
  items: '检测项',
  class: '类别',
  method: '检测方法',
  requirement: '技术要求',
  measured: '测量要求',
  quantity: '测量量',
  unit: '单位',
  min: '下限',
  max: '上限',
  aMax: 'A类上限',
  bMax: 'B类上限',
  cMax: 'C类上限',
  bcMax: 'B+C上限',
  bcShareMax: 'B+C占比上限',
};

export const PERIOD_LABELS: Record<MaintenancePeriod, string> = { month: '月', quarter: '季', year: '年' };

/** Accepts `month`/`quarter`/`year` or 月/季/年 (also 每月、季度、年度 as printed in plan tables). */
export function parsePeriod(value: string): MaintenancePeriod | undefined {
  const v = value.trim();
  if (v === 'month' || v === 'quarter' || v === 'year') return v;
  if (['月', '每月', '月度'].includes(v)) return 'month';
  if (['季', '每季', '每季度', '季度'].includes(v)) return 'quarter';
  if (['年', '每年', '年度'].includes(v)) return 'year';
  return undefined;
}

export const CONFIDENCES: readonly Confidence[] = ['H', 'M', 'L'];
export const ITEM_CLASSES: readonly ItemClass[] = ['A', 'B', 'C'];

/** The kind of node an array key holds, for readable locations. */
export const NODE_LABELS: Record<string, string> = {
  maintenance: '维保系统',
  categories: '分类',
  facilities: '设施',
  lines: '维保内容',
  prompts: '检查提示',
  testing: '检测单项',
  subItems: '子项',
  items: '检测项',
  sources: '依据标准',
  options: '选项',
  systems: '对应维保系统',
};

/**
 * Turn a path such as `["maintenance",0,"categories",1,"name"]` into
 * `维保系统“消防供电配电”›分类“无分类”›名称`, reading names from the value where it has them.
 */
export function describePath(root: unknown, path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  let node: unknown = root;
  let arrayKey: string | undefined;
  for (const key of path) {
    if (typeof key === 'number') {
      const el = Array.isArray(node) ? node[key] : undefined;
      const label = (arrayKey && NODE_LABELS[arrayKey]) ?? '';
      const name = nodeName(el);
      parts.push(name ? `${label}“${name}”` : `${label}第${key + 1}项`);
      node = el;
      arrayKey = undefined;
    } else {
      const k = String(key);
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[k] : undefined;
      if (Array.isArray(node)) arrayKey = k;
      else parts.push(FIELD_LABELS[k] ?? k);
    }
  }
  if (arrayKey) parts.push(NODE_LABELS[arrayKey] ?? arrayKey);
  return parts.join('›') || '版本';
}

function nodeName(el: unknown): string | undefined {
  if (typeof el === 'string') return el;
  if (!el || typeof el !== 'object') return undefined;
  const o = el as Record<string, unknown>;
  const id = typeof o.id === 'string' ? o.id : typeof o.code === 'string' ? o.code : undefined;
  const name = typeof o.name === 'string' ? o.name : typeof o.text === 'string' ? o.text : undefined;
  if (id && name) return `${id} ${name.length > 20 ? name.slice(0, 20) + '…' : name}`;
  return id ?? name;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`))
    .join('');
}
