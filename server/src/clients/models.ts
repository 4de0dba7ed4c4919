import { Model, type Sequelize } from 'sequelize';
import { int, pk, str } from '../db/columns';

/** 甲方单位: the building owner or manager signing contracts with an institution. */
export class Client extends Model {
  declare id: number;
  declare institutionId: number;
  declare name: string;
  declare province: string;
  declare city: string;
  declare district: string;
  declare address: string;
  declare createdAt: Date;
}

export class ClientContact extends Model {
  declare id: number;
  declare clientId: number;
  declare name: string;
  declare mobile: string;
  declare position: string;
}

export function initClientModels(sequelize: Sequelize) {
  Client.init(
    {
      id: pk,
      institutionId: int(false),
      name: str(200, false),
      province: str(40, false),
      city: str(40, false),
      district: str(40, false),
      address: str(300, false),
    },
    { sequelize, tableName: 'clients' },
  );
  ClientContact.init(
    {
      id: pk,
      clientId: int(false),
      name: str(60, false),
      mobile: str(20, false),
      position: { ...str(60, false), defaultValue: '' },
    },
    { sequelize, tableName: 'client_contacts' },
  );
}
