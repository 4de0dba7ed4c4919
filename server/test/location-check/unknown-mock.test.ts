import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockFlagSchema } from '@xf/domain';
import { LocationCheck } from '../../src/location-check/models';
import { RedFlag } from '../../src/red-flags/model';
import { fieldWorld, onSiteGcj, type FieldWorld } from '../site-requests/field-world';

/**
 * A fix whose device cannot tell whether it is mocked (a browser, the mini-program) is stored as unknown,
 * shown to the lead as unknown, and raises a red flag unless the policy says only to record it. A known mock
 * is refused as before.
 */
let f: FieldWorld;
beforeAll(async () => {
  f = await fieldWorld();
}, 180_000);
afterAll(async () => f?.t.close());

const flagsOn = (checkId: number) =>
  RedFlag.count({
    where: { kind: 'location_mock_unknown', subjectType: 'location_check', subjectId: checkId },
  });

describe('是否模拟定位：未知 (mock flag unknown)', () => {
  it('reads true, false and unknown from JSON and multipart text; a missing flag is unknown, never false', () => {
    expect(mockFlagSchema.parse(true)).toBe(true);
    expect(mockFlagSchema.parse('1')).toBe(true);
    expect(mockFlagSchema.parse('false')).toBe(false);
    expect(mockFlagSchema.parse(false)).toBe(false);
    expect(mockFlagSchema.parse('unknown')).toBeNull();
    expect(mockFlagSchema.parse(null)).toBeNull();
    expect(mockFlagSchema.parse(undefined)).toBeNull();
    expect(mockFlagSchema.safeParse('maybe').success).toBe(false);
  });

  it('stores an unknown flag as unknown, shows it to the lead and raises a red flag (default policy)', async () => {
    const res = await f.createTask(f.tokens.caozuo01, { planSingleItemIds: f.singles[0], isMock: 'unknown' });
    expect(res.status).toBe(201);
    const check = res.body.startRequest.locationCheck;
    expect(check).toMatchObject({ inside: true, isMock: null, mockLabel: '未知（设备无法判断）' });
    const row = (await LocationCheck.findOne({ order: [['id', 'DESC']] }))!;
    expect(row.isMock).toBeNull();
    expect(await flagsOn(row.id)).toBe(1);

    const list = await f.t.request('GET', `/api/site-requests?status=pending`, { token: f.tokens.lead });
    expect(list.status).toBe(200);
    const seen = list.body.items.find((r: { id: number }) => r.id === res.body.startRequest.id);
    expect(seen.locationCheck).toMatchObject({ isMock: null, mockLabel: '未知（设备无法判断）' });

    const flags = await f.t.request(
      'GET',
      `/api/red-flags?kind=location_mock_unknown&subjectType=location_check&subjectId=${row.id}`,
      { token: f.w.admin },
    );
    expect(flags.status).toBe(200);
    expect(flags.body.items[0]).toMatchObject({ kindLabel: '无法判断是否模拟定位', open: true });
    expect(flags.body.items[0].reason).toContain('无法判断是否为模拟定位');
  });

  it('a fix sent without the flag is unknown too; the lead approving from the mini-program is flagged as well', async () => {
    const res = await f.createTask(f.tokens.caozuo01, { planSingleItemIds: f.singles[1] });
    expect(res.status).toBe(201);
    expect(res.body.startRequest.locationCheck.isMock).toBeNull();
    const approved = await f.approve(res.body.startRequest.id, f.tokens.lead, onSiteGcj);
    expect(approved.status).toBe(200);
    const leadCheck = (await LocationCheck.findOne({
      where: { purpose: 'site_request_approval' },
      order: [['id', 'DESC']],
    }))!;
    expect(leadCheck.isMock).toBeNull();
    expect(await flagsOn(leadCheck.id)).toBe(1);
  });

  it('a fix the device says is real is stored as false and raises no flag', async () => {
    const res = await f.createTask(f.tokens.caozuo01, { planSingleItemIds: f.singles[2], isMock: 'false' });
    expect(res.status).toBe(201);
    expect(res.body.startRequest.locationCheck).toMatchObject({ isMock: false, mockLabel: '否' });
    const row = (await LocationCheck.findOne({ order: [['id', 'DESC']] }))!;
    expect(row.isMock).toBe(false);
    expect(await flagsOn(row.id)).toBe(0);
  });

  it('with LOCATION_MOCK_UNKNOWN=record an unknown flag is stored as unknown but not flagged', async () => {
    f.t.app.config.unknownMockLocation = 'record';
    try {
      const res = await f.createTask(f.tokens.caozuo01, { planSingleItemIds: f.singles[0] });
      expect(res.status).toBe(201);
      const row = (await LocationCheck.findOne({ order: [['id', 'DESC']] }))!;
      expect(row.isMock).toBeNull();
      expect(await flagsOn(row.id)).toBe(0);
    } finally {
      f.t.app.config.unknownMockLocation = 'flag';
    }
  });

  it('a known mock is refused as before and stored as mocked', async () => {
    const res = await f.createTask(f.tokens.caozuo01, { planSingleItemIds: f.singles[0], isMock: true });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('mock_location');
    const row = (await LocationCheck.findOne({ order: [['id', 'DESC']] }))!;
    expect(row.isMock).toBe(true);
    expect(row.reason).toBe('mock_location');
  });
});
