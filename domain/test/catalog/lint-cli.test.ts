import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { miniEdition } from '../fixtures/mini-edition';

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/catalog/lint-cli.ts', ...args], {
    cwd: join(__dirname, '../..'),
    encoding: 'utf8',
  });

describe('lint CLI', () => {
  it('exits 0 for a clean edition file and non-zero with the problems for a broken one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-cli-'));
    const good = join(dir, 'good.json');
    const bad = join(dir, 'bad.json');
    writeFileSync(good, JSON.stringify(miniEdition()));
    const broken = miniEdition();
    broken.testing[0]!.subItems[0]!.items[0]!.class = 'Z' as never;
    writeFileSync(bad, JSON.stringify(broken));

    const ok = run(good);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('检查通过');

    const fail = run(good, bad);
    expect(fail.status).toBe(1);
    expect(fail.stderr).toContain('检测项“A.8.1.1 回首层功能”›类别：类别应为 A、B 或 C');
  }, 30_000);
});
