import { PageShell } from '../../components/PageShell';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Button, Tag, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { AssignableOperator } from '@xf/domain';
import type { FaultTaskKind, MaintenanceFaultView } from '@xf/domain/api/maintenance-faults';
import type { MaintenanceRecordView } from '@xf/domain/api/maintenance-records';
import type { MaintenanceTaskDetail } from '@xf/domain/api/maintenance-tasks';
import {
  approveMaintenanceTask,
  assignableOperators,
  dispatchFaultTask,
  maintenanceTask,
  negotiateFault,
  rejectMaintenanceTask,
  resolveFault,
  returnMaintenanceTask,
} from '../../api/maintenance';
import { useStoredPhoto } from '../../api/photo';
import { VideoBox } from '../../components/VideoBox';
import { requireSession } from '../../auth/guard';
import { useAction } from '../../hooks/use-action';
import '../projects/projects.css';
import '../testing-tasks/testing.css';
import './maintenance-review.css';

function Photo({ url }: { url: string }) {
  const src = useStoredPhoto(url);
  return src ? <Image className="photo record-photo" src={src} mode="aspectFill" /> : null;
}

/** A "+" video of the record, fetched with the token like a photo and played in place. */
function RecordVideo({ url }: { url: string }) {
  const src = useStoredPhoto(url);
  return src ? <VideoBox src={src} /> : null;
}

function RecordCard({ r }: { r: MaintenanceRecordView }) {
  const bad = r.conformity === 'nonconforming';
  return (
    <View className={`record maintenance-record-view${bad ? ' nonconforming' : ''}`} data-record={r.id}>
      <View className="row">
        <Text className="record-name">{`${r.lineLetter}. ${r.lineText}`}</Text>
        <Tag type={bad ? 'danger' : r.conformity === 'conforming' ? 'success' : 'default'}>
          {r.conformityLabel}
        </Tag>
      </View>
      <Text
        className="muted standard"
        style={{ display: 'block' }}
      >{`合格标准：${r.conformityStandard}`}</Text>
      {r.checkable ? (
        r.answers.map((a) => (
          <Text
            key={a.promptId}
            className={a.conforming ? '' : 'error-text'}
            style={{ display: 'block' }}
          >{`${a.text}：${a.answer}`}</Text>
        ))
      ) : (
        <Text style={{ display: 'block' }}>{`不能检查：${r.notCheckableReasonLabel ?? ''}`}</Text>
      )}
      {r.mismatch && (
        <Text style={{ display: 'block' }}>
          {`测试项名称：${r.mismatch.itemName}；设施位置：${r.mismatch.location}；测试过程：${r.mismatch.process}；测试结果：${r.mismatch.result}`}
        </Text>
      )}
      {r.explanation && <Text style={{ display: 'block' }}>{`说明：${r.explanation}`}</Text>}
      {r.note && <Text className="muted" style={{ display: 'block' }}>{`备注：${r.note}`}</Text>}
      {(r.signaturePhotoUrl || r.photoUrls.length > 0) && (
        <View className="photos">
          {r.signaturePhotoUrl && <Photo url={r.signaturePhotoUrl} />}
          {r.photoUrls.map((u) => (
            <Photo key={u} url={u} />
          ))}
        </View>
      )}
      {r.videoUrls.length > 0 && (
        <View className="videos">
          <Text className="muted" style={{ display: 'block' }}>{`现场视频（${r.videoUrls.length}段）`}</Text>
          {r.videoUrls.map((u) => (
            <RecordVideo key={u} url={u} />
          ))}
        </View>
      )}
    </View>
  );
}

/**
 * Each fault of the task with its timeline and its handling (manual §03 项目负责人审核APP提交结果 2): 与业主沟通中, or
 * from 待处理 a 排查 or 维修 task to an operator, or a recorded outcome; the task is approved only when every fault
 * has one.
 */
function FaultCard({
  fault,
  operators,
  onChanged,
}: {
  fault: MaintenanceFaultView;
  operators: AssignableOperator[];
  onChanged: () => void;
}) {
  const [note, setNote] = useState('');
  const [operatorId, setOperatorId] = useState<number | null>(null);
  const { busy, error, run } = useAction();
  const a = fault.abilities ?? {};
  const dispatch = (kind: FaultTaskKind) =>
    run(async () => {
      if (!operatorId) throw new Error('请选择操作员');
      await dispatchFaultTask(fault.id, {
        kind,
        operatorAccountId: operatorId,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      onChanged();
    });
  return (
    <View className="card fault-card" data-fault={fault.id}>
      <View className="row">
        <Text className="card-title">{`${fault.systemName}：${fault.facilityName}（${fault.facilityIndex}）`}</Text>
        <Tag type={fault.handled ? 'warning' : 'danger'}>{fault.statusLabel}</Tag>
      </View>
      <Text
        style={{ display: 'block' }}
      >{`${fault.lineLetter}. ${fault.lineText}：${fault.description}`}</Text>
      {fault.timeline.map((e) => (
        <Text key={e.id} className="muted" style={{ display: 'block' }}>
          {`${e.atLabel} ${e.text}${e.note ? `（${e.note}）` : ''}`}
        </Text>
      ))}
      {(a.negotiate || a.troubleshoot || a.repair || a.resolve) && (
        <View className="decide-box">
          <TextArea
            className="fault-handling-note"
            value={note}
            maxLength={500}
            placeholder="说明（下发排查维修时给操作员；记录处理结果时必填）"
            onChange={setNote}
          />
          {(a.troubleshoot || a.repair) && (
            <View className="operator-options">
              {operators.map((o) => (
                <Tag
                  key={o.id}
                  className="operator-option"
                  type={o.id === operatorId ? 'primary' : 'default'}
                  plain={o.id !== operatorId}
                  onClick={() => setOperatorId(o.id)}
                >
                  {o.displayName}
                </Tag>
              ))}
            </View>
          )}
          <View className="actions">
            {a.negotiate && (
              <Button
                size="small"
                disabled={busy}
                onClick={() =>
                  void run(async () => {
                    await negotiateFault(fault.id, note.trim() ? { note: note.trim() } : {});
                    onChanged();
                  })
                }
              >
                与业主沟通中
              </Button>
            )}
            {a.troubleshoot && (
              <Button
                size="small"
                type="primary"
                fill="outline"
                disabled={busy}
                onClick={() => void dispatch('troubleshoot')}
              >
                下发排查
              </Button>
            )}
            {a.repair && (
              <Button
                size="small"
                type="primary"
                fill="outline"
                disabled={busy}
                onClick={() => void dispatch('repair')}
              >
                下发维修
              </Button>
            )}
            {a.resolve && (
              <Button
                size="small"
                disabled={busy}
                onClick={() =>
                  void run(async () => {
                    if (!note.trim()) throw new Error('处理结果：请填写');
                    await resolveFault(fault.id, { outcome: note.trim() });
                    onChanged();
                  })
                }
              >
                记录处理结果
              </Button>
            )}
          </View>
          {error && <Text className="error-text">{error}</Text>}
        </View>
      )}
    </View>
  );
}

/**
 * 维保审核 (manual §03 项目负责人审核APP提交结果, 项目负责人退回已审核): a submitted task line by line with each line's
 * 合格标准 and conformity, its faults with their handling, and 审核通过 / 审核不通过; an approved task is 退回 to
 * 待审核 first.
 */
export default function MaintenanceReviewPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  const [task, setTask] = useState<MaintenanceTaskDetail | null>(null);
  const [operators, setOperators] = useState<AssignableOperator[]>([]);
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useAction();

  const load = async () => {
    try {
      const t = await maintenanceTask(id);
      setTask(t);
      if (!operators.length) setOperators(await assignableOperators(t.projectId));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  useDidShow(() => {
    if (requireSession(['project_lead'])) void load();
  });

  if (!task)
    return (
      <PageShell className="testing-page">{error && <Text className="error-text">{error}</Text>}</PageShell>
    );
  const a = task.abilities ?? {};

  // Records grouped per facility and its position (添加下一个), in the order submitted.
  const groups: { key: string; title: string; records: MaintenanceRecordView[] }[] = [];
  for (const r of task.records) {
    const key = `${r.facilityId}|${r.facilityIndex}`;
    const last = groups[groups.length - 1];
    if (last?.key === key) last.records.push(r);
    else
      groups.push({
        key,
        title: `${r.systemName} · ${r.facilityName}（${r.facilityIndex}）${r.facilityLocation ? ` ${r.facilityLocation}` : ''}`,
        records: [r],
      });
  }

  const decide = (action: 'approve' | 'reject' | 'return') =>
    run(async () => {
      if (action === 'reject' && !reason.trim()) throw new Error('审核不通过原因：请填写');
      if (action === 'approve') await approveMaintenanceTask(task.id, {});
      if (action === 'reject') await rejectMaintenanceTask(task.id, { reason: reason.trim() });
      if (action === 'return')
        await returnMaintenanceTask(task.id, reason.trim() ? { reason: reason.trim() } : {});
      setReason('');
      Taro.showToast({
        title: action === 'approve' ? '已审核通过' : action === 'reject' ? '已审核不通过' : '已退回到待审核',
        icon: 'success',
      });
      await load();
    });

  return (
    <PageShell className="testing-page maintenance-review">
      <View className="card">
        <View className="row">
          <Text className="card-title">{`${task.siteName} · ${task.planMonth} ${task.planKindLabel}`}</Text>
          <Tag
            type={task.status === 'approved' ? 'success' : task.status === 'rejected' ? 'danger' : 'warning'}
          >
            {task.statusLabel}
          </Tag>
        </View>
        <Text className="muted" style={{ display: 'block' }}>
          {`${task.operator.displayName} · ${task.recordCount}条记录，不符合${task.nonconformingCount}项`}
        </Text>
        {task.reviewReason && (
          <Text className="muted" style={{ display: 'block' }}>{`审核意见：${task.reviewReason}`}</Text>
        )}
      </View>
      {task.faults.length > 0 && (
        <>
          <Text className="group-title">{`测试故障（${task.faults.length}项，待处理${task.unhandledFaultCount}项）`}</Text>
          {task.faults.map((f) => (
            <FaultCard key={f.id} fault={f} operators={operators} onChanged={() => void load()} />
          ))}
        </>
      )}
      {groups.map((g) => (
        <View className="card" key={g.key}>
          <Text className="card-title">{g.title}</Text>
          {g.records.map((r) => (
            <RecordCard key={r.id} r={r} />
          ))}
        </View>
      ))}
      {(a.approve || a.reject || a.return) && (
        <View className="card decide-box">
          {task.unhandledFaultCount > 0 && (
            <Text className="warn-text" style={{ display: 'block' }}>
              {`还有${task.unhandledFaultCount}项故障待处理，须先给出处理方式才能审核通过`}
            </Text>
          )}
          <TextArea
            className="review-reason"
            value={reason}
            maxLength={500}
            placeholder={a.return ? '退回原因（可不填）' : '审核不通过原因（审核通过时可不填）'}
            onChange={setReason}
          />
          <View className="decide-actions">
            {a.reject && (
              <Button className="review-reject" disabled={busy} onClick={() => void decide('reject')}>
                审核不通过
              </Button>
            )}
            {a.approve && (
              <Button
                className="review-approve"
                type="primary"
                disabled={busy}
                onClick={() => void decide('approve')}
              >
                审核通过
              </Button>
            )}
            {a.return && (
              <Button
                className="review-return"
                type="primary"
                fill="outline"
                disabled={busy}
                onClick={() => void decide('return')}
              >
                退回到待审核
              </Button>
            )}
          </View>
        </View>
      )}
      {error && <Text className="error-text">{error}</Text>}
    </PageShell>
  );
}
