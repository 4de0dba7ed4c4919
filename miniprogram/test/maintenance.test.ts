import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { drain, fix, freshDb, freshDbName, photo, recordingServer, serverTask } from './support/field-task';

vi.mock('@tarojs/taro', () => ({ default: {} }));

const { NetworkError, ApiError } = await import('../src/api/errors');
const { openOfflineDb } = await import('../src/offline/db');
const { outboxEntries } = await import('../src/offline/outbox');
const { entityHandler } = await import('../src/offline/transport');
const m = await import('../src/offline/maintenance');
const form = await import('../src/offline/maintenance-form');
const { maintenanceSubmissionSchema } = await import('@xf/domain/api/maintenance-records');
type LocalMaintenanceFacility = import('../src/offline/maintenance-types').LocalMaintenanceFacility;
type LocalMaintenanceLine = import('../src/offline/maintenance-types').LocalMaintenanceLine;
type OfflineDb = import('../src/offline/db').OfflineDb;

// 报警控制器 b. as the manual's screen shows it.
const lineB: LocalMaintenanceLine = {
  lineId: 'M.02.1.01.b',
  letter: 'b',
  text: '试验电源部分主、备电源切换功能，和备用电源充、放电功能',
  period: 'month',
  prompts: [
    {
      id: 'M.02.1.01.b.1',
      text: '关闭主电源，备电能否自动投入',
      options: ['能', '不能'],
      conformingOption: '能',
    },
    {
      id: 'M.02.1.01.b.2',
      text: '显示状态及指示灯点亮',
      options: ['正常', '不正常'],
      conformingOption: '正常',
    },
    {
      id: 'M.02.1.01.b.result',
      text: '测试结果是否符合测试要求',
      options: ['符合', '不符合'],
      conformingOption: '符合',
    },
  ],
  conformityStandard: '主、备电源能自动切换，指示正常',
};
const lineA: LocalMaintenanceLine = {
  lineId: 'M.02.1.01.a',
  letter: 'a',
  text: '状态、标志',
  period: 'month',
  prompts: [
    { id: 'M.02.1.01.a.1', text: '仪表、指示灯显示', options: ['正常', '不正常'], conformingOption: '正常' },
    {
      id: 'M.02.1.01.a.result',
      text: '测试结果是否符合测试要求',
      options: ['符合', '不符合'],
      conformingOption: '符合',
    },
  ],
  conformityStandard: '显示正常',
};
const controller: LocalMaintenanceFacility = {
  facilityId: 'M.02.1.01',
  name: '报警控制器',
  systemName: '火灾报警系统',
  categoryName: '控制中心报警系统',
  lines: [lineA, lineB],
};

const empty = () =>
  form.emptyLineRecord({
    clientId: 'r1',
    taskClientId: 't1',
    slot: 's',
    facilityId: 'M.02.1.01',
    instance: 1,
    lineId: lineB.lineId,
  });

describe('maintenance line form rules', () => {
  it('能检查: every prompt answered; the last answer fills 符合/不符合 from the answers, the operator may change it', () => {
    let r = form.applyLineChange(lineB, empty(), { checkable: true });
    expect(form.lineProblem(lineB, r)).toBe('请回答“关闭主电源，备电能否自动投入”');
    r = form.applyLineChange(lineB, r, { answer: { promptId: 'M.02.1.01.b.1', option: '能' } });
    expect(r.conformity).toBeNull();
    r = form.applyLineChange(lineB, r, { answer: { promptId: 'M.02.1.01.b.2', option: '不正常' } });
    expect(r.conformity).toBe('nonconforming');
    expect(form.lineProblem(lineB, r)).toBeNull();
    expect(form.conformityOf(r)).toBe('nonconforming');
    // The operator judges otherwise: kept, with a warning.
    r = form.applyLineChange(lineB, r, { conformity: 'conforming' });
    expect(form.conformityOf(r)).toBe('conforming');
    expect(form.isPrejudgeMismatch(lineB, r)).toBe(true);
    expect(() =>
      form.applyLineChange(lineB, r, { answer: { promptId: 'M.02.1.01.b.1', option: '正常' } }),
    ).toThrow('只能回答能或不能');
    // The final prompt is not an answer: it is the conformity.
    expect(() =>
      form.applyLineChange(lineB, r, { answer: { promptId: 'M.02.1.01.b.result', option: '符合' } }),
    ).toThrow('不属于');
  });

  it('不能检查: a reason; 不匹配 needs the four fields and a judgment; the other three are 不适用', () => {
    let r = form.applyLineChange(lineB, empty(), { checkable: false });
    expect(form.lineProblem(lineB, r)).toBe('不能检查时请选择不能检查原因');
    r = form.applyLineChange(lineB, r, { reason: 'standard_mismatch' });
    expect(form.lineProblem(lineB, r)).toBe('请按适用的标准规范填写测试项名称');
    r = form.applyLineChange(lineB, r, {
      mismatch: { itemName: '备电切换', location: '消控室', process: '断主电', result: '切换正常' },
    });
    expect(form.lineProblem(lineB, r)).toBe('请判断测试结果是否符合测试要求（符合或不符合）');
    r = form.applyLineChange(lineB, r, { conformity: 'conforming' });
    expect(form.lineProblem(lineB, r)).toBeNull();
    expect(form.conformityOf(r)).toBe('conforming');

    r = form.applyLineChange(lineB, r, { reason: 'no_conditions' });
    expect(r.conformity).toBeNull();
    expect(form.conformityOf(r)).toBe('not_applicable');
    expect(form.lineProblem(lineB, r)).toBe('不具备测试条件时，需要说明原因');
    r = form.applyLineChange(lineB, r, { explanation: '业主不允许断电' });
    expect(form.lineProblem(lineB, r)).toBe('不具备测试条件时，需要拍照甲方签字上传');
    expect(form.lineProblem(lineB, { ...r, signaturePhotoClientIds: ['p1'] })).toBeNull();

    for (const reason of ['out_of_contract', 'not_present'] as const) {
      const x = form.applyLineChange(lineB, r, { reason });
      expect(form.lineProblem(lineB, x)).toBeNull();
      expect(form.conformityOf(x)).toBe('not_applicable');
    }
  });

  it('sends only the chosen side: answers when checkable, the reason fields when not', () => {
    let r = form.applyLineChange(lineB, empty(), { checkable: true });
    r = form.applyLineChange(lineB, r, { answer: { promptId: 'M.02.1.01.b.1', option: '能' } });
    r = form.applyLineChange(lineB, r, { checkable: false });
    r = form.applyLineChange(lineB, r, { reason: 'no_conditions', explanation: '停电' });
    const wire = m.toWireRecord(
      { ...r, signaturePhotoClientIds: ['sig'], photoClientIds: ['p'] },
      new Map([
        ['sig', 901],
        ['p', 902],
      ]),
    );
    expect(wire).toMatchObject({
      checkable: false,
      answers: {},
      conformity: 'not_applicable',
      notCheckableReason: 'no_conditions',
      explanation: '停电',
      signaturePhotoFileId: 901,
      photoFileIds: [902],
    });
    expect(wire.mismatch).toBeUndefined();
  });
});

/** The server answers every maintenance entity with id 61. */
const fakeServer = (fail?: (call: string, n: number) => Error | null) => recordingServer(fail, () => '61');

/** 建立维保任务 for 报警控制器 of the month plan, made on the phone (queued). */
const newTask = (db: OfflineDb) =>
  m.createMaintenanceTask(
    db,
    '9',
    { projectId: 4, siteName: '维保大厦', planId: 5, planLabel: '2026-12 月计划', facilities: [controller] },
    fix,
    photo('live'),
  );

async function startedTask(db: OfflineDb) {
  const task = await newTask(db);
  await drain(db, '9', fakeServer().transport);
  await m.applyServerMaintenanceTasks(db, '9', [
    serverTask(61, task.startKey, { id: 1, status: 'approved' }),
  ]);
  return (await db.get('maintenanceTasks', task.clientId))!;
}

async function recordAll(db: OfflineDb, task: Awaited<ReturnType<typeof startedTask>>) {
  const fresh = await db.get('maintenanceTasks', task.clientId);
  for (const { facility, instance, line } of m.taskSlots(fresh!)) {
    const at = { facilityId: facility.facilityId, instance, line };
    await m.saveMaintenanceRecord(db, task, at, { checkable: true });
    for (const p of form.checkPrompts(line))
      await m.saveMaintenanceRecord(db, task, at, { answer: { promptId: p.id, option: p.options[0]! } });
  }
}

describe('maintenance on the phone', () => {
  it('the start request travels as queued under its key; a refused one is made again under a new key', async () => {
    const db = await freshDb();
    const req = entityHandler('maintenanceTask').request('k-1', {
      fields: { planId: '5', facilityIds: 'M.02.1.01' },
      photo: photo('live'),
    });
    expect(req).toMatchObject({ method: 'POST', path: '/maintenance-tasks' });
    expect(req.form!.get('idempotencyKey')).toBe('k-1');
    const task = await newTask(db);
    const [entry] = await outboxEntries(db, '9');
    expect(entry).toMatchObject({ kind: 'maintenanceTask', entityClientId: task.startKey });
    expect((entry!.payload as { fields: Record<string, string> }).fields).toMatchObject({
      planId: '5',
      facilityIds: 'M.02.1.01',
      lng: '116.39',
    });
    const server = fakeServer();
    await drain(db, '9', server.transport);
    expect((await db.get('maintenanceTasks', task.clientId))!.start.state).toBe('pending');
    await m.applyServerMaintenanceTasks(db, '9', [
      {
        id: 61,
        idempotencyKey: task.startKey,
        startRequest: { id: 1, status: 'rejected', decisionReason: '不在现场' },
      },
    ]);
    const refused = (await db.get('maintenanceTasks', task.clientId))!;
    expect(refused.start).toMatchObject({ state: 'rejected', reason: '不在现场' });
    const again = await m.requestMaintenanceStartAgain(db, refused, fix, photo('live2'));
    expect(again.startKey).not.toBe(task.startKey);
    expect(again.start.state).toBe('queued');
  });

  it('resumes exactly where the operator was after the app was closed (draft and place in IndexedDB)', async () => {
    const name = freshDbName('maintenance-resume');
    let db = await openOfflineDb(name);
    const task = await startedTask(db);
    const at = { facilityId: controller.facilityId, instance: 1, line: lineB };
    await m.saveMaintenanceRecord(db, task, at, { checkable: true });
    await m.saveMaintenanceRecord(db, task, at, { answer: { promptId: 'M.02.1.01.b.1', option: '不能' } });
    await m.saveMaintenanceRecord(db, task, at, { note: '备电电池鼓包', addPhotos: [photo('bulge')] });
    const withTwo = await m.addInstance(db, task.clientId, controller.facilityId);
    await m.saveMaintenanceCursor(db, '9', {
      taskClientId: task.clientId,
      facilityId: controller.facilityId,
      instance: 2,
      lineId: lineB.lineId,
    });
    const firstKey = (await m.maintenanceRecordsOf(db, task.clientId))[0]!.clientId;
    db.close();

    db = await openOfflineDb(name);
    expect(await m.loadMaintenanceCursor(db, '9')).toEqual({
      taskClientId: task.clientId,
      facilityId: controller.facilityId,
      instance: 2,
      lineId: lineB.lineId,
    });
    const reopened = (await db.get('maintenanceTasks', task.clientId))!;
    expect(m.instanceCount(reopened, controller.facilityId)).toBe(2);
    expect(m.taskSlots(reopened)).toHaveLength(4);
    const [saved] = await m.maintenanceRecordsOf(db, task.clientId);
    expect(saved).toMatchObject({
      checkable: true,
      answers: { 'M.02.1.01.b.1': '不能' },
      note: '备电电池鼓包',
    });
    expect(saved!.photoClientIds).toHaveLength(1);
    expect((await m.photosOfIds(db, saved!.photoClientIds))[0]!.blob).toBeTruthy();
    // A later change keeps the record's key (one record per line and facility).
    await m.saveMaintenanceRecord(db, withTwo, at, { answer: { promptId: 'M.02.1.01.b.2', option: '正常' } });
    const records = await m.maintenanceRecordsOf(db, task.clientId);
    expect(records).toHaveLength(1);
    expect(records[0]!.clientId).toBe(firstKey);
    expect(records[0]!.conformity).toBe('nonconforming');
  });

  it('submits only when every line is recorded, after the lead consents; photos first, then all records once', async () => {
    const db = await freshDb();
    const task = await startedTask(db);
    await expect(m.requestMaintenanceSubmission(db, task, fix, photo('s'))).rejects.toThrow(
      '还有2条维保内容未记录',
    );
    await recordAll(db, task);
    await m.saveMaintenanceRecord(
      db,
      task,
      { facilityId: controller.facilityId, instance: 1, line: lineB },
      { addPhotos: [photo('a'), photo('b')] },
    );
    const requested = await m.requestMaintenanceSubmission(db, task, fix, photo('s'));
    await expect(
      m.saveMaintenanceRecord(
        db,
        requested,
        { facilityId: controller.facilityId, instance: 1, line: lineA },
        { note: 'x' },
      ),
    ).rejects.toThrow('不能再修改记录');
    await drain(db, '9', fakeServer().transport);
    await m.applyServerMaintenanceTasks(db, '9', [
      serverTask(61, task.startKey, { id: 1, status: 'approved' }, { id: 2, status: 'approved' }),
    ]);
    // The network drops during the second photo: the retry uploads only what is missing, under the same keys.
    let n = 0;
    const flaky = fakeServer((call) => (call.startsWith('photo:') && ++n === 2 ? new NetworkError() : null));
    const first = await drain(db, '9', flaky.transport, () => 0);
    expect(first.retrying).toBe(1);
    const second = await drain(db, '9', flaky.transport, () => 60 * 60_000);
    expect(second.sent).toBe(1);
    const photoCalls = flaky.calls.filter((c) => c.startsWith('photo:'));
    expect(photoCalls).toHaveLength(3);
    expect(new Set(photoCalls).size).toBe(2);
    const submissions = flaky.calls.filter((c) => c.startsWith('maintenanceSubmission:'));
    expect(submissions).toEqual([`maintenanceSubmission:${requested.submit!.submissionKey}`]);
    const body = flaky.bodies.at(-1) as {
      taskId: number;
      records: { photoFileIds: number[]; lineId: string }[];
    };
    expect(body.taskId).toBe(61);
    // The body the server gets passes the server's own schema.
    const wireBody = entityHandler('maintenanceSubmission').request(
      requested.submit!.submissionKey,
      body,
    ).json;
    expect(maintenanceSubmissionSchema.safeParse(wireBody).success).toBe(true);
    expect(body.records).toHaveLength(2);
    expect(body.records.find((r) => r.lineId === lineB.lineId)!.photoFileIds).toHaveLength(2);
    expect((await db.get('maintenanceTasks', task.clientId))!.submit!.submission).toBe('submitted');
    expect(await outboxEntries(db, '9')).toEqual([]);

    // A replay (the response was lost, the entry sent again) is the same request with the same body.
    const replay = fakeServer();
    await m.maintenanceSubmissionOutboxHandler.push(
      {
        id: `maintenanceSubmission:${requested.submit!.submissionKey}`,
        kind: 'maintenanceSubmission',
        entityClientId: requested.submit!.submissionKey,
        accountKey: '9',
        seq: 1,
        attempts: 0,
        nextAttemptAt: 0,
        state: 'pending',
      },
      { db, transport: replay.transport },
    );
    expect(replay.calls).toEqual([`maintenanceSubmission:${requested.submit!.submissionKey}`]);
    expect(replay.bodies[0]).toEqual(body);
  });

  it('a refusal by the server stays on the task with its message', async () => {
    const db = await freshDb();
    const task = await newTask(db);
    const server = fakeServer(() => new ApiError(409, 'conflict', '该设施已在您的维保任务中'));
    const report = await drain(db, '9', server.transport);
    expect(report.rejected).toBe(1);
    expect((await db.get('maintenanceTasks', task.clientId))!.start).toMatchObject({
      state: 'rejected',
      reason: '该设施已在您的维保任务中',
    });
    await m.discardMaintenanceTask(db, (await db.get('maintenanceTasks', task.clientId))!);
    expect(await db.get('maintenanceTasks', task.clientId)).toBeUndefined();
    expect(await outboxEntries(db, '9')).toEqual([]);
  });

  it('a rejected task is corrected from the server’s results and submitted again without a new submit request', async () => {
    const db = await freshDb();
    const view = (lineId: string, promptId: string, answer: string) => ({
      id: 1,
      facilityId: controller.facilityId,
      facilityIndex: 1,
      facilityLocation: '消控室',
      lineId,
      checkable: true,
      answers: [{ promptId, text: '', answer, conforming: true }],
      conformity: 'conforming',
      notCheckableReason: null,
      mismatch: null,
      explanation: null,
      signaturePhotoUrl: null,
      note: '',
      photoUrls: ['/api/files/77'],
      videoUrls: ['/api/files/78'],
      recordedAt: '2026-12-02T08:00:00.000Z',
    });
    const detail = {
      id: 61,
      idempotencyKey: 'start-key-from-another-phone',
      status: 'rejected',
      statusLabel: '审核不通过',
      projectId: 4,
      siteName: '维保大厦',
      planId: 5,
      planMonth: '2026-12',
      planKindLabel: '月计划',
      facilities: [{ facilityId: controller.facilityId }],
      records: [view(lineA.lineId, 'M.02.1.01.a.1', '正常'), view(lineB.lineId, 'M.02.1.01.b.1', '能')],
    };
    const plan = {
      facilities: [{ ...controller, lines: controller.lines.map((l) => ({ ...l })) }],
    };
    const task = await m.correctionFromServer(db, '9', detail as never, plan as never);
    expect(task).toMatchObject({ serverId: 61, correction: true, start: { state: 'approved' } });
    expect(m.instanceLocation(task, controller.facilityId, 1)).toBe('消控室');
    // Line b misses an answer: the correction cannot be submitted until it is complete.
    await expect(m.resubmitCorrection(db, task)).rejects.toThrow('显示状态及指示灯点亮');
    await m.saveMaintenanceRecord(
      db,
      task,
      { facilityId: controller.facilityId, instance: 1, line: lineB },
      { answer: { promptId: 'M.02.1.01.b.2', option: '正常' } },
    );
    const queued = await m.resubmitCorrection(db, task);
    const [entry] = await outboxEntries(db, '9');
    expect(entry).toMatchObject({
      kind: 'maintenanceSubmission',
      entityClientId: queued.submit!.submissionKey,
    });
    const server = fakeServer();
    await drain(db, '9', server.transport);
    expect(server.calls).toEqual([`maintenanceSubmission:${queued.submit!.submissionKey}`]);
    const body = server.bodies[0] as {
      records: { photoFileIds: number[]; videoFileIds: number[]; facilityLocation: string }[];
    };
    // Photos and videos already on the server are kept by their file ids.
    expect(body.records.every((r) => r.photoFileIds.includes(77) && r.facilityLocation === '消控室')).toBe(
      true,
    );
    expect(body.records.every((r) => r.videoFileIds.includes(78))).toBe(true);
  });

  it('"+" 视频: kept on the phone as a blob, refused over the limit, uploaded by its key before the records', async () => {
    const db = await freshDb();
    const task = await startedTask(db);
    await recordAll(db, task);
    const at = { facilityId: controller.facilityId, instance: 1, line: lineB };
    const clip = { blob: new Blob(['ftyp-moov-mdat'], { type: 'video/mp4' }), name: '现场视频.mp4' };
    const huge = { blob: { size: (m.MAX_VIDEO_MB + 1) * 1024 * 1024 } as Blob, name: 'long.mp4' };
    await expect(m.saveMaintenanceRecord(db, task, at, { addVideos: [huge] })).rejects.toThrow(
      `现场视频：每段不能超过${m.MAX_VIDEO_MB}MB`,
    );
    const filmed = await m.saveMaintenanceRecord(db, task, at, {
      addPhotos: [photo('p')],
      addVideos: [clip],
    });
    expect(filmed.videoClientIds).toHaveLength(1);
    const [kept] = await m.photosOfIds(db, filmed.videoClientIds!);
    expect(await kept!.blob.text()).toBe('ftyp-moov-mdat');
    // The video is not a photo: the report's photos stay one.
    expect(filmed.photoClientIds).toHaveLength(1);

    const requested = await m.requestMaintenanceSubmission(db, task, fix, photo('s'));
    await drain(db, '9', fakeServer().transport);
    await m.applyServerMaintenanceTasks(db, '9', [
      serverTask(61, task.startKey, { id: 1, status: 'approved' }, { id: 2, status: 'approved' }),
    ]);
    // The network drops on the video: the retry sends it again under the same key; the photo is not re-sent.
    const videoKey = filmed.videoClientIds![0]!;
    let dropped = false;
    const server = fakeServer((call) =>
      call === `photo:${videoKey}` && !dropped ? ((dropped = true), new NetworkError()) : null,
    );
    await drain(db, '9', server.transport, () => 0);
    await drain(db, '9', server.transport, () => 3_600_000);
    const uploads = server.calls.filter((c) => c.startsWith('photo:'));
    expect(uploads).toEqual([`photo:${filmed.photoClientIds[0]}`, `photo:${videoKey}`, `photo:${videoKey}`]);
    // POST /files with the key as Idempotency-Key, the bytes as recorded.
    const wire = entityHandler('photo').request(videoKey, { blob: clip.blob, name: clip.name });
    expect(wire).toMatchObject({ method: 'POST', path: '/files', headers: { 'Idempotency-Key': videoKey } });
    expect(server.calls.at(-1)).toBe(`maintenanceSubmission:${requested.submit!.submissionKey}`);
    const body = server.bodies.at(-1) as {
      records: { lineId: string; photoFileIds: number[]; videoFileIds: number[] }[];
    };
    const b = body.records.find((r) => r.lineId === lineB.lineId)!;
    expect(b.photoFileIds).toEqual([501]);
    expect(b.videoFileIds).toEqual([502]);
    expect(body.records.find((r) => r.lineId === lineA.lineId)!.videoFileIds).toEqual([]);
    expect(
      maintenanceSubmissionSchema.safeParse(
        entityHandler('maintenanceSubmission').request(requested.submit!.submissionKey, body).json,
      ).success,
    ).toBe(true);
  });

  it('排查维修: the result waits in the outbox under its key and is sent once', async () => {
    const db = await freshDb();
    const key = await m.queueFaultTaskResult(db, '9', 31, { result: 'resolved', note: '更换电池' });
    expect(await m.queuedFaultResults(db, '9')).toEqual(new Set([31]));
    const req = entityHandler('faultTaskResult').request(key, {
      faultTaskId: 31,
      result: 'resolved',
      note: '更换电池',
    });
    expect(req).toMatchObject({
      method: 'POST',
      path: '/maintenance-fault-tasks/31/complete',
      json: { idempotencyKey: key },
    });
    let down = true;
    const server = fakeServer(() => (down ? new NetworkError() : null));
    expect((await drain(db, '9', server.transport, () => 0)).retrying).toBe(1);
    down = false;
    await drain(db, '9', server.transport, () => 3_600_000);
    expect(server.calls).toEqual([`faultTaskResult:${key}`, `faultTaskResult:${key}`]);
    expect(await m.queuedFaultResults(db, '9')).toEqual(new Set());
  });
});
