import { describe, expect, it } from 'vitest';
import { checkGeofence, haversineMetres, LOCATION_ACCURACY_CAP_METRES } from '../src/rules/location-check';

const centre = { lng: 116.3975, lat: 39.9087 };
const now = new Date('2026-05-01T02:00:00Z');
// 0.001° of latitude is about 111 m everywhere.
const north = (metres: number) => ({ lng: centre.lng, lat: centre.lat + metres / 111_195 });
const fix = (over: Partial<Parameters<typeof checkGeofence>[0]> = {}) =>
  checkGeofence({
    point: north(50),
    accuracyM: 20,
    isMock: false,
    fixTime: new Date(now.getTime() - 30_000),
    now,
    fence: { ...centre, radiusM: 300 },
    ...over,
  });

describe('haversine distance', () => {
  it('measures metres on the sphere', () => {
    expect(haversineMetres(centre, centre)).toBe(0);
    expect(haversineMetres(centre, north(1000))).toBeCloseTo(1000, 0);
    // One degree of longitude at Beijing's latitude is about 85 km.
    expect(haversineMetres(centre, { lng: centre.lng + 1, lat: centre.lat })).toBeGreaterThan(85_000);
    expect(haversineMetres(centre, { lng: centre.lng + 1, lat: centre.lat })).toBeLessThan(86_000);
  });
});

describe('location check against the geofence', () => {
  it('allows an accurate, fresh, real fix inside the radius', () => {
    const r = fix();
    expect(r).toMatchObject({ inside: true, reason: 'inside' });
    expect(r.distanceM).toBeCloseTo(50, 0);
  });

  it('refuses a fix outside the radius and says how far it is', () => {
    const r = fix({ point: north(450) });
    expect(r).toMatchObject({ inside: false, reason: 'outside_geofence' });
    expect(r.distanceM).toBeCloseTo(450, 0);
    expect(r.message).toContain('超出地理围栏半径300米');
  });

  it('refuses accuracy worse than the 100 m cap, or worse than a smaller radius', () => {
    expect(fix({ accuracyM: LOCATION_ACCURACY_CAP_METRES })).toMatchObject({ inside: true });
    expect(fix({ accuracyM: LOCATION_ACCURACY_CAP_METRES + 1 })).toMatchObject({
      inside: false,
      reason: 'accuracy_too_low',
    });
    const smallFence = { ...centre, radiusM: 60 };
    expect(fix({ fence: smallFence, accuracyM: 60, point: north(10) })).toMatchObject({ inside: true });
    expect(fix({ fence: smallFence, accuracyM: 70, point: north(10) })).toMatchObject({
      inside: false,
      reason: 'accuracy_too_low',
    });
  });

  it('refuses a mock location even at the centre', () => {
    const r = fix({ point: centre, isMock: true });
    expect(r).toMatchObject({ inside: false, reason: 'mock_location' });
    expect(r.message).toContain('模拟定位');
  });

  it('refuses a stale or future fix and a project without a geofence', () => {
    expect(fix({ fixTime: new Date(now.getTime() - 11 * 60_000) })).toMatchObject({ reason: 'stale_fix' });
    expect(fix({ fixTime: new Date(now.getTime() + 5 * 60_000) })).toMatchObject({ reason: 'stale_fix' });
    expect(fix({ fixTime: new Date(now.getTime() - 9 * 60_000) })).toMatchObject({ inside: true });
    expect(fix({ fence: null })).toMatchObject({ inside: false, reason: 'no_geofence', distanceM: null });
  });
});
