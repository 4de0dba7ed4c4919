import { PageShell } from '../../components/PageShell';
import { PrivacyConsent } from '../../components/PrivacyConsent';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Input, InputNumber, Tag } from '@nutui/nutui-react-taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeLimit } from '@xf/domain/judgment/measured';
import { TEST_RESULT_LABELS, TEST_RESULTS, type TestResult } from '@xf/domain/judgment/results';
import {
  NoTaskToContinue,
  useBlobUrls,
  useRecordingTask,
  useScrollBack,
} from '../../components/field-task/recording';
import { SyncStatusBar } from '../../components/SyncStatusBar';
import {
  offlineDb,
  type LocalPlanItem,
  type LocalTestingRecord,
  type LocalTestingTask,
} from '../../offline/db';
import {
  computedResult,
  isMismatch,
  loadCursor,
  MAX_POSITIONS,
  needsMeasuredValue,
  positionCount,
  positionLabels,
  recordProblem,
  recordsOf,
  saveCursor,
  saveRecord,
  setPositionCount,
  slotOf,
  type RecordChange,
  type RecordingCursor,
} from '../../offline/testing';
import { claimRestoredPhotos, onRestoredPhoto } from '../../platform/camera-restore';
import { takePhotos, type PickedPhoto } from '../../platform/device';
import '../testing-tasks/testing.css';

type Where = Omit<RecordingCursor, 'taskClientId'>;

/**
 * The camera purpose of this page. The cursor (saved before the camera opens) says which item and position
 * the photo is for, so a photo restored after Android killed the app goes back to that record.
 */
const PHOTO_PURPOSE = 'testing-record';

/**
 * 现场记录 / 继续现场记录 (manual §02 操作员使用APP记录测试结果): single item → sub-item (位置数量) → each test item at
 * each position: one of the four results, the measured value where the item has limits with the computed result
 * shown at once, 检测说明 at hand, photos from the camera. Everything is saved on the phone as it is entered, with
 * no network; the place (task, single item, sub-item, position, item) is saved too, so 继续现场记录 returns to it.
 */
export default function TestingRecordPage() {
  const [where, setWhere] = useState<Where>({});
  const [records, setRecords] = useState<Map<string, LocalTestingRecord>>(new Map());
  const [openHelp, setOpenHelp] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [restored, setRestored] = useState<PickedPhoto[]>([]);
  const changeRef = useRef<((item: LocalPlanItem, c: RecordChange) => Promise<void>) | null>(null);

  const loadRecords = useCallback(async (t: LocalTestingTask) => {
    const list = await recordsOf(await offlineDb(), t.clientId);
    setRecords(new Map(list.map((r) => [r.slot, r])));
  }, []);

  const { task, setTask, missing, savePlace } = useRecordingTask<LocalTestingTask, RecordingCursor>({
    read: (db, id) => db.get('testingTasks', id),
    cursor: { load: loadCursor, save: saveCursor },
    open: async (t, cursor) => {
      if (cursor)
        setWhere({
          planSingleItemId: cursor.planSingleItemId,
          planSubItemId: cursor.planSubItemId,
          planItemId: cursor.planItemId,
          position: cursor.position,
        });
      await loadRecords(t);
    },
  });

  // Thumbnails only for the sub-item on screen: a task of 2,000 records does not decode every photo.
  const photoUrls = useBlobUrls(
    [...records.values()]
      .filter((r) => r.planSubItemId === where.planSubItemId)
      .flatMap((r) => r.photoClientIds),
  );

  useEffect(() => {
    const claim = () => {
      const photos = claimRestoredPhotos(PHOTO_PURPOSE);
      if (photos.length) setRestored((r) => [...r, ...photos]);
    };
    claim();
    return onRestoredPhoto((purpose) => purpose === PHOTO_PURPOSE && claim());
  }, []);
  // A restored photo joins the record the cursor points at, once the task and that item are on screen.
  useEffect(() => {
    if (!restored.length || !task || !where.planItemId || !changeRef.current) return;
    const item = task.singleItems
      .find((s) => s.planSingleItemId === where.planSingleItemId)
      ?.subItems.find((s) => s.planSubItemId === where.planSubItemId)
      ?.items.find((i) => i.planItemId === where.planItemId);
    if (!item) return;
    const photos = restored.filter((s) => s.blob).map((s) => ({ blob: s.blob!, name: s.name }));
    setRestored([]);
    if (photos.length) void changeRef.current(item, { addPhotos: photos });
  }, [restored, task, where]);

  const go = (next: Where) => {
    setWhere(next);
    savePlace(next);
  };

  useScrollBack(where.planItemId ? `item-${where.planItemId}` : null, records.size > 0);

  if (missing)
    return (
      <NoTaskToContinue
        text="没有可继续的现场记录，请先在“测试任务”中选择任务"
        url="/pages/testing-tasks/index"
        label="测试任务"
      />
    );
  if (!task) return <PageShell className="testing-page" />;

  const locked = !!task.submit && task.submit.request.state !== 'rejected';
  const single = task.singleItems.find((s) => s.planSingleItemId === where.planSingleItemId);
  const sub = single?.subItems.find((s) => s.planSubItemId === where.planSubItemId);
  const positions = sub ? positionLabels(positionCount(task, sub.planSubItemId)) : [];
  const position = where.position && positions.includes(where.position) ? where.position : positions[0];

  const countDone = (items: LocalPlanItem[], n: (planItemId: string) => number) => {
    let done = 0;
    let all = 0;
    for (const item of items)
      for (const p of positionLabels(n(item.planItemId))) {
        all++;
        const r = records.get(slotOf(task.clientId, item.planItemId, p));
        if (r?.result && !recordProblem(item, r)) done++;
      }
    return `${done}/${all}`;
  };

  const change = async (item: LocalPlanItem, c: RecordChange) => {
    if (!single || !sub || !position) return;
    try {
      await saveRecord(
        await offlineDb(),
        task,
        {
          planSingleItemId: single.planSingleItemId,
          planSubItemId: sub.planSubItemId,
          planItemId: item.planItemId,
          position,
        },
        c,
      );
      setErrors((e) => ({ ...e, [item.planItemId]: '' }));
      go({ ...where, position, planItemId: item.planItemId });
      await loadRecords(task);
    } catch (e) {
      setErrors((x) => ({ ...x, [item.planItemId]: (e as Error).message }));
    }
  };

  changeRef.current = change;

  const shoot = async (item: LocalPlanItem) => {
    try {
      // The cursor names the record the photo is for, should Android kill the app while the camera is open.
      go({ ...where, position, planItemId: item.planItemId });
      const shots = await takePhotos({ allowAlbum: false, max: 1, purpose: PHOTO_PURPOSE });
      const photos = shots.filter((s) => s.blob).map((s) => ({ blob: s.blob!, name: s.name }));
      if (photos.length) await change(item, { addPhotos: photos });
    } catch (e) {
      setErrors((x) => ({ ...x, [item.planItemId]: (e as Error).message }));
    }
  };

  const setMeasured = (item: LocalPlanItem, text: string) => {
    setDrafts((d) => ({ ...d, [`${item.planItemId}|${position}`]: text }));
    const trimmed = text.trim();
    if (trimmed === '') return void change(item, { measuredValue: null });
    const value = Number(trimmed);
    if (Number.isFinite(value)) void change(item, { measuredValue: value });
    else setErrors((x) => ({ ...x, [item.planItemId]: '测量值：应为数字' }));
  };

  const changePositions = async (value: number) => {
    if (!sub) return;
    try {
      const next = await setPositionCount(await offlineDb(), task.clientId, sub.planSubItemId, value);
      setTask(next);
    } catch (e) {
      Taro.showToast({ title: (e as Error).message, icon: 'none' });
    }
  };

  const crumbs = (
    <View className="crumbs">
      <Text className="link" onClick={() => go({})}>
        {task.siteName}
      </Text>
      {single && (
        <>
          <Text className="muted">›</Text>
          <Text className="link" onClick={() => go({ planSingleItemId: single.planSingleItemId })}>
            {`${single.buildingName} ${single.code} ${single.name}`}
          </Text>
        </>
      )}
      {sub && (
        <>
          <Text className="muted">›</Text>
          <Text className="muted">{sub.name}</Text>
        </>
      )}
    </View>
  );

  return (
    <PageShell className="testing-page">
      <SyncStatusBar />
      {locked && (
        <Text className="warn-text" style={{ display: 'block', marginBottom: '12px' }}>
          已提交检测结果申请，记录不能再修改。
        </Text>
      )}
      <View className="card">
        {crumbs}
        {!single &&
          task.singleItems.map((s) => (
            <View
              key={s.planSingleItemId}
              className="level-row row single-row"
              onClick={() => go({ planSingleItemId: s.planSingleItemId })}
            >
              <Text>{`${s.buildingName} ${s.code} ${s.name}`}</Text>
              <Text className="muted">
                {countDone(
                  s.subItems.flatMap((x) => x.items),
                  (id) =>
                    positionCount(
                      task,
                      s.subItems.find((x) => x.items.some((i) => i.planItemId === id))!.planSubItemId,
                    ),
                )}
              </Text>
            </View>
          ))}
        {single &&
          !sub &&
          single.subItems.map((s) => (
            <View key={s.planSubItemId} className="level-row sub-row">
              <View
                className="row"
                onClick={() =>
                  go({ planSingleItemId: single.planSingleItemId, planSubItemId: s.planSubItemId })
                }
              >
                <Text>{s.name}</Text>
                <Text className="muted">
                  {countDone(s.items, () => positionCount(task, s.planSubItemId))}
                </Text>
              </View>
              <View className="row" style={{ marginTop: '8px' }}>
                <Text className="muted">位置数量</Text>
                <InputNumber
                  className="position-count"
                  value={positionCount(task, s.planSubItemId)}
                  min={1}
                  max={MAX_POSITIONS}
                  disabled={locked}
                  onChange={(v) => {
                    void (async () => {
                      try {
                        setTask(
                          await setPositionCount(
                            await offlineDb(),
                            task.clientId,
                            s.planSubItemId,
                            Number(v),
                          ),
                        );
                      } catch (e) {
                        Taro.showToast({ title: (e as Error).message, icon: 'none' });
                      }
                    })();
                  }}
                />
              </View>
            </View>
          ))}
        {sub && (
          <>
            <View className="row">
              <Text className="muted">位置数量</Text>
              <InputNumber
                className="position-count"
                value={positions.length}
                min={1}
                max={MAX_POSITIONS}
                disabled={locked}
                onChange={(v) => void changePositions(Number(v))}
              />
            </View>
            <View className="positions">
              {positions.map((p) => (
                <Tag
                  key={p}
                  className="position-tag"
                  type={p === position ? 'primary' : 'default'}
                  plain={p !== position}
                  onClick={() => go({ ...where, position: p })}
                >
                  {`位置${p}`}
                </Tag>
              ))}
            </View>
          </>
        )}
      </View>
      {sub &&
        position &&
        sub.items.map((item) => {
          const r = records.get(slotOf(task.clientId, item.planItemId, position));
          const computed = r ? computedResult(item, r) : null;
          const mismatch = r ? isMismatch(item, r) : false;
          const problem = r?.result ? recordProblem(item, r) : null;
          const draftKey = `${item.planItemId}|${position}`;
          const measuredText = drafts[draftKey] ?? (r?.measuredValue != null ? String(r.measuredValue) : '');
          return (
            <View
              key={draftKey}
              id={`item-${item.planItemId}`}
              className={`card item-card ${mismatch ? 'mismatch' : ''} ${where.planItemId === item.planItemId ? 'current' : ''}`}
              data-item={item.planItemId}
            >
              <View className="row">
                <Text className="item-name">{item.name}</Text>
                <View className="row" style={{ gap: '8px' }}>
                  <Tag type={item.class === 'A' ? 'danger' : item.class === 'B' ? 'warning' : 'default'}>
                    {`${item.class}类`}
                  </Tag>
                  <Text
                    className="link"
                    onClick={() => setOpenHelp(openHelp === item.planItemId ? null : item.planItemId)}
                  >
                    检测说明
                  </Text>
                </View>
              </View>
              {openHelp === item.planItemId && (
                <View className="instructions">
                  <Text style={{ display: 'block' }}>{`检测方法：${item.method}`}</Text>
                  <Text
                    style={{ display: 'block', marginTop: '6px' }}
                  >{`检测要求：${item.requirement}`}</Text>
                  {item.measured && (
                    <Text
                      style={{ display: 'block', marginTop: '6px' }}
                    >{`判定：${describeLimit(item.measured)}`}</Text>
                  )}
                </View>
              )}
              <View className="results">
                {TEST_RESULTS.map((res: TestResult) => (
                  <Button
                    key={res}
                    size="small"
                    className={`result-${res}`}
                    type={r?.result === res ? (res === 'fail' ? 'danger' : 'primary') : 'default'}
                    disabled={locked}
                    onClick={() => void change(item, { result: res })}
                  >
                    {TEST_RESULT_LABELS[res]}
                  </Button>
                ))}
              </View>
              {needsMeasuredValue(item) && item.measured && (
                <View className="measured">
                  <Text className="muted">{`${item.measured.quantity}`}</Text>
                  <Input
                    className="measured-input"
                    type="digit"
                    placeholder={`测量值（${item.measured.unit}）`}
                    value={measuredText}
                    disabled={locked}
                    onChange={(v) => setMeasured(item, v)}
                  />
                  <Text className="muted">{item.measured.unit}</Text>
                </View>
              )}
              {needsMeasuredValue(item) && item.measured && (
                <Text
                  className="muted"
                  style={{ display: 'block' }}
                >{`标准：${describeLimit(item.measured)}`}</Text>
              )}
              {computed && needsMeasuredValue(item) && r?.measuredValue != null && (
                <Text
                  className={mismatch ? 'warn-text computed' : 'ok-text computed'}
                  style={{ display: 'block' }}
                >
                  {mismatch
                    ? `按测量值判定为“${TEST_RESULT_LABELS[computed]}”，与您选择的“${TEST_RESULT_LABELS[r.result!]}”不符，将记录为不一致`
                    : `按测量值判定：${TEST_RESULT_LABELS[computed]}`}
                </Text>
              )}
              <View className="photos">
                {(r?.photoClientIds ?? []).map((id) =>
                  photoUrls.get(id) ? (
                    <View key={id} style={{ position: 'relative' }}>
                      <Image className="photo record-photo" src={photoUrls.get(id)!} mode="aspectFill" />
                      {!locked && (
                        <Text
                          className="link"
                          style={{ position: 'absolute', right: '2px', top: '0' }}
                          onClick={() => void change(item, { removePhotoIds: [id] })}
                        >
                          ×
                        </Text>
                      )}
                    </View>
                  ) : null,
                )}
              </View>
              <View className="row" style={{ marginTop: '8px' }}>
                <Button size="small" fill="outline" disabled={locked} onClick={() => void shoot(item)}>
                  {`拍照（${r?.photoClientIds.length ?? 0}）`}
                </Button>
                {r?.result && !problem && <Text className="ok-text">已保存</Text>}
              </View>
              {(problem || errors[item.planItemId]) && (
                <Text className="error-text" style={{ display: 'block' }}>
                  {errors[item.planItemId] || problem}
                </Text>
              )}
            </View>
          );
        })}
      <PrivacyConsent />
    </PageShell>
  );
}
