/**
 * Writes the demo registries as import workbooks (ministry.xlsx, inspection.xlsx), e.g. for trying the
 * brigade's import screens by hand. Run: npx tsx scripts/demo-data/write-workbooks.ts [folder] [seed]
 */
import { resolve } from 'node:path';
import { generateDemoData, writeDemoWorkbooks } from '@xf/server/demo-fixtures';

const dir = resolve(process.argv[2] ?? 'artifacts/demo-data');
const seed = Number(process.argv[3] ?? 1);
const paths = await writeDemoWorkbooks(dir, generateDemoData(seed));
console.log(`已写入：${paths.ministry}、${paths.inspection}`);
