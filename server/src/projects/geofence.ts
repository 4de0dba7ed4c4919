import { GEOFENCE_MOVE_FLAG_METRES, type GeofenceInput } from '@xf/domain';
import type { AppContext } from '../context';
import type { Actor } from '../core/actor';
import { toGcj02 } from '../institutions/service';
import { raiseRedFlag } from '../red-flags/service';
import { logChange } from './log';
import type { Project } from './models';
import { assertInProgress } from './state';

const EARTH_RADIUS_METRES = 6_371_008.8;

/** Great-circle distance between two points of the same coordinate system, in metres. */
export function distanceInMetres(a: { lng: number; lat: number }, b: { lng: number; lat: number }) {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

export const fenceOf = (p: Project) =>
  p.fenceMarkedAt && p.fenceLng != null && p.fenceLat != null
    ? {
        lng: p.fenceLng,
        lat: p.fenceLat,
        crs: p.fenceCrs,
        radius: p.fenceRadius,
        input: { lng: p.fenceInputLng, lat: p.fenceInputLat, crs: p.fenceInputCrs },
        markedAt: p.fenceMarkedAt,
      }
    : null;

/**
 * 标注项目位置: stored in GCJ-02 with what was entered. Moving a marked centre more than 500 m is the
 * anomaly the regulator tracks (manual 创新特点 5), so it raises a red flag in the same transaction.
 */
export async function markGeofence(
  app: AppContext,
  actor: Actor,
  project: Project,
  input: GeofenceInput,
  requestId: string,
) {
  assertInProgress(project);
  const before = fenceOf(project);
  const centre = toGcj02(input);
  const moved = before ? distanceInMetres(before, centre) : 0;
  await app.sequelize.transaction(async (t) => {
    await project.update(
      {
        fenceLng: centre.lng,
        fenceLat: centre.lat,
        fenceCrs: 'GCJ02',
        fenceInputLng: input.lng,
        fenceInputLat: input.lat,
        fenceInputCrs: input.crs,
        fenceRadius: input.radius,
        fenceMarkedAt: new Date(),
      },
      { transaction: t },
    );
    if (before && moved > GEOFENCE_MOVE_FLAG_METRES)
      await raiseRedFlag(
        {
          kind: 'geofence_moved',
          subjectType: 'project',
          subjectId: project.id,
          subjectName: project.siteName,
          institutionId: project.institutionId,
          reason: `项目地理围栏中心被移动${Math.round(moved)}米，超过${GEOFENCE_MOVE_FLAG_METRES}米`,
          details: { from: { lng: before.lng, lat: before.lat }, to: centre, metres: Math.round(moved) },
        },
        t,
      );
    await logChange(t, actor, requestId, {
      action: 'project.geofence_marked',
      entityType: 'project',
      entityId: project.id,
      institutionId: project.institutionId,
      before,
      after: { ...fenceOf(project), movedMetres: Math.round(moved) },
    });
  });
  return {
    geofence: fenceOf(project),
    movedMetres: Math.round(moved),
    flagged: moved > GEOFENCE_MOVE_FLAG_METRES && !!before,
  };
}
