import { describeLimit } from '@xf/domain/judgment/measured';
import { describeSingleItemRule } from '@xf/domain/judgment/single-item-rules';
import { PERIOD_LABELS } from '@xf/domain/catalog/labels';
import { Col, Descriptions, Empty, Input, Row, Tag, Tree, Typography, type TreeDataNode } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import type { SourceRef, StandardEdition } from '../../../api/standards';

const CONFIDENCE: Record<SourceRef['confidence'], { text: string; color: string }> = {
  H: { text: 'H 已核对原文', color: 'green' },
  M: { text: 'M 与资料一致，原文措辞未核对', color: 'gold' },
  L: { text: 'L 推断，待核实', color: 'red' },
};

const CLASS_COLORS = { A: 'red', B: 'orange', C: 'blue' } as const;

function SourceLine({ source }: { source: SourceRef }) {
  return (
    <>
      {source.standard}
      {source.clause ? ` ${source.clause}` : ''}
      <Tag color={CONFIDENCE[source.confidence].color} style={{ marginLeft: 8 }}>
        可信度 {CONFIDENCE[source.confidence].text}
      </Tag>
      {source.note && <div style={{ color: '#8c8c8c' }}>{source.note}</div>}
    </>
  );
}

/** A tree node plus the text it is searched by and the details shown when it is selected. */
interface CatalogNode extends TreeDataNode {
  key: string;
  search: string;
  details: [string, ReactNode][];
  children?: CatalogNode[];
}

function maintenanceTree(edition: StandardEdition): CatalogNode[] {
  return edition.maintenance.map((s) => ({
    key: s.id,
    title: (
      <b>
        {s.id} {s.name}
      </b>
    ),
    search: `${s.id} ${s.name}`,
    details: [
      ['系统编号', s.id],
      ['系统名称', s.name],
      ['GB 25201 系统编号', s.gb25201Code ?? '（无）'],
      ['设施数', s.categories.reduce((n, c) => n + c.facilities.length, 0)],
    ],
    children: s.categories.map((c) => ({
      key: c.id,
      title: `分类：${c.name}`,
      search: c.name,
      details: [
        ['分类编号', c.id],
        ['分类名称', c.name],
        ['所属系统', s.name],
      ],
      children: c.facilities.map((f) => ({
        key: f.id,
        title: f.name,
        search: `${f.id} ${f.name}`,
        details: [
          ['设施编号', f.id],
          ['设施名称', f.name],
          ['所属', `${s.name}›${c.name}`],
          ['维保内容条数', f.lines.length],
        ],
        children: f.lines.map((l) => ({
          key: l.id,
          isLeaf: true,
          title: (
            <span>
              {l.letter}. {l.text} <Tag>{PERIOD_LABELS[l.period]}</Tag>
              {l.source.confidence !== 'H' && (
                <Tag color={CONFIDENCE[l.source.confidence].color}>{l.source.confidence}</Tag>
              )}
            </span>
          ),
          search: `${l.id} ${l.text} ${l.conformityStandard} ${l.prompts.map((p) => p.text).join(' ')}`,
          details: [
            ['内容编号', l.id],
            ['维保内容', `${l.letter}. ${l.text}`],
            ['周期', PERIOD_LABELS[l.period]],
            [
              '检查提示',
              l.prompts.length ? (
                <ol style={{ margin: 0, paddingLeft: 18 }}>
                  {l.prompts.map((p) => (
                    <li key={p.id}>
                      {p.text}（{p.options.join('/')}
                      {p.conformingOption ? `，符合：${p.conformingOption}` : ''}）
                    </li>
                  ))}
                </ol>
              ) : (
                '（无）'
              ),
            ],
            ['合格标准', l.conformityStandard],
            ['依据', <SourceLine source={l.source} />],
            ['所属', `${s.name}›${c.name}›${f.name}`],
          ],
        })),
      })),
    })),
  }));
}

function testingTree(edition: StandardEdition): CatalogNode[] {
  return edition.testing.map((single) => ({
    key: `T:${single.code}`,
    title: (
      <b>
        {single.code} {single.name}
      </b>
    ),
    search: `${single.code} ${single.name} ${single.systems.join(' ')}`,
    details: [
      ['单项编号', single.code],
      ['单项名称', single.name],
      ['对应维保系统', single.systems.join('、') || '（无）'],
      [
        '单项判定规则',
        single.rule ? (
          <>
            {describeSingleItemRule(single.rule)}
            <div>
              <SourceLine source={single.rule.source} />
            </div>
          </>
        ) : (
          `采用默认规则：${describeSingleItemRule(edition.defaultSingleItemRule)}`
        ),
      ],
    ],
    children: single.subItems.map((sub) => ({
      key: `T:${sub.id}`,
      title: `${sub.id} ${sub.name}`,
      search: `${sub.id} ${sub.name}`,
      details: [
        ['子项编号', sub.id],
        ['子项名称', sub.name],
        ['检测项数', sub.items.length],
      ],
      children: sub.items.map((item) => ({
        key: `T:${item.id}`,
        isLeaf: true,
        title: (
          <span>
            {item.id} {item.name} <Tag color={CLASS_COLORS[item.class]}>{item.class}类</Tag>
          </span>
        ),
        search: `${item.id} ${item.name} ${item.method} ${item.requirement}`,
        details: [
          ['检测项编号', item.id],
          ['检测项名称', item.name],
          ['类别', <Tag color={CLASS_COLORS[item.class]}>{item.class}类</Tag>],
          ['检测方法', item.method],
          ['技术要求', item.requirement],
          ['测量要求', item.measured ? describeLimit(item.measured) : '（无）'],
          ['依据', <SourceLine source={item.source} />],
          ['所属', `${single.code} ${single.name}›${sub.name}`],
        ],
      })),
    })),
  }));
}

/** Keeps the nodes that match (with their ancestors) and lists the keys to expand. */
function filterTree(nodes: CatalogNode[], q: string): { nodes: CatalogNode[]; expand: string[] } {
  const expand: string[] = [];
  const walk = (list: CatalogNode[]): CatalogNode[] =>
    list.flatMap((n) => {
      if (n.search.includes(q)) return [n];
      const children = walk(n.children ?? []);
      if (!children.length) return [];
      expand.push(n.key);
      return [{ ...n, children }];
    });
  return { nodes: walk(nodes), expand };
}

function findNode(nodes: CatalogNode[], key: string): CatalogNode | undefined {
  for (const n of nodes) {
    if (n.key === key) return n;
    const hit = findNode(n.children ?? [], key);
    if (hit) return hit;
  }
  return undefined;
}

/** One catalog of an edition as a tree; the selected node's details show beside it. */
export function CatalogTree({
  edition,
  catalog,
}: {
  edition: StandardEdition;
  catalog: 'maintenance' | 'testing';
}) {
  const all = useMemo(
    () => (catalog === 'maintenance' ? maintenanceTree(edition) : testingTree(edition)),
    [edition, catalog],
  );
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<string[]>(() => (all[0] ? [all[0].key] : []));
  const q = query.trim();
  const filtered = useMemo(() => (q ? filterTree(all, q) : null), [all, q]);
  const node = selected ? findNode(all, selected) : undefined;

  return (
    <Row gutter={16}>
      <Col span={14}>
        <Input.Search
          allowClear
          placeholder={catalog === 'maintenance' ? '搜索系统、设施、维保内容' : '搜索单项、子项、检测项'}
          onSearch={(v) => {
            setQuery(v);
            if (v.trim()) setExpanded(filterTree(all, v.trim()).expand);
          }}
          style={{ marginBottom: 8 }}
        />
        {filtered && filtered.nodes.length === 0 ? (
          <Empty description={`没有包含“${q}”的内容`} />
        ) : (
          <Tree<CatalogNode>
            data-testid={`catalog-tree-${catalog}`}
            treeData={filtered?.nodes ?? all}
            expandedKeys={expanded}
            onExpand={(keys) => setExpanded(keys.map(String))}
            selectedKeys={selected ? [selected] : []}
            onSelect={(keys) => setSelected(keys.length ? String(keys[0]) : null)}
            height={620}
            blockNode
          />
        )}
      </Col>
      <Col span={10}>
        <div style={{ position: 'sticky', top: 16 }} data-testid={`catalog-details-${catalog}`}>
          {node ? (
            <Descriptions size="small" bordered column={1} styles={{ label: { width: 120 } }}>
              {node.details.map(([label, value]) => (
                <Descriptions.Item key={label} label={label}>
                  {value}
                </Descriptions.Item>
              ))}
            </Descriptions>
          ) : (
            <Typography.Text type="secondary">
              在左侧选择一项查看详细内容（周期、检查提示、合格标准、依据及可信度等）。
            </Typography.Text>
          )}
        </div>
      </Col>
    </Row>
  );
}
