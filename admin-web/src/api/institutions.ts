import type { Institution, OfficeAddress } from './types';

/** The marked office address (stored in GCJ-02), or an empty one while unmarked. */
export function officeOf(inst: Institution): OfficeAddress {
  const o = inst.officeAddress;
  if (!o)
    return { address: null, province: null, city: null, district: null, lng: null, lat: null, crs: 'GCJ02' };
  return { ...o, lng: o.lng ?? null, lat: o.lat ?? null, crs: 'GCJ02' };
}
