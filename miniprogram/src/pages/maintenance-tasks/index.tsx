import { PageShell } from '../../components/PageShell';
import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Tag } from '@nutui/nutui-react-taro';
import { deleteServerMaintenanceTask, myMaintenanceTasks } from '../../api/maintenance';
import { FieldTaskCard } from '../../components/field-task/FieldTaskCard';
import { useFieldTaskRows, type FieldTaskSource } from '../../components/field-task/use-field-task-rows';
import { FieldTaskList } from '../../components/field-task/FieldTaskList';
import { offlineDb, type OfflineDb } from '../../offline/db';
import {
  applyServerMaintenanceTasks,
  discardMaintenanceTask,
  listMaintenanceTasks,
  maintenanceProgress,
  maintenanceTaskOutbox,
  requestMaintenanceStartAgain,
  requestMaintenanceSubmission,
  resubmitCorrection,
  type MaintenanceProgress,
} from '../../offline/maintenance';
import type { LocalMaintenanceTask } from '../../offline/maintenance-types';
import { isOnline, syncNow } from '../../offline/sync-engine';
import '../testing-tasks/testing.css';

const source: FieldTaskSource<LocalMaintenanceTask, MaintenanceProgress> = {
  list: listMaintenanceTasks,
  progress: maintenanceProgress,
  outbox: maintenanceTaskOutbox,
  pull: async (db, accountKey) => applyServerMaintenanceTasks(db, accountKey, await myMaintenanceTasks()),
};

/**
 * 待开始工作 (manual §03 使用说明 2–4): every maintenance task on this phone with its 开始申请 (待同意/已同意/已拒绝
 * and why, 重新申请 after a refusal), what was recorded, and 提交维保结果申请 → the lead's consent → photos → all
 * records at once, with what still waits to upload. A corrected task (查询历史记录 → 修改) is submitted again here.
 */
export default function MaintenanceTasksPage() {
  const { rows, reload, busy, error, run, atSite, onSite, discard } = useFieldTaskRows(source);

  const submit = (task: LocalMaintenanceTask) =>
    run(async () => {
      if (!isOnline()) throw new Error('提交维保结果需要联网，请到有网络的地方再提交');
      if (!task.correction) {
        await atSite((db, site) => requestMaintenanceSubmission(db, task, site.fields, site.photo));
        return;
      }
      // A corrected task goes again without a new 提交申请 (no fix, no photo).
      await resubmitCorrection(await offlineDb(), task);
      void syncNow();
      await reload();
    });

  const remove = async (db: OfflineDb, task: LocalMaintenanceTask) => {
    // A task the server has (not yet submitted) is deleted there first, so the lead can remove the dispatch.
    if (task.serverId && !task.correction && task.start.state !== 'rejected')
      await deleteServerMaintenanceTask(task.serverId);
    await discardMaintenanceTask(db, task);
  };

  return (
    <PageShell className="testing-page">
      <FieldTaskList
        assignmentsUrl="/pages/maintenance-assignments/index"
        emptyText="暂无维保任务，请先在“接收下发计划”中选择消防设施"
        error={error}
        rows={rows}
      >
        {(row) => {
          const { task, progress } = row;
          return (
            <FieldTaskCard
              key={task.clientId}
              row={row}
              title={`${task.siteName} · ${task.planLabel}`}
              tag={task.correction ? <Tag type="danger">审核不通过，修改中</Tag> : undefined}
              summary={
                <>
                  <Text className="muted" style={{ display: 'block' }}>
                    {task.facilities.map((f) => f.name).join('、')}
                  </Text>
                  <Text className="muted" style={{ display: 'block' }} data-testid="task-progress">
                    {`已记录${progress.recorded}/${progress.expected}项维保内容${progress.nonconforming ? `，不符合${progress.nonconforming}项` : ''}`}
                  </Text>
                </>
              }
              submittedText={`${task.correction ? '修改后的' : ''}维保结果已提交`}
              recordLabel={progress.recorded ? '继续记录' : '开始记录'}
              submitLabel={task.correction ? '重新提交' : '提交维保结果申请'}
              canSubmit={
                task.start.state === 'approved' &&
                (task.correction ? !task.submit : !task.submit || task.submit.request.state === 'rejected')
              }
              canDiscard={!task.submit}
              busy={busy}
              onRecord={() =>
                void Taro.navigateTo({
                  url: `/pages/maintenance-record/index?task=${encodeURIComponent(task.clientId)}`,
                })
              }
              onAgain={() =>
                void onSite((db, site) => requestMaintenanceStartAgain(db, task, site.fields, site.photo))
              }
              onSubmit={() => void submit(task)}
              onDiscard={() => void discard('删除维保任务', (db) => remove(db, task))}
            />
          );
        }}
      </FieldTaskList>
    </PageShell>
  );
}
