import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Empty } from '@nutui/nutui-react-taro';
import type { ReactNode } from 'react';
import { SyncStatusBar } from '../SyncStatusBar';

/** The task list's frame: the sync bar, 接收下发计划, the last action's error, and the rows (or why there are none). */
export function FieldTaskList<R>({
  assignmentsUrl,
  emptyText,
  error,
  rows,
  children,
}: {
  assignmentsUrl: string;
  emptyText: string;
  error: string;
  rows: R[] | null;
  children: (row: R) => ReactNode;
}) {
  return (
    <>
      <SyncStatusBar />
      <Button type="primary" block onClick={() => void Taro.navigateTo({ url: assignmentsUrl })}>
        接收下发计划
      </Button>
      {error && (
        <Text className="error-text" style={{ display: 'block', marginTop: '12px' }}>
          {error}
        </Text>
      )}
      {rows && rows.length === 0 && <Empty description={emptyText} />}
      {rows?.map(children)}
    </>
  );
}
