/**
 * 位置校验 (manual 创新特点5, standards §5): a phone's fix against a project's geofence. Both points must be
 * in the same coordinate system (GCJ-02); the server converts WGS-84 fixes before calling these rules.
 */

const EARTH_RADIUS_METRES = 6_371_008.8;

/** A fix worse than this is refused whatever the radius: a 300 m blur cannot prove presence on site. */
export const LOCATION_ACCURACY_CAP_METRES = 100;
/** A fix older than this (against server time) is stale: it may have been taken elsewhere. */
export const LOCATION_FIX_MAX_AGE_MS = 10 * 60 * 1000;
/** Clock skew tolerated for fixes that claim to come from the future. */
export const LOCATION_FIX_MAX_SKEW_MS = 2 * 60 * 1000;

export type LocationCheckReason =
  'inside' | 'outside_geofence' | 'accuracy_too_low' | 'mock_location' | 'stale_fix' | 'no_geofence';

export const locationCheckReasonLabels: Record<LocationCheckReason, string> = {
  inside: '位于项目地理围栏内',
  outside_geofence: '不在项目地理围栏内',
  accuracy_too_low: '定位精度不足',
  mock_location: '检测到模拟定位',
  stale_fix: '定位时间与服务器时间相差过大',
  no_geofence: '项目尚未标注地理围栏',
};

export interface LngLat {
  lng: number;
  lat: number;
}

/** Great-circle (haversine) distance between two points of the same coordinate system, in metres. */
export function haversineMetres(a: LngLat, b: LngLat): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface GeofenceCheckInput {
  /** The fix, already in the fence's coordinate system. */
  point: LngLat;
  accuracyM: number;
  /** null: the device cannot tell. Only a known mock fails the check; unknown is flagged by the server's policy. */
  isMock: boolean | null;
  fixTime: Date;
  now: Date;
  fence: (LngLat & { radiusM: number }) | null;
}

export interface GeofenceCheckResult {
  inside: boolean;
  distanceM: number | null;
  reason: LocationCheckReason;
  message: string;
}

/**
 * Inside when the fix is real (not mocked), fresh, accurate enough (no worse than the radius and the 100 m cap)
 * and within the radius. The first failing rule is the reason, so the message names what to fix.
 */
export function checkGeofence(input: GeofenceCheckInput): GeofenceCheckResult {
  const distanceM = input.fence ? Math.round(haversineMetres(input.point, input.fence) * 10) / 10 : null;
  const result = (reason: LocationCheckReason, message: string): GeofenceCheckResult => ({
    inside: reason === 'inside',
    distanceM,
    reason,
    message,
  });
  if (input.isMock === true)
    return result('mock_location', '检测到模拟定位，位置校验不通过，请关闭模拟定位后重试');
  if (!input.fence) return result('no_geofence', '项目尚未标注地理围栏，无法进行位置校验');
  const age = input.now.getTime() - input.fixTime.getTime();
  if (age > LOCATION_FIX_MAX_AGE_MS || age < -LOCATION_FIX_MAX_SKEW_MS)
    return result('stale_fix', '定位时间与服务器时间相差超过10分钟，请重新定位');
  const cap = Math.min(input.fence.radiusM, LOCATION_ACCURACY_CAP_METRES);
  if (input.accuracyM > cap)
    return result(
      'accuracy_too_low',
      `定位精度为${Math.round(input.accuracyM)}米，超过允许的${cap}米，请到开阔处重新定位`,
    );
  if (distanceM! > input.fence.radiusM)
    return result(
      'outside_geofence',
      `当前位置距项目${Math.round(distanceM!)}米，超出地理围栏半径${input.fence.radiusM}米`,
    );
  return result(
    'inside',
    `当前位置距项目${Math.round(distanceM!)}米，在地理围栏半径${input.fence.radiusM}米内`,
  );
}
