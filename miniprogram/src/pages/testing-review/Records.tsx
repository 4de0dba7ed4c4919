import { Text, View } from '@tarojs/components';
import { Button, Pagination, Tag } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { TestingRecordView } from '@xf/domain/api/testing-records';
import { resultLabel } from './labels';

const PAGE_SIZE = 10;

/**
 * The records of one sub-item, a page at a time (a sub-item can hold hundreds of positions): item, position,
 * the operator's result beside the computed one (a mismatch in red), and 通过 / 修改 / 退回 by the record's abilities.
 */
export function Records({
  records,
  onApprove,
  onChange,
  onReturn,
}: {
  records: TestingRecordView[];
  onApprove: (r: TestingRecordView) => void;
  onChange: (r: TestingRecordView) => void;
  onReturn: (r: TestingRecordView) => void;
}) {
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(records.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  const shown = records.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  if (!records.length) return <View className="empty">没有记录</View>;
  return (
    <View className="records">
      {shown.map((r) => {
        const changed = r.reviewedResult !== null && r.reviewedResult !== r.computedResult;
        return (
          <View className="record" key={r.id}>
            <View className="row">
              <Text className="record-name">{`${r.itemName}（${r.itemClass}类）`}</Text>
              <Tag type={r.status === 'approved' ? 'success' : 'warning'} plain>
                {r.statusLabel}
              </Tag>
            </View>
            <View className="record-line">
              <Text className="muted">{`位置：${r.position} · ${r.operator.displayName}`}</Text>
            </View>
            <View className="record-line">
              <Text>{`记录结果：${r.resultLabel}`}</Text>
              {r.measuredValue !== null ? (
                <Text className="muted">{`  测量值：${r.measuredValue}`}</Text>
              ) : null}
            </View>
            <View className={`record-line${r.mismatch ? ' error-text' : ''}`}>
              {`系统判定：${resultLabel(r.computedResult)}${r.mismatch ? '（与记录结果不符，已跟踪记录）' : ''}`}
            </View>
            {r.reviewedResult ? (
              <View className={changed ? 'red-flag-note' : 'record-line'}>
                {changed
                  ? `红色标记：系统判定「${resultLabel(r.computedResult)}」→ 审核「${resultLabel(r.reviewedResult)}」；原因：${r.reviewReason ?? ''}`
                  : `审核结果：${resultLabel(r.reviewedResult)}`}
              </View>
            ) : null}
            {r.photoUrls.length ? (
              <View className="record-line muted">{`现场照片${r.photoUrls.length}张`}</View>
            ) : null}
            <View className="record-actions">
              {r.abilities.approve ? (
                <>
                  <Button size="small" type="primary" className="record-approve" onClick={() => onApprove(r)}>
                    通过
                  </Button>
                  <Button size="small" onClick={() => onChange(r)}>
                    修改结果
                  </Button>
                </>
              ) : null}
              {r.abilities.return ? (
                <Button size="small" type="danger" className="record-return" onClick={() => onReturn(r)}>
                  退回
                </Button>
              ) : null}
            </View>
          </View>
        );
      })}
      {pages > 1 ? (
        <Pagination
          className="records-pages"
          value={current}
          total={records.length}
          pageSize={PAGE_SIZE}
          itemSize={5}
          onChange={setPage}
        />
      ) : null}
    </View>
  );
}
