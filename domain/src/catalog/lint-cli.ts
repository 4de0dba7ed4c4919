/**
 * Lints the built-in editions (or a JSON edition file given as an argument) and exits non-zero when
 * there are problems. Run: `npm run lint:catalog -w domain [-- path/to/edition.json]`.
 */
import { readFileSync } from 'node:fs';
import { BUILT_IN_EDITIONS } from './editions/index';
import { lintEdition } from './lint';
import { formatEditionErrors, parseEdition } from './parse-edition';

function main(args: string[]): number {
  if (args.length) {
    let failed = 0;
    for (const file of args) {
      const result = parseEdition(readFileSync(file, 'utf8'));
      if (result.ok) console.log(`${file}：版本 ${result.edition.id} 检查通过`);
      else {
        failed++;
        console.error(`${file}：发现${result.errors.length}个问题\n${formatEditionErrors(result.errors)}`);
      }
    }
    return failed ? 1 : 0;
  }
  let total = 0;
  for (const edition of BUILT_IN_EDITIONS) {
    const problems = lintEdition(edition);
    total += problems.length;
    if (problems.length === 0) {
      const lines = edition.maintenance.flatMap((s) =>
        s.categories.flatMap((c) => c.facilities.flatMap((f) => f.lines)),
      ).length;
      const items = edition.testing.flatMap((s) => s.subItems.flatMap((b) => b.items)).length;
      console.log(
        `版本 ${edition.id} 检查通过：维保系统${edition.maintenance.length}个，维保内容${lines}条，检测单项${edition.testing.length}个，检测项${items}项`,
      );
    } else {
      console.error(`版本 ${edition.id} 发现${problems.length}个问题：\n${formatEditionErrors(problems)}`);
    }
  }
  return total ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
