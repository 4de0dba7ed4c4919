import { Text, View } from '@tarojs/components';
import { Button, Popup, TextArea } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';

export interface JudgmentChange<V extends string> {
  /** What is being judged, e.g. "子项 消防电梯轿厢" or "检测项 … 位置1". */
  subject: string;
  options: { value: V; label: string }[];
  computed: V;
  current: V;
  submit: (value: V, reason: string) => Promise<void>;
}

/**
 * 修改判定 (manual §02 审核APP提交结果 4): any choice may be made, but a choice other than the system's needs a reason,
 * and the server keeps it as a 红色标记 with the before/after, which this sheet shows before it is sent.
 */
export function ChangeJudgment<V extends string>({
  change,
  onClose,
}: {
  change: JudgmentChange<V> | null;
  onClose: () => void;
}) {
  const [value, setValue] = useState<V | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setValue(change?.current ?? null);
    setReason('');
    setError('');
  }, [change]);
  if (!change) return null;
  const label = (v: V) => change.options.find((o) => o.value === v)?.label ?? v;
  const differs = value !== null && value !== change.computed;
  const save = async () => {
    if (value === null) return;
    if (differs && !reason.trim()) {
      setError('原因：与系统判定不同，须填写原因');
      return;
    }
    setBusy(true);
    setError('');
    try {
      await change.submit(value, reason.trim());
      onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popup visible position="bottom" round closeable title="修改判定" onClose={onClose}>
      <View className="judgment-sheet">
        <Text className="muted">{change.subject}</Text>
        <View className="judgment-options">
          {change.options.map((o) => (
            <View
              key={o.value}
              className={`judgment-option${value === o.value ? ' judgment-option-selected' : ''}`}
              onClick={() => setValue(o.value)}
            >
              {o.label}
              {o.value === change.computed ? '（系统判定）' : ''}
            </View>
          ))}
        </View>
        {differs ? (
          <View className="red-flag-note">
            {`红色标记：系统判定「${label(change.computed)}」→ 审核「${label(value!)}」，须填写原因，将记入跟踪标红`}
          </View>
        ) : null}
        <TextArea
          className="judgment-reason"
          placeholder={differs ? '请填写修改原因（必填）' : '备注（可不填）'}
          value={reason}
          maxLength={500}
          onChange={setReason}
        />
        {error ? <Text className="error-text">{error}</Text> : null}
        <Button type="primary" block loading={busy} className="judgment-save" onClick={() => void save()}>
          确定
        </Button>
      </View>
    </Popup>
  );
}
