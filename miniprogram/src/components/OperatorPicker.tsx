import { Text, View } from '@tarojs/components';
import { Button, Checkbox, Empty, Popup } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import type { AssignableOperator } from '@xf/domain';

/** An operator as the lists name them: 姓名（账号）, and whether the face photo still awaits approval. */
export const operatorLabel = (o: AssignableOperator) =>
  `${o.displayName}（${o.accountName}）${o.faceApproved ? '' : ' · 人脸未审核'}`;

/**
 * 选择操作员: a bottom sheet listing the institution's operators with check boxes (检测计划 and 维保计划 use it).
 * The choice is handed back only on 确定.
 */
export function OperatorPicker({
  visible,
  title,
  operators,
  chosen,
  onConfirm,
  onClose,
}: {
  visible: boolean;
  title: string;
  operators: AssignableOperator[];
  chosen: number[];
  onConfirm: (ids: number[]) => void;
  onClose: () => void;
}) {
  const [value, setValue] = useState<string[]>([]);
  useEffect(() => {
    if (visible) setValue(chosen.map(String));
  }, [visible, chosen]);
  return (
    <Popup visible={visible} position="bottom" round closeable title={title} onClose={onClose}>
      <View className="operator-picker">
        {operators.length === 0 ? (
          <Empty description="本机构暂无可派发的消防设施操作员" />
        ) : (
          <Checkbox.Group className="operator-picker-list" list value={value} onChange={setValue}>
            {operators.map((o) => (
              <Checkbox key={o.id} value={String(o.id)} label={operatorLabel(o)} />
            ))}
          </Checkbox.Group>
        )}
        <View className="operator-picker-actions">
          <Text className="muted">{`已选${value.length}人`}</Text>
          <Button type="primary" onClick={() => onConfirm(value.map(Number))}>
            确定
          </Button>
        </View>
      </View>
    </Popup>
  );
}
