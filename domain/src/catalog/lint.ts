import { isValidDate } from '../rules/dates';
import { CONFIDENCES, describePath, formatPath, ITEM_CLASSES } from './labels';
import type { MeasuredLimit, SingleItemRule, SourceRef, StandardEdition } from './types';

export interface LintProblem {
  /** Machine path, e.g. `maintenance[0].categories[0].facilities[1].lines[2].period`. */
  path: string;
  /** Chinese location, e.g. `维保系统“M.01 消防供电配电”›…›周期`. */
  location: string;
  message: string;
}

type Path = (string | number)[];

const blank = (v: unknown) => typeof v !== 'string' || v.trim() === '';

/**
 * Checks a catalog edition for problems a schema cannot see: sources, periods, classes, unique ids
 * across the whole edition (prompt ids only within their content line), non-empty texts and options,
 * consistent measured limits, and single items that name maintenance systems the edition lacks.
 */
export function lintEdition(edition: StandardEdition): LintProblem[] {
  const problems: LintProblem[] = [];
  const add = (path: Path, message: string) =>
    problems.push({ path: formatPath(path), location: describePath(edition, path), message });
  const requireText = (value: unknown, path: Path, label: string) => {
    if (blank(value)) add(path, `${label}不能为空`);
  };
  const seenIds = new Map<string, string>();
  const requireUniqueId = (id: unknown, path: Path, label: string) => {
    if (blank(id)) return add(path, `${label}不能为空`);
    const where = formatPath(path);
    const first = seenIds.get(id as string);
    if (first) add(path, `编号“${id as string}”重复，已在 ${first} 使用；同一版本内编号必须唯一`);
    else seenIds.set(id as string, where);
  };
  const checkSource = (source: SourceRef | undefined, path: Path) => {
    if (!source || typeof source !== 'object')
      return add([...path, 'source'], '缺少依据（标准、条款、可信度）');
    requireText(source.standard, [...path, 'source', 'standard'], '依据标准');
    if (!CONFIDENCES.includes(source.confidence))
      add([...path, 'source', 'confidence'], '可信度应为 H、M 或 L');
  };

  requireText(edition.id, ['id'], '版本编号');
  requireText(edition.title, ['title'], '版本标题');
  if (!isValidDate(edition.effectiveDate)) add(['effectiveDate'], '生效日期应为有效的YYYY-MM-DD日期');
  if (!Array.isArray(edition.sources) || edition.sources.length === 0)
    add(['sources'], '至少需要一项依据标准');
  else edition.sources.forEach((s, i) => requireText(s, ['sources', i], '依据标准'));
  checkRule(edition.defaultSingleItemRule, ['defaultSingleItemRule'], add, checkSource);

  const maintenance = Array.isArray(edition.maintenance) ? edition.maintenance : [];
  if (maintenance.length === 0) add(['maintenance'], '维保系统不能为空');
  const systemNames = new Set<string>();
  maintenance.forEach((system, si) => {
    const sp: Path = ['maintenance', si];
    requireUniqueId(system.id, [...sp, 'id'], '系统编号');
    requireText(system.name, [...sp, 'name'], '系统名称');
    if (systemNames.has(system.name)) add([...sp, 'name'], `系统名称“${system.name}”重复`);
    systemNames.add(system.name);
    if (system.gb25201Code !== undefined && !/^(0[1-9]|1[0-8])$/.test(system.gb25201Code)) {
      add([...sp, 'gb25201Code'], 'GB 25201 系统编号应为01–18');
    }
    if (!system.categories?.length) add([...sp, 'categories'], '系统至少需要一个分类');
    system.categories?.forEach((category, ci) => {
      const cp: Path = [...sp, 'categories', ci];
      requireUniqueId(category.id, [...cp, 'id'], '分类编号');
      requireText(category.name, [...cp, 'name'], '分类名称');
      if (!category.facilities?.length) add([...cp, 'facilities'], '分类至少需要一个设施');
      category.facilities?.forEach((facility, fi) => {
        const fp: Path = [...cp, 'facilities', fi];
        requireUniqueId(facility.id, [...fp, 'id'], '设施编号');
        requireText(facility.name, [...fp, 'name'], '设施名称');
        if (!facility.lines?.length) add([...fp, 'lines'], '设施至少需要一条维保内容');
        facility.lines?.forEach((line, li) => {
          const lp: Path = [...fp, 'lines', li];
          requireUniqueId(line.id, [...lp, 'id'], '内容编号');
          requireText(line.letter, [...lp, 'letter'], '序号字母');
          requireText(line.text, [...lp, 'text'], '维保内容');
          requireText(line.conformityStandard, [...lp, 'conformityStandard'], '合格标准');
          if (!['month', 'quarter', 'year'].includes(line.period)) {
            add([...lp, 'period'], '周期应为 month、quarter 或 year（月、季、年）');
          }
          checkSource(line.source, lp);
          if (!Array.isArray(line.prompts)) add([...lp, 'prompts'], '检查提示应为列表');
          const promptIds = new Set<string>();
          line.prompts?.forEach((prompt, pi) => {
            const pp: Path = [...lp, 'prompts', pi];
            if (blank(prompt.id)) add([...pp, 'id'], '提示编号不能为空');
            else if (promptIds.has(prompt.id))
              add([...pp, 'id'], `提示编号“${prompt.id}”在本条维保内容中重复`);
            promptIds.add(prompt.id);
            requireText(prompt.text, [...pp, 'text'], '提示内容');
            if (!prompt.options?.length) add([...pp, 'options'], '选项不能为空');
            prompt.options?.forEach((o, oi) => requireText(o, [...pp, 'options', oi], '选项'));
            if (prompt.options && new Set(prompt.options).size !== prompt.options.length) {
              add([...pp, 'options'], '选项有重复');
            }
            if (prompt.conformingOption !== undefined && !prompt.options?.includes(prompt.conformingOption)) {
              add([...pp, 'conformingOption'], `符合选项“${prompt.conformingOption}”不在选项中`);
            }
          });
        });
      });
    });
  });

  const testing = Array.isArray(edition.testing) ? edition.testing : [];
  if (testing.length === 0) add(['testing'], '检测单项不能为空');
  testing.forEach((single, si) => {
    const sp: Path = ['testing', si];
    requireUniqueId(single.code, [...sp, 'code'], '单项编号');
    requireText(single.name, [...sp, 'name'], '单项名称');
    if (!Array.isArray(single.systems)) add([...sp, 'systems'], '对应维保系统应为列表');
    single.systems?.forEach((name, i) => {
      if (maintenance.length && !systemNames.has(name)) {
        add([...sp, 'systems', i], `对应维保系统“${name}”不是本版本的维保系统名称`);
      }
    });
    if (single.rule !== undefined) checkRule(single.rule, [...sp, 'rule'], add, checkSource);
    if (!single.subItems?.length) add([...sp, 'subItems'], '单项至少需要一个子项');
    single.subItems?.forEach((sub, bi) => {
      const bp: Path = [...sp, 'subItems', bi];
      requireUniqueId(sub.id, [...bp, 'id'], '子项编号');
      requireText(sub.name, [...bp, 'name'], '子项名称');
      if (!sub.items?.length) add([...bp, 'items'], '子项至少需要一个检测项');
      sub.items?.forEach((item, ii) => {
        const ip: Path = [...bp, 'items', ii];
        requireUniqueId(item.id, [...ip, 'id'], '检测项编号');
        requireText(item.name, [...ip, 'name'], '检测项名称');
        requireText(item.method, [...ip, 'method'], '检测方法');
        requireText(item.requirement, [...ip, 'requirement'], '技术要求');
        if (!ITEM_CLASSES.includes(item.class)) add([...ip, 'class'], '类别应为 A、B 或 C');
        checkSource(item.source, ip);
        if (item.measured !== undefined) checkMeasured(item.measured, [...ip, 'measured'], add);
      });
    });
  });
  return problems;
}

function checkMeasured(m: MeasuredLimit, path: Path, add: (p: Path, msg: string) => void) {
  if (blank(m.quantity)) add([...path, 'quantity'], '测量量不能为空');
  if (blank(m.unit)) add([...path, 'unit'], '测量单位不能为空');
  const bad = (v: unknown) => v !== undefined && (typeof v !== 'number' || !Number.isFinite(v));
  if (bad(m.min)) add([...path, 'min'], '下限必须是数字');
  if (bad(m.max)) add([...path, 'max'], '上限必须是数字');
  if (m.min === undefined && m.max === undefined) add(path, '测量要求至少需要下限或上限之一');
  if (typeof m.min === 'number' && typeof m.max === 'number' && m.min > m.max) {
    add([...path, 'min'], `下限${m.min}大于上限${m.max}`);
  }
}

function checkRule(
  rule: SingleItemRule | undefined,
  path: Path,
  add: (p: Path, msg: string) => void,
  checkSource: (s: SourceRef | undefined, p: Path) => void,
) {
  if (!rule || typeof rule !== 'object') return add(path, '缺少单项判定规则');
  const count = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  if (!count(rule.aMax)) add([...path, 'aMax'], 'A类上限应为不小于0的整数');
  for (const k of ['bMax', 'cMax', 'bcMax'] as const) {
    if (rule[k] !== null && !count(rule[k])) add([...path, k], '上限应为不小于0的整数或 null');
  }
  if (
    rule.bcShareMax !== null &&
    !(typeof rule.bcShareMax === 'number' && rule.bcShareMax > 0 && rule.bcShareMax < 1)
  ) {
    add([...path, 'bcShareMax'], 'B+C占比上限应在0与1之间（例如 0.05 表示5%）或为 null');
  }
  // A tolerated A failure raises the number of items checked, hence the B+C allowance: one more
  // failure could then turn 不合格 into 合格, so the two limits may not be combined.
  if (rule.bcShareMax !== null && typeof rule.aMax === 'number' && rule.aMax > 0) {
    add(
      [...path, 'bcShareMax'],
      '使用B+C占比上限时A类上限必须为0，否则增加A类不合格项可能使单项由不合格变为合格',
    );
  }
  checkSource(rule.source, path);
}
