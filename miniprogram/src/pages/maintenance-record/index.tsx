import { PageShell } from '../../components/PageShell';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Input, Tag } from '@nutui/nutui-react-taro';
import { useCallback, useRef, useState } from 'react';
import {
  NoTaskToContinue,
  useBlobUrls,
  useRecordingTask,
  useScrollBack,
} from '../../components/field-task/recording';
import { MaintenanceLineForm } from '../../components/MaintenanceLineForm';
import { SyncStatusBar } from '../../components/SyncStatusBar';
import { offlineDb } from '../../offline/db';
import { isEditable } from '../../offline/field-task';
import {
  addInstance,
  instanceCount,
  instanceLocation,
  loadMaintenanceCursor,
  maintenanceRecordsOf,
  maintenanceSlot,
  removeLastInstance,
  saveMaintenanceCursor,
  saveMaintenanceRecord,
  setInstanceLocation,
  type MaintenanceCursor,
  type MaintenanceRecordChange,
} from '../../offline/maintenance';
import { lineProblem, recordBlobIds } from '../../offline/maintenance-form';
import type {
  LocalMaintenanceFacility,
  LocalMaintenanceLine,
  LocalMaintenanceRecord,
  LocalMaintenanceTask,
} from '../../offline/maintenance-types';
import { recordVideo, takePhotos } from '../../platform/device';
import '../testing-tasks/testing.css';
import './maintenance-record.css';

type Where = Omit<MaintenanceCursor, 'taskClientId'>;

/**
 * 继续记录 / 现场记录 (manual §03 APP记录测试结果): facility → facility instance (添加下一个 for another of the same
 * kind) → every content line with its form. Each change is saved on the phone at once, with no network, and so
 * is the place (task, facility, instance, line): after the app was closed 继续记录 opens exactly there.
 */
export default function MaintenanceRecordPage() {
  const [where, setWhere] = useState<Where>({});
  const [records, setRecords] = useState<Map<string, LocalMaintenanceRecord>>(new Map());
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Saves one after the other: a quick second change never reads the record before the first was written.
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const loadRecords = useCallback(async (t: LocalMaintenanceTask) => {
    const list = await maintenanceRecordsOf(await offlineDb(), t.clientId);
    setRecords(new Map(list.map((r) => [r.slot, r])));
  }, []);

  const { task, setTask, missing, savePlace } = useRecordingTask<LocalMaintenanceTask, MaintenanceCursor>({
    read: (db, id) => db.get('maintenanceTasks', id),
    cursor: { load: loadMaintenanceCursor, save: saveMaintenanceCursor },
    open: async (t, cursor) => {
      if (cursor)
        setWhere({ facilityId: cursor.facilityId, instance: cursor.instance, lineId: cursor.lineId });
      await loadRecords(t);
    },
  });

  // Thumbnails and videos only for the facility instance on screen.
  const photoUrls = useBlobUrls(
    [...records.values()]
      .filter((r) => r.facilityId === where.facilityId && r.instance === (where.instance ?? 1))
      .flatMap(recordBlobIds),
  );

  const go = (next: Where) => {
    setWhere(next);
    savePlace(next);
  };

  useScrollBack(where.lineId ? `line-${where.lineId}` : null, records.size > 0);

  if (missing)
    return (
      <NoTaskToContinue
        text="没有可继续的维保记录，请先在“待开始工作”中选择任务"
        url="/pages/maintenance-tasks/index"
        label="待开始工作"
      />
    );
  if (!task) return <PageShell className="testing-page" />;

  const locked = !isEditable(task);
  const facility = task.facilities.find((f) => f.facilityId === where.facilityId);
  const instances = facility ? instanceCount(task, facility.facilityId) : 0;
  const instance = where.instance && where.instance <= instances ? where.instance : 1;

  const done = (f: LocalMaintenanceFacility, n: number) => {
    let ok = 0;
    for (const line of f.lines) {
      const r = records.get(maintenanceSlot(task.clientId, f.facilityId, n, line.lineId));
      if (r && !lineProblem(line, r)) ok++;
    }
    return ok;
  };

  const change = (line: LocalMaintenanceLine, c: MaintenanceRecordChange) => {
    if (!facility) return;
    const facilityId = facility.facilityId;
    queue.current = queue.current.then(async () => {
      try {
        const db = await offlineDb();
        await saveMaintenanceRecord(db, task, { facilityId, instance, line }, c);
        setErrors((e) => ({ ...e, [line.lineId]: '' }));
        go({ facilityId, instance, lineId: line.lineId });
        await loadRecords(task);
      } catch (e) {
        setErrors((x) => ({ ...x, [line.lineId]: (e as Error).message }));
      }
    });
  };

  const shoot = async (line: LocalMaintenanceLine, signature: boolean) => {
    try {
      const shots = await takePhotos({ allowAlbum: false, max: 1, purpose: 'maintenance-record' });
      const photos = shots.filter((s) => s.blob).map((s) => ({ blob: s.blob!, name: s.name }));
      if (!photos.length) return;
      change(line, signature ? { signaturePhoto: photos[0]! } : { addPhotos: photos });
    } catch (e) {
      setErrors((x) => ({ ...x, [line.lineId]: (e as Error).message }));
    }
  };

  const film = async (line: LocalMaintenanceLine) => {
    try {
      const video = await recordVideo();
      if (!video?.blob) return;
      change(line, { addVideos: [{ blob: video.blob, name: video.name }] });
    } catch (e) {
      setErrors((x) => ({ ...x, [line.lineId]: (e as Error).message }));
    }
  };

  const addNext = async () => {
    if (!facility) return;
    try {
      const next = await addInstance(await offlineDb(), task.clientId, facility.facilityId);
      setTask(next);
      go({ facilityId: facility.facilityId, instance: instanceCount(next, facility.facilityId) });
    } catch (e) {
      Taro.showToast({ title: (e as Error).message, icon: 'none' });
    }
  };

  const saveLocation = (text: string) => {
    if (!facility) return;
    const facilityId = facility.facilityId;
    queue.current = queue.current.then(async () => {
      try {
        setTask(await setInstanceLocation(await offlineDb(), task.clientId, facilityId, instance, text));
      } catch (e) {
        Taro.showToast({ title: (e as Error).message, icon: 'none' });
      }
    });
  };

  const removeLast = async () => {
    if (!facility) return;
    const { confirm } = await Taro.showModal({
      title: '删除该设施',
      content: `删除“${facility.name}（${instances}）”及其在本机的记录和照片？`,
    });
    if (!confirm) return;
    try {
      const next = await removeLastInstance(await offlineDb(), task.clientId, facility.facilityId);
      setTask(next);
      go({
        facilityId: facility.facilityId,
        instance: Math.min(instance, instanceCount(next, facility.facilityId)),
      });
      await loadRecords(next);
    } catch (e) {
      Taro.showToast({ title: (e as Error).message, icon: 'none' });
    }
  };

  return (
    <PageShell className="testing-page maintenance-record">
      <SyncStatusBar />
      {locked && (
        <Text className="warn-text" style={{ display: 'block', marginBottom: '12px' }}>
          已提交维保结果申请，记录不能再修改。
        </Text>
      )}
      <View className="card">
        <View className="crumbs">
          <Text className="link" onClick={() => go({})}>
            {task.siteName}
          </Text>
          {facility && (
            <>
              <Text className="muted">›</Text>
              <Text className="muted">{`${facility.systemName} · ${facility.name}`}</Text>
            </>
          )}
        </View>
        {!facility &&
          task.facilities.map((f) => {
            const n = instanceCount(task, f.facilityId);
            const ok = Array.from({ length: n }, (_, i) => done(f, i + 1)).reduce((a, b) => a + b, 0);
            return (
              <View
                key={f.facilityId}
                className="level-row row facility-row"
                data-facility={f.facilityId}
                onClick={() => go({ facilityId: f.facilityId, instance: 1 })}
              >
                <View>
                  <Text style={{ display: 'block' }}>{f.name}</Text>
                  <Text className="muted">{`${f.systemName} · ${n}个`}</Text>
                </View>
                <Text className="muted">{`${ok}/${f.lines.length * n}`}</Text>
              </View>
            );
          })}
        {facility && (
          <>
            <View className="positions">
              {Array.from({ length: instances }, (_, i) => i + 1).map((n) => (
                <Tag
                  key={n}
                  className="position-tag"
                  type={n === instance ? 'primary' : 'default'}
                  plain={n !== instance}
                  onClick={() => go({ facilityId: facility.facilityId, instance: n })}
                >
                  {`${facility.name}（${n}）${done(facility, n)}/${facility.lines.length}`}
                </Tag>
              ))}
            </View>
            <View className="form-row">
              <Text className="muted">{`设施位置（${facility.name}（${instance}））`}</Text>
              <Input
                key={`${facility.facilityId}|${instance}`}
                className="facility-location"
                defaultValue={instanceLocation(task, facility.facilityId, instance)}
                maxLength={100}
                disabled={locked}
                placeholder="如：1号楼地下一层配电室（可不填）"
                onChange={(v) => saveLocation(v)}
              />
            </View>
            <View className="row" style={{ marginTop: '12px' }}>
              <Button
                size="small"
                type="primary"
                fill="outline"
                disabled={locked}
                onClick={() => void addNext()}
              >
                添加下一个
              </Button>
              {instances > 1 && instance === instances && (
                <Button size="small" fill="none" disabled={locked} onClick={() => void removeLast()}>
                  删除该设施
                </Button>
              )}
            </View>
          </>
        )}
      </View>
      {facility &&
        facility.lines.map((line) => (
          <MaintenanceLineForm
            key={`${facility.facilityId}|${instance}|${line.lineId}`}
            facilityName={`${facility.name}（${instance}）`}
            line={line}
            record={records.get(maintenanceSlot(task.clientId, facility.facilityId, instance, line.lineId))}
            locked={locked}
            photoUrls={photoUrls}
            error={errors[line.lineId]}
            onChange={(c) => change(line, c)}
            onShoot={() => void shoot(line, false)}
            onFilm={() => void film(line)}
            onSignature={() => void shoot(line, true)}
          />
        ))}
      {facility && (
        <Button block type="primary" fill="outline" onClick={() => go({})}>
          返回设施列表
        </Button>
      )}
    </PageShell>
  );
}
