import { Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';

/** The projects (检测) or plans (维保) with something dispatched to me, when there is more than one. */
export function GroupChips({
  groups,
  active,
  onChoose,
}: {
  groups: { id: number; label: string; count: number }[];
  active: number | null;
  onChoose: (id: number) => void;
}) {
  if (groups.length <= 1) return null;
  return (
    <View className="chips">
      {groups.map((g) => (
        <Tag
          key={g.id}
          type={g.id === active ? 'primary' : 'default'}
          plain={g.id !== active}
          onClick={() => onChoose(g.id)}
        >
          {`${g.label}（${g.count}）`}
        </Tag>
      ))}
    </View>
  );
}

/**
 * The bottom bar of 接收下发计划: what is chosen, the suggestion to split a large choice (never required), the
 * last error, and the button that builds the task with its 开始申请.
 */
export function StartTaskBar({
  summary,
  splitAdvice,
  error,
  busy,
  disabled,
  label,
  note,
  onStart,
}: {
  summary: string;
  /** Shown when the choice is large. */
  splitAdvice: string | null;
  error: string;
  busy: boolean;
  disabled: boolean;
  label: string;
  note: string;
  onStart: () => void;
}) {
  return (
    <View className="bottom-bar">
      <Text className="muted" data-testid="selection-summary">
        {summary}
      </Text>
      {splitAdvice && (
        <Text className="warn-text" style={{ display: 'block' }}>
          {splitAdvice}
        </Text>
      )}
      {error && (
        <Text className="error-text" style={{ display: 'block' }}>
          {error}
        </Text>
      )}
      <Button type="primary" block loading={busy} disabled={busy || disabled} onClick={onStart}>
        {label}
      </Button>
      <Text className="muted" style={{ display: 'block', marginTop: '6px' }}>
        {note}
      </Text>
    </View>
  );
}
