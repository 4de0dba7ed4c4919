import { SequelizeStorage, Umzug } from 'umzug';
import type { Sequelize } from 'sequelize';
import * as m0001 from './migrations/0001-foundation';
import * as m0002 from './migrations/0002-standard-editions';
import * as m0002b from './migrations/0002b-institution-premises-area';
import * as m0003 from './migrations/0003-clients-projects-buildings';
import * as m0004 from './migrations/0004-special-applications';
import * as m0005 from './migrations/0005-testing-plans';
import * as m0006 from './migrations/0006-maintenance-plans';
import * as m0007 from './migrations/0007-site-requests';
import * as m0008 from './migrations/0008-idempotency';
import * as m0009 from './migrations/0009-idempotency-key-columns';
import * as m0010 from './migrations/0010-sessions';
import * as m0010b from './migrations/0010b-login-attempt-time';
import * as m0011 from './migrations/0011-testing-records';
import * as m0015 from './migrations/0015-notifications';
import * as m0013 from './migrations/0013-generated-reports';
import * as m0014 from './migrations/0014-live-photo-hashes';
import * as m0016 from './migrations/0016-maintenance-work';
import * as m0017 from './migrations/0017-maintenance-report-remarks';
import * as m0018 from './migrations/0018-retest-plans';
import * as m0019 from './migrations/0019-list-indexes';
import * as m0020 from './migrations/0020-list-scope-indexes';

/** Migrations in order; names are what the SequelizeMeta table records. */
const migrations = [
  { name: '0001-foundation', ...m0001 },
  { name: '0002-standard-editions', ...m0002 },
  { name: '0002b-institution-premises-area', ...m0002b },
  { name: '0003-clients-projects-buildings', ...m0003 },
  { name: '0004-special-applications', ...m0004 },
  { name: '0005-testing-plans', ...m0005 },
  { name: '0006-maintenance-plans', ...m0006 },
  { name: '0007-site-requests', ...m0007 },
  { name: '0008-idempotency', ...m0008 },
  { name: '0009-idempotency-key-columns', ...m0009 },
  { name: '0010-sessions', ...m0010 },
  { name: '0010b-login-attempt-time', ...m0010b },
  { name: '0011-testing-records', ...m0011 },
  { name: '0013-generated-reports', ...m0013 },
  { name: '0014-live-photo-hashes', ...m0014 },
  { name: '0015-notifications', ...m0015 },
  { name: '0016-maintenance-work', ...m0016 },
  { name: '0017-maintenance-report-remarks', ...m0017 },
  { name: '0018-retest-plans', ...m0018 },
  { name: '0019-list-indexes', ...m0019 },
  { name: '0020-list-scope-indexes', ...m0020 },
];

export function createMigrator(sequelize: Sequelize) {
  return new Umzug({
    migrations: migrations.map((m) => ({
      name: m.name,
      up: async () => m.up({ context: sequelize.getQueryInterface() }),
      down: async () => m.down({ context: sequelize.getQueryInterface() }),
    })),
    context: sequelize.getQueryInterface(),
    storage: new SequelizeStorage({ sequelize }),
    logger: undefined,
  });
}

export async function migrate(sequelize: Sequelize): Promise<string> {
  const migrator = createMigrator(sequelize);
  await migrator.up();
  const done = await migrator.executed();
  return done.at(-1)?.name ?? 'none';
}

export const latestMigration = migrations.at(-1)!.name;
