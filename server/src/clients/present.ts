import type { ClientContactView, ClientView } from '@xf/domain';
import type { Client, ClientContact } from './models';

export const presentContact = (c: ClientContact): ClientContactView => ({
  id: c.id,
  clientId: c.clientId,
  name: c.name,
  mobile: c.mobile,
  position: c.position,
});

export const presentClient = (c: Client, contacts?: ClientContact[]): ClientView => ({
  id: c.id,
  institutionId: c.institutionId,
  name: c.name,
  province: c.province,
  city: c.city,
  district: c.district,
  cityLabel: `${c.province}-${c.city}`,
  address: c.address,
  ...(contacts ? { contacts: contacts.map(presentContact) } : {}),
});
