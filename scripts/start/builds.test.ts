import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientBuilds, isCurrent, sourceHash, writeStamp, type ClientBuild } from './builds';

const build: ClientBuild = {
  name: 'test client',
  outDir: 'client/dist',
  output: 'client/dist/index.html',
  sources: ['client/src', 'domain/src', 'package-lock.json'],
  npmArgs: [],
};

function fixture() {
  const base = mkdtempSync(path.join(tmpdir(), 'xf-stamp-'));
  mkdirSync(path.join(base, 'client/src/pages'), { recursive: true });
  mkdirSync(path.join(base, 'domain/src'), { recursive: true });
  writeFileSync(path.join(base, 'client/src/pages/home.tsx'), 'export const a = 1;\n');
  writeFileSync(path.join(base, 'domain/src/index.ts'), 'export const b = 2;\n');
  writeFileSync(path.join(base, 'package-lock.json'), '{}\n');
  return base;
}

function built(base: string) {
  const hash = sourceHash(build, base);
  mkdirSync(path.join(base, build.outDir), { recursive: true });
  writeFileSync(path.join(base, build.output), '<html></html>');
  writeStamp(build, hash, base);
}

describe('client build stamps', () => {
  it('builds when there is no output or no stamp yet', () => {
    const base = fixture();
    expect(isCurrent(build, base)).toBe(false);
    mkdirSync(path.join(base, build.outDir), { recursive: true });
    writeFileSync(path.join(base, build.output), '<html></html>');
    expect(isCurrent(build, base)).toBe(false);
  });

  it('skips the build when the sources are unchanged, even when their times changed', () => {
    const base = fixture();
    built(base);
    expect(isCurrent(build, base)).toBe(true);
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(base, 'client/src/pages/home.tsx'), later, later);
    expect(isCurrent(build, base)).toBe(true);
  });

  it('builds again when a source, the shared domain code or the lock file changes', () => {
    for (const file of ['client/src/pages/home.tsx', 'domain/src/index.ts', 'package-lock.json']) {
      const base = fixture();
      built(base);
      writeFileSync(path.join(base, file), '// changed\n');
      expect(isCurrent(build, base), file).toBe(false);
    }
  });

  it('builds again when a source file is added or renamed', () => {
    const base = fixture();
    built(base);
    writeFileSync(path.join(base, 'client/src/pages/other.tsx'), '');
    expect(isCurrent(build, base)).toBe(false);
  });

  it('builds again when the output was deleted', () => {
    const base = fixture();
    built(base);
    writeFileSync(path.join(base, build.output), '');
    expect(isCurrent(build, base)).toBe(true);
    rmSync(path.join(base, build.output));
    expect(isCurrent(build, base)).toBe(false);
  });

  it('hashes the real clients without their outputs', () => {
    for (const b of Object.values(clientBuilds)) {
      expect(b.sources).toContain('domain/src');
      expect(b.sources.some((s) => s.startsWith(b.outDir))).toBe(false);
    }
  });
});
