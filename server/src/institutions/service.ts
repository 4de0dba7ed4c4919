import gcoord from 'gcoord';
import type { OfficeAddressInput } from '@xf/domain';
import type { AppContext } from '../context';
import type { Actor } from '../core/actor';
import { notFound } from '../core/errors';
import { recordOperation } from '../operation-log/record';
import { Institution } from './models';
import { presentInstitution } from './present';

export async function findInstitution(id: number) {
  const i = await Institution.findByPk(id);
  if (!i) throw notFound('机构');
  return i;
}

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
  app: AppContext,
  actor: Actor,
  institution: Institution,
  input: OfficeAddressInput,
  requestId: string,
) {
  const before = presentInstitution(institution).officeAddress;
  const gcj = toGcj02(input);
  await app.sequelize.transaction(async (t) => {
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
      { transaction: t },
    );
    await recordOperation(
      t,
      actor,
      {
        action: 'institution.office_marked',
        entityType: 'institution',
        entityId: institution.id,
        institutionId: institution.id,
        before,
        after: presentInstitution(institution).officeAddress,
      },
      requestId,
    );
  });
  return presentInstitution(institution);
}

export async function confirmRegistration(
  app: AppContext,
  actor: Actor,
  institution: Institution,
  requestId: string,
) {
  await app.sequelize.transaction(async (t) => {
    await institution.update(
      { registrationConfirmedAt: new Date(), registrationConfirmedBy: actor.id },
      { transaction: t },
    );
    await recordOperation(
      t,
      actor,
      {
        action: 'institution.registration_confirmed',
        entityType: 'institution',
        entityId: institution.id,
        institutionId: institution.id,
        after: {
          name: institution.name,
          uscc: institution.uscc,
          registeredAddress: institution.registeredAddress,
        },
      },
      requestId,
    );
  });
  return presentInstitution(institution);
}
