/**
 * Ministry import of 500 institutions / ~20,000 persons through the real server code (parse → diff → apply →
 * compliance pass), then a re-import with a few changes, then the daily compliance pass on its own.
 * Run from the repo root: npx tsx scripts/bench/registry-bench.ts   (DATABASE_URL=mysql://… to measure MySQL)
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAppContext } from '../../server/src/bootstrap';
import { runCompliancePass } from '../../server/src/compliance/service';
import { loadConfig } from '../../server/src/config';
import { systemContext } from '../../server/src/core/command';
import { createLogger } from '../../server/src/core/logger';
import { ensureDetachments } from '../../server/src/demo/seed';
import { importMinistry } from '../../server/src/registries/import-service';
import { parseMinistryWorkbook, writeMinistryWorkbook } from '../../server/src/registries/workbook';
import { generateDemoData } from '@xf/server/demo-fixtures';

const time = async <T>(label: string, f: () => Promise<T>) => {
  const start = performance.now();
  const result = await f();
  console.log(`${label}：${((performance.now() - start) / 1000).toFixed(2)} 秒`);
  return result;
};

const config = loadConfig({
  ...process.env,
  NODE_ENV: 'test',
  DATA_DIR: mkdtempSync(path.join(tmpdir(), 'xf-bench-')),
  LOG_LEVEL: 'silent',
  SERVE_CLIENTS: 'off',
});
const app = await createAppContext(config, createLogger('silent'));
await ensureDetachments();

const data = generateDemoData(7, {
  institutionCount: 500,
  staffPerInstitution: 45,
  socialUnitsPerDetachment: 5,
});
console.log(
  `数据库：${app.sequelize.getDialect()}；${data.ministry.institutions.length}个机构，${data.ministry.persons.length}名人员`,
);
const workbook = await writeMinistryWorkbook(data.ministry);
const parsed = await time('解析Excel', () => parseMinistryWorkbook(workbook));
await time('首次导入（比对、写库、合规核查）', () =>
  importMinistry(systemContext(app), parsed, { source: 'excel' }),
);

const changed = structuredClone(data.ministry);
changed.persons.splice(0, 50);
for (const p of changed.persons.slice(0, 50)) p.name = `${p.name}甲`;
await time('再次导入（50人离开、50人变更）', () =>
  importMinistry(systemContext(app), { snapshot: changed, rowErrors: [] }, { source: 'excel' }),
);
const result = await time('每日合规核查（全部机构）', () => runCompliancePass(systemContext(app), 'bench'));
console.log(`核查机构 ${result.checked} 家`);
await app.close();
