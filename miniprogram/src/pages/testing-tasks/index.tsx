import { PageShell } from '../../components/PageShell';
import { PrivacyConsent } from '../../components/PrivacyConsent';
import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { myTestingTasks } from '../../api/testing';
import { FieldTaskCard } from '../../components/field-task/FieldTaskCard';
import {
  useFieldTaskRows,
  type FieldTaskRow,
  type FieldTaskSource,
} from '../../components/field-task/use-field-task-rows';
import { FieldTaskList } from '../../components/field-task/FieldTaskList';
import type { LocalTestingTask } from '../../offline/db';
import { isOnline } from '../../offline/sync-engine';
import {
  applyServerTasks,
  discardTestingTask,
  listTestingTasks,
  requestStartAgain,
  requestSubmission,
  taskOutbox,
  taskProgress,
  type TaskProgress,
} from '../../offline/testing';
import './testing.css';

const source: FieldTaskSource<LocalTestingTask, TaskProgress> = {
  list: listTestingTasks,
  progress: taskProgress,
  outbox: taskOutbox,
  pull: async (db, accountKey) => applyServerTasks(db, accountKey, await myTestingTasks()),
};

/**
 * 待开始 / 测试任务: every task on this phone with its 开始申请 (待同意/已同意/已拒绝 and why), what was recorded, and
 * 提交检测结果申请 → the lead's consent → photos → records, with what still waits to upload.
 */
export default function TestingTasksPage() {
  const { rows, busy, error, run, atSite, onSite, discard } = useFieldTaskRows(source);

  const submit = (row: FieldTaskRow<LocalTestingTask, TaskProgress>) =>
    run(async () => {
      if (!isOnline()) throw new Error('提交检测结果需要联网，请到有网络的地方再提交');
      const missing = row.progress.expected - row.progress.recorded;
      if (missing > 0) {
        const { confirm } = await Taro.showModal({
          title: '提交检测结果申请',
          content: `还有${missing}个检测项（按位置计）未记录，确定只提交已记录的${row.progress.recorded}条吗？`,
        });
        if (!confirm) return;
      }
      await atSite((db, site) => requestSubmission(db, row.task, site.fields, site.photo));
    });

  return (
    <PageShell className="testing-page">
      <FieldTaskList
        assignmentsUrl="/pages/testing-assignments/index"
        emptyText="暂无测试任务，请先在“接收下发计划”中选择检测单项"
        error={error}
        rows={rows}
      >
        {(row) => {
          const { task, progress, outbox } = row;
          const itemCount = task.singleItems.reduce(
            (n, s) => n + s.subItems.reduce((m, sub) => m + sub.items.length, 0),
            0,
          );
          return (
            <FieldTaskCard
              key={task.clientId}
              row={row}
              title={task.siteName}
              summary={
                <>
                  <Text className="muted" style={{ display: 'block' }}>
                    {task.singleItems.map((s) => `${s.buildingName} ${s.code} ${s.name}`).join('；')}
                  </Text>
                  <Text className="muted" style={{ display: 'block' }}>
                    {`${task.singleItems.length}个单项，${itemCount}个检测项；已记录${progress.recorded}/${progress.expected}（按位置计）`}
                  </Text>
                </>
              }
              submittedText="检测结果已提交"
              recordLabel="现场记录"
              submitLabel="提交检测结果申请"
              canSubmit={
                task.start.state === 'approved' && (!task.submit || task.submit.request.state === 'rejected')
              }
              canDiscard={
                task.start.state === 'rejected' ||
                (!task.serverId && outbox.some((e) => e.state === 'rejected'))
              }
              busy={busy}
              onRecord={() =>
                void Taro.navigateTo({
                  url: `/pages/testing-record/index?task=${encodeURIComponent(task.clientId)}`,
                })
              }
              onAgain={() => void onSite((db, site) => requestStartAgain(db, task, site.fields, site.photo))}
              onSubmit={() => void submit(row)}
              onDiscard={() => void discard('删除本机测试任务', (db) => discardTestingTask(db, task))}
            />
          );
        }}
      </FieldTaskList>
      <PrivacyConsent />
    </PageShell>
  );
}
