import { checkGeofence, mockFlagLabel, type LocationCheckReason, type LocationFix } from '@xf/domain';
import type { Transaction } from 'sequelize';
import type { Config } from '../config';
import type { Actor } from '../core/actor';
import { raiseRedFlag } from '../red-flags/service';
import { toGcj02 } from '../institutions/service';
import { fenceOf } from '../projects/geofence';
import type { Project } from '../projects/models';
import { LocationCheck } from './models';
import { now as clockNow } from '../core/clock';

export interface LocationCheckOutcome {
  inside: boolean;
  distanceM: number | null;
  reason: LocationCheckReason;
  message: string;
  check: LocationCheck;
}

/**
 * 位置校验 on the server (standards §5): a WGS-84 fix is converted to GCJ-02, the project's fence system, and
 * the rule decides. Every check is stored with the raw fix, whatever the result.
 */
export async function checkLocation(
  actor: Pick<Actor, 'id'>,
  project: Project,
  fix: LocationFix,
  purpose: string,
  t?: Transaction,
): Promise<LocationCheckOutcome> {
  const point = toGcj02(fix);
  const fence = fenceOf(project);
  // The fix's age is measured on the wall clock: the device stamps it with its own real time, which a test clock
  // (XF_NOW) does not move. The stored time of the check is the business clock, like every other event.
  const result = checkGeofence({
    point,
    accuracyM: fix.accuracy,
    isMock: fix.isMock,
    fixTime: fix.fixTime,
    now: new Date(),
    fence: fence && fence.radius != null ? { lng: fence.lng, lat: fence.lat, radiusM: fence.radius } : null,
  });
  const check = await LocationCheck.create(
    {
      accountId: actor.id,
      projectId: project.id,
      purpose,
      rawLng: fix.lng,
      rawLat: fix.lat,
      rawCrs: fix.crs,
      accuracy: fix.accuracy,
      isMock: fix.isMock,
      fixTime: fix.fixTime,
      lng: point.lng,
      lat: point.lat,
      fenceLng: fence?.lng ?? null,
      fenceLat: fence?.lat ?? null,
      fenceRadius: fence?.radius ?? null,
      distanceM: result.distanceM,
      inside: result.inside,
      reason: result.reason,
      at: clockNow(),
    },
    { transaction: t },
  );
  return { ...result, check };
}

/**
 * A fix whose device could not tell whether it was mocked is stored as unknown (never as "not mocked") and,
 * when the policy says so (LOCATION_MOCK_UNKNOWN=flag, the default), raises a red flag on that check.
 */
export async function flagUnknownMock(
  config: Pick<Config, 'unknownMockLocation'>,
  project: Project,
  check: LocationCheck,
  who: string,
  t?: Transaction,
) {
  if (check.isMock !== null || config.unknownMockLocation !== 'flag') return null;
  return raiseRedFlag(
    {
      kind: 'location_mock_unknown',
      subjectType: 'location_check',
      subjectId: check.id,
      subjectName: `${project.siteName} 位置校验#${check.id}`,
      institutionId: project.institutionId,
      reason: `${who}的定位无法判断是否为模拟定位（设备不提供该信息），请核实其是否在现场`,
      details: { projectId: project.id, purpose: check.purpose, accountId: check.accountId },
    },
    t,
  );
}

export const presentLocationCheck = (c: LocationCheck) => {
  const fenceRadius = c.fenceRadius;
  return {
    inside: c.inside,
    distanceM: c.distanceM,
    reason: c.reason as LocationCheckReason,
    message: describe(c.reason as LocationCheckReason, c.distanceM, fenceRadius),
    accuracy: c.accuracy,
    crs: c.rawCrs,
    isMock: c.isMock,
    mockLabel: mockFlagLabel(c.isMock),
    checkedAt: c.at.toISOString(),
  };
};

function describe(reason: LocationCheckReason, distanceM: number | null, radius: number | null) {
  const far = distanceM == null ? '' : `，距项目${Math.round(distanceM)}米`;
  const r = radius == null ? '' : `（围栏半径${radius}米）`;
  switch (reason) {
    case 'inside':
      return `位于项目地理围栏内${far}${r}`;
    case 'outside_geofence':
      return `不在项目地理围栏内${far}${r}`;
    case 'accuracy_too_low':
      return `定位精度不足${far}`;
    case 'mock_location':
      return '检测到模拟定位';
    case 'stale_fix':
      return '定位时间与服务器时间相差过大';
    case 'no_geofence':
      return '项目尚未标注地理围栏';
  }
}
