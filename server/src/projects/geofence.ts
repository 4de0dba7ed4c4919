import {
  GEOFENCE_MOVE_FLAG_METRES,
  haversineMetres,
  type GeofenceInput,
  type GeofenceResult,
  type GeofenceView,
} from '@xf/domain';
import { runCommand, type RequestContext } from '../core/command';
import { toGcj02 } from '../institutions/service';
import { raiseRedFlag } from '../red-flags/service';
import type { Project } from './models';
import { projectAudit } from './present';
import { assertInProgress } from './state';
import { now as clockNow } from '../core/clock';

export const fenceOf = (p: Project): GeofenceView | null =>
  p.fenceMarkedAt && p.fenceLng != null && p.fenceLat != null
    ? {
        lng: p.fenceLng,
        lat: p.fenceLat,
        crs: p.fenceCrs,
        radius: p.fenceRadius,
        input: { lng: p.fenceInputLng, lat: p.fenceInputLat, crs: p.fenceInputCrs },
        markedAt: p.fenceMarkedAt.toISOString(),
      }
    : null;

/**
 * 标注项目位置: stored in GCJ-02 with what was entered. Moving a marked centre more than 500 m is the
 * anomaly the regulator tracks (manual 创新特点 5), so it raises a red flag in the same transaction.
 */
export async function markGeofence(
  context: RequestContext,
  project: Project,
  input: GeofenceInput,
): Promise<GeofenceResult> {
  assertInProgress(project);
  const before = fenceOf(project);
  const centre = toGcj02(input);
  const moved = before ? haversineMetres(before, centre) : 0;
  const flagged = !!before && moved > GEOFENCE_MOVE_FLAG_METRES;
  return runCommand(context, 'project.geofence_marked', async ({ transaction }) => {
    await project.update(
      {
        fenceLng: centre.lng,
        fenceLat: centre.lat,
        fenceCrs: 'GCJ02',
        fenceInputLng: input.lng,
        fenceInputLat: input.lat,
        fenceInputCrs: input.crs,
        fenceRadius: input.radius,
        fenceMarkedAt: clockNow(),
      },
      { transaction },
    );
    if (flagged)
      await raiseRedFlag(
        {
          kind: 'geofence_moved',
          subjectType: 'project',
          subjectId: project.id,
          subjectName: project.siteName,
          institutionId: project.institutionId,
          reason: `项目地理围栏中心被移动${Math.round(moved)}米，超过${GEOFENCE_MOVE_FLAG_METRES}米`,
          details: { from: { lng: before!.lng, lat: before!.lat }, to: centre, metres: Math.round(moved) },
        },
        transaction,
      );
    const geofence = fenceOf(project);
    return {
      result: { geofence, movedMetres: Math.round(moved), flagged },
      audit: { ...projectAudit(project), before, after: { ...geofence, movedMetres: Math.round(moved) } },
    };
  });
}
