import { Text, View } from '@tarojs/components';
import { Button, Progress, Tag } from '@nutui/nutui-react-taro';
import type { ReactNode } from 'react';
import type { RequestState } from '../../offline/db';
import { REQUEST_STATE_LABELS, type FieldTask } from '../../offline/field-task';
import type { FieldTaskProgress, FieldTaskRow } from './use-field-task-rows';

const TAG_TYPE: Record<RequestState, 'default' | 'warning' | 'success' | 'danger'> = {
  queued: 'default',
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
};

/** The 开始申请 state as a tag: 待发送 / 待同意 / 已同意 / 已拒绝. */
export const StartRequestTag = ({ task }: { task: FieldTask }) => (
  <Tag type={TAG_TYPE[task.start.state]}>{`开始申请${REQUEST_STATE_LABELS[task.start.state]}`}</Tag>
);

function submissionText(task: FieldTask, progress: FieldTaskProgress, submitted: string): string | null {
  const s = task.submit;
  if (!s) return null;
  if (s.submission === 'submitted') return `${submitted}（${progress.recorded}条记录）`;
  if (s.submission === 'queued')
    return `正在上传：照片${progress.uploadedPhotos}/${progress.photos}张，随后提交${progress.recorded}条记录`;
  return `提交申请${REQUEST_STATE_LABELS[s.request.state]}${s.request.reason ? `：${s.request.reason}` : ''}`;
}

/**
 * One task on the phone (测试任务 / 维保任务): what differs is passed in (title, tag, summary, labels, which actions
 * apply); the request states, the refusal reasons, incomplete records, the upload progress, what waits in the
 * outbox and what the server refused are shown the same way for both.
 */
export function FieldTaskCard<T extends FieldTask, P extends FieldTaskProgress>({
  row: { task, progress, outbox },
  title,
  tag,
  summary,
  submittedText,
  recordLabel,
  submitLabel,
  canSubmit,
  canDiscard,
  busy,
  onRecord,
  onAgain,
  onSubmit,
  onDiscard,
}: {
  row: FieldTaskRow<T, P>;
  title: string;
  /** Defaults to the 开始申请 state. */
  tag?: ReactNode;
  summary: ReactNode;
  /** 检测结果已提交 / 维保结果已提交. */
  submittedText: string;
  recordLabel: string;
  submitLabel: string;
  canSubmit: boolean;
  canDiscard: boolean;
  busy: boolean;
  onRecord: () => void;
  onAgain: () => void;
  onSubmit: () => void;
  onDiscard: () => void;
}) {
  const submitted = task.submit?.submission === 'submitted';
  const sending = outbox.filter((e) => e.state !== 'rejected');
  const refused = outbox.filter((e) => e.state === 'rejected');
  const subText = submissionText(task, progress, submittedText);
  return (
    <View className="card task-card" data-task={task.clientId}>
      <View className="row">
        <Text className="card-title">{title}</Text>
        {tag ?? <StartRequestTag task={task} />}
      </View>
      {summary}
      {task.start.state === 'rejected' && (
        <Text className="error-text" style={{ display: 'block' }}>
          {`拒绝原因：${task.start.reason || '未说明'}`}
        </Text>
      )}
      {progress.problems.length > 0 && !submitted && (
        <Text className="warn-text" style={{ display: 'block' }}>
          {`${progress.problems.length}条记录未完成：${progress.problems[0]!.message}`}
        </Text>
      )}
      {subText && (
        <Text
          className={task.submit?.request.state === 'rejected' ? 'error-text' : 'muted'}
          style={{ display: 'block' }}
          data-testid="submission-state"
        >
          {subText}
        </Text>
      )}
      {task.submit?.submission === 'queued' && progress.photos > 0 && (
        <Progress percent={Math.round((progress.uploadedPhotos / progress.photos) * 100)} showText />
      )}
      {sending.length > 0 && (
        <Text className="muted" style={{ display: 'block' }} data-testid="waiting-upload">
          {`待上传${sending.length}项${sending[0]!.lastError ? `：${sending[0]!.lastError}` : ''}`}
        </Text>
      )}
      {(refused.length > 0 || task.submit?.error) && (
        <Text className="error-text" style={{ display: 'block' }}>
          {`服务器退回：${refused[0]?.lastError ?? task.submit?.error ?? ''}`}
        </Text>
      )}
      <View className="actions">
        {!submitted && (
          <Button size="small" type="primary" fill="outline" onClick={onRecord}>
            {recordLabel}
          </Button>
        )}
        {task.start.state === 'rejected' && (
          <Button size="small" type="primary" disabled={busy} onClick={onAgain}>
            重新申请
          </Button>
        )}
        {canSubmit && !submitted && (
          <Button size="small" type="primary" disabled={busy} onClick={onSubmit}>
            {submitLabel}
          </Button>
        )}
        {canDiscard && (
          <Button size="small" fill="none" disabled={busy} onClick={onDiscard}>
            删除
          </Button>
        )}
      </View>
    </View>
  );
}
