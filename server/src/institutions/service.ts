import { findOr404 } from '../core/find';
import gcoord from 'gcoord';
import type { OfficeAddressInput } from '@xf/domain';
import { actorOf, runCommand, type RequestContext } from '../core/command';
import { Institution } from './models';
import { presentInstitution } from './present';

export const findInstitution = (id: number) => findOr404(Institution, id, '机构');

/**
 * The office position is stored in GCJ-02 (what Chinese map pickers use) together with what was entered
 * and in which system, because WGS-84 and GCJ-02 differ by hundreds of metres in China.
 */
export function toGcj02(input: Pick<OfficeAddressInput, 'lng' | 'lat' | 'crs'>): {
  lng: number;
  lat: number;
} {
  if (input.crs === 'GCJ02') return { lng: input.lng, lat: input.lat };
  const [lng, lat] = gcoord.transform([input.lng, input.lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];
  return { lng: Math.round(lng * 1e7) / 1e7, lat: Math.round(lat * 1e7) / 1e7 };
}

export async function markOfficeAddress(
  context: RequestContext,
  institution: Institution,
  input: OfficeAddressInput,
) {
  return runCommand(context, 'institution.office_marked', async ({ transaction }) => {
    const before = presentInstitution(institution).officeAddress;
    const gcj = toGcj02(input);
    await institution.update(
      {
        officeAddress: input.address,
        officeProvince: input.province,
        officeCity: input.city,
        officeDistrict: input.district,
        officeLng: gcj.lng,
        officeLat: gcj.lat,
        officeCrs: 'GCJ02',
        officeInputLng: input.lng,
        officeInputLat: input.lat,
        officeInputCrs: input.crs,
        officeMarkedAt: new Date(),
      },
      { transaction },
    );
    const after = presentInstitution(institution);
    return { result: after, audit: { ...audited(institution), before, after: after.officeAddress } };
  });
}

export async function confirmRegistration(context: RequestContext, institution: Institution) {
  return runCommand(context, 'institution.registration_confirmed', async ({ transaction }) => {
    await institution.update(
      { registrationConfirmedAt: new Date(), registrationConfirmedBy: actorOf(context).id },
      { transaction },
    );
    const { name, uscc, registeredAddress } = institution;
    return {
      result: presentInstitution(institution),
      audit: { ...audited(institution), after: { name, uscc, registeredAddress } },
    };
  });
}

const audited = (i: Institution) => ({ entityType: 'institution', entityId: i.id, institutionId: i.id });
