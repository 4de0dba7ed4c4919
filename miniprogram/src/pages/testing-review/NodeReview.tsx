import { Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import type { TestingReviewView } from '@xf/domain/api/testing-records';
import { verdictLabel, verdictTag, type Verdict } from './labels';

export type NodeReviewView = TestingReviewView['overall']['review'];

/**
 * The computed verdict of a sub-item, single item or 综合评定 and the lead's review of it: 确认 keeps the system's
 * verdict, 修改 asks for another with its reason; a changed verdict shows as 红色标记 with before/after.
 */
export function NodeReview({
  computed,
  review,
  canReview,
  onConfirm,
  onChange,
}: {
  computed: Verdict;
  review: NodeReviewView;
  canReview: boolean;
  onConfirm: () => void;
  onChange: () => void;
}) {
  return (
    <View className="node-review">
      <View className="node-review-line">
        <Text className="muted">系统判定</Text>
        <Tag type={verdictTag(computed)}>{verdictLabel(computed)}</Tag>
        <Text className="muted node-review-sep">审核</Text>
        {review ? (
          <Tag type={review.flagged ? 'danger' : verdictTag(review.verdict)} plain={!review.flagged}>
            {review.verdictLabel}
          </Tag>
        ) : (
          <Tag type="warning" plain>
            未审核
          </Tag>
        )}
      </View>
      {review?.flagged ? (
        <View className="red-flag-note">
          {`红色标记：系统判定「${verdictLabel(computed)}」→ 审核「${review.verdictLabel}」；原因：${review.reason ?? ''}（${review.reviewedBy}）`}
        </View>
      ) : null}
      {canReview ? (
        <View className="node-review-actions">
          <Button size="small" type="primary" onClick={onConfirm}>
            {review ? '按系统判定' : '确认判定'}
          </Button>
          <Button size="small" onClick={onChange}>
            修改判定
          </Button>
        </View>
      ) : null}
    </View>
  );
}
