import { describeLimit } from '../judgment/measured';
import { describeSingleItemRule } from '../judgment/single-item-rules';
import { FIELD_LABELS, PERIOD_LABELS } from './labels';
import type { CheckPrompt, SourceRef, StandardEdition } from './types';

export type DiffLevel =
  'edition' | 'system' | 'category' | 'facility' | 'line' | 'single_item' | 'sub_item' | 'item';

export const DIFF_LEVEL_LABELS: Record<DiffLevel, string> = {
  edition: '版本',
  system: '维保系统',
  category: '分类',
  facility: '设施',
  line: '维保内容',
  single_item: '检测单项',
  sub_item: '子项',
  item: '检测项',
};

export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

export interface EditionChange {
  kind: 'added' | 'removed' | 'changed';
  level: DiffLevel;
  id: string;
  name: string;
  /** Where the node sits, e.g. `消防供电配电›消防配电柜（箱）`. */
  context: string;
  fieldChanges: FieldChange[];
  /** One Chinese line, e.g. `修改 维保内容 M.01.01.b「试验主、备电切换」：周期 由“月”改为“季”`. */
  description: string;
}

export interface EditionDiff {
  from: string;
  to: string;
  changes: EditionChange[];
  counts: { added: number; removed: number; changed: number };
}

interface Node {
  level: DiffLevel;
  id: string;
  name: string;
  context: string;
  fields: Record<string, string>;
}

const sourceText = (s: SourceRef | undefined) =>
  s
    ? `${s.standard}${s.clause ? ' ' + s.clause : ''}（可信度${s.confidence}）${s.note ? '：' + s.note : ''}`
    : '';
const promptsText = (ps: CheckPrompt[] | undefined) =>
  (ps ?? [])
    .map(
      (p) =>
        `${p.text}（${p.options.join('/')}${p.conformingOption ? '，符合：' + p.conformingOption : ''}）`,
    )
    .join('；');

function flatten(edition: StandardEdition): Map<string, Node> {
  const nodes = new Map<string, Node>();
  const put = (n: Node) => nodes.set(`${n.level}\u0000${n.id}`, n);
  put({
    level: 'edition',
    id: '',
    name: '版本信息',
    context: '',
    fields: {
      title: edition.title,
      effectiveDate: edition.effectiveDate,
      sources: edition.sources.join('；'),
      defaultSingleItemRule: describeSingleItemRule(edition.defaultSingleItemRule),
    },
  });
  for (const system of edition.maintenance) {
    put({
      level: 'system',
      id: system.id,
      name: system.name,
      context: '',
      fields: { name: system.name, gb25201Code: system.gb25201Code ?? '' },
    });
    for (const category of system.categories) {
      put({
        level: 'category',
        id: category.id,
        name: category.name,
        context: system.name,
        fields: { name: category.name },
      });
      for (const facility of category.facilities) {
        const ctx = `${system.name}›${category.name}`;
        put({
          level: 'facility',
          id: facility.id,
          name: facility.name,
          context: ctx,
          fields: { name: facility.name, parent: category.id },
        });
        for (const line of facility.lines) {
          put({
            level: 'line',
            id: line.id,
            name: `${line.letter}. ${line.text}`,
            context: `${system.name}›${facility.name}`,
            fields: {
              letter: line.letter,
              text: line.text,
              period: PERIOD_LABELS[line.period] ?? line.period,
              prompts: promptsText(line.prompts),
              conformityStandard: line.conformityStandard,
              source: sourceText(line.source),
              parent: facility.id,
            },
          });
        }
      }
    }
  }
  for (const single of edition.testing) {
    put({
      level: 'single_item',
      id: single.code,
      name: single.name,
      context: '',
      fields: {
        name: single.name,
        systems: single.systems.join('、'),
        rule: single.rule ? describeSingleItemRule(single.rule) : '（采用默认规则）',
      },
    });
    for (const sub of single.subItems) {
      put({
        level: 'sub_item',
        id: sub.id,
        name: sub.name,
        context: `${single.code}${single.name}`,
        fields: { name: sub.name, parent: single.code },
      });
      for (const item of sub.items) {
        put({
          level: 'item',
          id: item.id,
          name: item.name,
          context: `${single.code}${single.name}›${sub.name}`,
          fields: {
            name: item.name,
            class: item.class,
            method: item.method,
            requirement: item.requirement,
            measured: item.measured ? describeLimit(item.measured) : '',
            source: sourceText(item.source),
            parent: sub.id,
          },
        });
      }
    }
  }
  return nodes;
}

const fieldLabel = (f: string) => (f === 'parent' ? '所属上级' : (FIELD_LABELS[f] ?? f));
const quote = (v: string) => (v === '' ? '（空）' : `“${v}”`);
const title = (n: Node) => `${DIFF_LEVEL_LABELS[n.level]}${n.id ? ' ' + n.id : ''}「${n.name}」`;

/** Readable differences between two editions: added, removed and changed nodes, with Chinese lines. */
export function diffEditions(prev: StandardEdition, next: StandardEdition): EditionDiff {
  const a = flatten(prev);
  const b = flatten(next);
  const changes: EditionChange[] = [];
  for (const [key, before] of a) {
    const after = b.get(key);
    if (!after) {
      changes.push({
        kind: 'removed',
        level: before.level,
        id: before.id,
        name: before.name,
        context: before.context,
        fieldChanges: [],
        description: `删除 ${title(before)}${before.context ? `（${before.context}）` : ''}`,
      });
      continue;
    }
    const fieldChanges: FieldChange[] = Object.keys({ ...before.fields, ...after.fields })
      .filter((f) => (before.fields[f] ?? '') !== (after.fields[f] ?? ''))
      .map((f) => ({
        field: f,
        label: fieldLabel(f),
        before: before.fields[f] ?? '',
        after: after.fields[f] ?? '',
      }));
    if (fieldChanges.length) {
      changes.push({
        kind: 'changed',
        level: after.level,
        id: after.id,
        name: after.name,
        context: after.context,
        fieldChanges,
        description: `修改 ${title(after)}：${fieldChanges.map((c) => `${c.label} 由${quote(c.before)}改为${quote(c.after)}`).join('；')}`,
      });
    }
  }
  for (const [key, after] of b) {
    if (a.has(key)) continue;
    const extra =
      after.level === 'line'
        ? `，周期${after.fields.period}`
        : after.level === 'item'
          ? `，${after.fields.class}类`
          : '';
    changes.push({
      kind: 'added',
      level: after.level,
      id: after.id,
      name: after.name,
      context: after.context,
      fieldChanges: [],
      description: `新增 ${title(after)}（${after.context ? after.context : DIFF_LEVEL_LABELS[after.level]}${extra}）`,
    });
  }
  const counts = { added: 0, removed: 0, changed: 0 };
  for (const c of changes) counts[c.kind]++;
  return { from: prev.id, to: next.id, changes, counts };
}

/** The whole diff as Chinese text, a header line then one line per change. */
export function formatEditionDiff(diff: EditionDiff): string {
  const head = `${diff.from} → ${diff.to}：新增${diff.counts.added}处，删除${diff.counts.removed}处，修改${diff.counts.changed}处`;
  return [head, ...diff.changes.map((c) => c.description)].join('\n');
}
