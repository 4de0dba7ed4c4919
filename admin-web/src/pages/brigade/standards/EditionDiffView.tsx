import { Empty, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { EditionChange, EditionDiff } from '../../../api/standards';

const KIND = {
  added: { text: '新增', color: 'green' },
  removed: { text: '删除', color: 'red' },
  changed: { text: '修改', color: 'blue' },
} as const satisfies Record<EditionChange['kind'], { text: string; color: string }>;

/** The differences between two editions, one Chinese line per change, filterable by kind. */
export function EditionDiffView({ diff }: { diff: EditionDiff }) {
  const [kind, setKind] = useState<'all' | EditionChange['kind']>('all');
  const shown = kind === 'all' ? diff.changes : diff.changes.filter((c) => c.kind === kind);
  return (
    <div data-testid="edition-diff">
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Text strong data-testid="edition-diff-summary">
          {diff.from} → {diff.to}：新增{diff.counts.added}处，删除{diff.counts.removed}处，修改
          {diff.counts.changed}处
        </Typography.Text>
        <Segmented
          size="small"
          value={kind}
          onChange={(v) => setKind(v as typeof kind)}
          options={[
            { value: 'all', label: `全部（${diff.changes.length}）` },
            ...(['added', 'removed', 'changed'] as const).map((k) => ({
              value: k,
              label: `${KIND[k].text}（${diff.counts[k]}）`,
            })),
          ]}
        />
      </Space>
      {shown.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有差异" />
      ) : (
        <ol
          style={{
            maxHeight: 360,
            overflow: 'auto',
            margin: 0,
            padding: '8px 8px 8px 36px',
            background: '#fafafa',
            border: '1px solid #f0f0f0',
            borderRadius: 6,
          }}
        >
          {shown.map((c) => (
            <li key={`${c.kind}-${c.level}-${c.id}`} style={{ marginBottom: 4 }}>
              <Tag color={KIND[c.kind].color}>{KIND[c.kind].text}</Tag>
              {c.description}
              {/* added/removed descriptions already name their place */}
              {c.kind === 'changed' && c.context && (
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                  （{c.context}）
                </Typography.Text>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
