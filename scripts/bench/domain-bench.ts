/**
 * Domain bench: testing + maintenance plan generation for 50 buildings × 21 systems, and judgment of
 * 10,000 test-item records. Run from the repository root: `npx tsx scripts/bench/domain-bench.ts`.
 * Uses the built-in edition; if its content cannot be loaded yet, a synthetic edition of similar
 * size (and says so). Prints the median of several runs after a warm-up.
 */
import { performance } from 'node:perf_hooks';
import type { StandardEdition } from '../../domain/src/catalog/types';
import { evaluateTesting, indexTestingCatalog, type ItemOutcome } from '../../domain/src/judgment/evaluate';
import type { TestResult } from '../../domain/src/judgment/results';
import { generateMaintenancePlan } from '../../domain/src/plans/maintenance-plan';
import { generateTestingPlan, testingPlanItems } from '../../domain/src/plans/testing-plan';
import { syntheticEdition } from '../../domain/test/fixtures/synthetic-edition';

const RUNS = 31;
const WARM_UP = 10;
const BUILDINGS = 50;
const RECORDS = 10_000;

async function loadEdition(): Promise<{ edition: StandardEdition; label: string }> {
  if (!process.argv.includes('--synthetic')) {
    try {
      const { gb25201_2010_jing } = await import('../../domain/src/catalog/editions/index');
      return { edition: gb25201_2010_jing, label: `内置版本 ${gb25201_2010_jing.id}` };
    } catch (e) {
      console.warn(`内置版本无法加载（${(e as Error).message.split('\n')[0]}），改用合成版本`);
    }
  }
  const edition = syntheticEdition({ systems: 21, facilities: 6, lines: 4, subItems: 4, items: 6 });
  return { edition, label: '合成版本（21个系统，每个系统24个检测项）' };
}

function median(fn: () => void): number {
  for (let i = 0; i < WARM_UP; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const { edition, label } = await loadEdition();
const systems = edition.maintenance.map((s) => s.name);
const buildings = Array.from({ length: BUILDINGS }, (_, i) => ({ id: 1000 + i, name: `${i + 1}号楼` }));

let testingItems = 0;
let maintenanceLines = 0;
const planMs = median(() => {
  const t = generateTestingPlan(edition, { scope: systems, buildings });
  if (!t.ok) throw new Error(t.message);
  testingItems = t.plan.itemCount;
  const m = generateMaintenancePlan(edition, { kind: 'year', month: '2024-12', systems });
  if (!m.ok) throw new Error(m.message);
  maintenanceLines = m.plan.lineCount;
});

const plan = generateTestingPlan(edition, { scope: systems, buildings });
if (!plan.ok) throw new Error(plan.message);
const flat = testingPlanItems(plan.plan);
const results: TestResult[] = [
  'pass',
  'pass',
  'pass',
  'pass',
  'pass',
  'pass',
  'fail',
  'not_testable',
  'not_present',
  'pass',
];
const outcomes: ItemOutcome[] = Array.from({ length: RECORDS }, (_, i) => {
  const item = flat[i % flat.length]!;
  return {
    itemId: item.itemId,
    key: `${item.planItemId}#${Math.floor(i / flat.length)}`,
    result: results[i % results.length]!,
    measuredValue: item.measured ? 0.3 : undefined,
  };
});
const index = indexTestingCatalog(edition.testing);
let verdict = '';
const judgeMs = median(() => {
  verdict = evaluateTesting(edition.testing, outcomes, { defaultRule: edition.defaultSingleItemRule }, index)
    .overall.verdict;
});
const judgeWithIndexMs = median(() => {
  evaluateTesting(edition.testing, outcomes, { defaultRule: edition.defaultSingleItemRule });
});

console.log(`目录：${label}；维保系统${systems.length}个，检测单项${edition.testing.length}个`);
console.log(
  `计划生成（${BUILDINGS}栋建筑 × ${systems.length}个系统：检测计划${testingItems}项 + 年度维保计划${maintenanceLines}条）：中位数 ${planMs.toFixed(2)} ms（目标 < 50 ms，${RUNS}次）`,
);
console.log(
  `判定 ${RECORDS} 条检测记录（含子项、单项、综合评定，综合评定=${verdict}）：中位数 ${judgeMs.toFixed(2)} ms，含建索引 ${judgeWithIndexMs.toFixed(2)} ms（目标 < 20 ms，${RUNS}次）`,
);
const ok = planMs < 50 && judgeWithIndexMs < 20;
console.log(ok ? '结论：达到目标' : '结论：未达到目标');
process.exitCode = ok ? 0 : 1;
