import type { DeviceLocation } from '../platform/device';
import { getLocation, mockFlagField, takePhotos } from '../platform/device';
import type { PhotoPayload } from '../offline/transport';

/** The multipart fields of a location fix (locationFixSchema), as the start and submit requests send them. */
export function fixFields(loc: DeviceLocation): Record<string, string> {
  return {
    lng: String(loc.lng),
    lat: String(loc.lat),
    crs: loc.crs,
    accuracy: String(Math.max(1, Math.round(loc.accuracy ?? 1))),
    // Unknown stays unknown (a plain browser cannot tell): never sent as "not mocked".
    isMock: mockFlagField(loc.mocked),
    fixTime: loc.at,
  };
}

/**
 * 开始检测申请 / 提交检测结果申请 on site: a location fix, then a live photo from the camera (never the album).
 * Returns null when the operator cancelled the camera.
 */
export interface SiteCapture {
  fields: Record<string, string>;
  photo: PhotoPayload;
}

export async function captureOnSite(): Promise<SiteCapture | null> {
  const loc = await getLocation();
  const [shot] = await takePhotos({ allowAlbum: false, max: 1 });
  if (!shot?.blob) return null;
  return { fields: fixFields(loc), photo: { blob: shot.blob, name: shot.name } };
}
