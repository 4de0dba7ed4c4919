import type { InstitutionView, OfficeAddressView } from '@xf/domain/api/institutions';

/** The office address fields the map and the form show. */
export type OfficeFields = Pick<
  OfficeAddressView,
  'address' | 'province' | 'city' | 'district' | 'lng' | 'lat'
> & {
  crs: 'GCJ02';
};

/** The marked office address (stored in GCJ-02), or an empty one while unmarked. */
export function officeOf(inst: InstitutionView): OfficeFields {
  const o = inst.officeAddress;
  if (!o)
    return { address: null, province: null, city: null, district: null, lng: null, lat: null, crs: 'GCJ02' };
  return { ...o, crs: 'GCJ02' };
}
