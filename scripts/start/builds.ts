/**
 * Which client builds exist and whether each is current. A build is current when the hash of its sources
 * (file paths and contents, plus the lock file and configs that shape the output) equals the stamp written
 * beside its output after the last successful build. Hashes, not mtimes: a fresh clone or a `git checkout`
 * touches every file without changing what would be built.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ClientBuild {
  name: string;
  /** Directory the build writes; the stamp lives inside it so a wiped output is rebuilt. */
  outDir: string;
  /** A file that exists only after a complete build. */
  output: string;
  sources: string[];
  /** npm arguments, run at the repository root. */
  npmArgs: string[];
}

const SHARED = ['domain/src', 'package-lock.json'];

export const clientBuilds: Record<'admin' | 'h5' | 'weapp', ClientBuild> = {
  admin: {
    name: '电脑端',
    outDir: 'admin-web/dist',
    output: 'admin-web/dist/index.html',
    sources: [
      'admin-web/src',
      'admin-web/index.html',
      'admin-web/vite.config.ts',
      'admin-web/package.json',
      ...SHARED,
    ],
    npmArgs: ['run', 'build', '-w', 'admin-web'],
  },
  h5: {
    name: '微信端H5与APP',
    outDir: 'miniprogram/dist/h5',
    output: 'miniprogram/dist/h5/index.html',
    sources: [
      'miniprogram/src',
      'miniprogram/config',
      'miniprogram/package.json',
      'miniprogram/babel.config.js',
      ...SHARED,
    ],
    npmArgs: ['run', 'build:h5', '-w', 'miniprogram'],
  },
  weapp: {
    name: '微信小程序',
    outDir: 'miniprogram/dist/weapp',
    output: 'miniprogram/dist/weapp/app.json',
    sources: [
      'miniprogram/src',
      'miniprogram/config',
      'miniprogram/package.json',
      'miniprogram/babel.config.js',
      ...SHARED,
    ],
    npmArgs: ['run', 'build:weapp', '-w', 'miniprogram'],
  },
};

const STAMP = '.build-stamp';
const SKIP = new Set(['node_modules', 'dist', '.swc', '.cache']);

function addTree(hash: ReturnType<typeof createHash>, base: string, rel: string): void {
  const abs = path.join(base, rel);
  if (!existsSync(abs)) return;
  if (statSync(abs).isDirectory()) {
    const entries = readdirSync(abs, { withFileTypes: true })
      .filter((e) => !SKIP.has(e.name))
      .map((e) => e.name)
      .sort();
    for (const name of entries) addTree(hash, base, path.posix.join(rel, name));
    return;
  }
  hash.update(rel).update('\0').update(readFileSync(abs)).update('\0');
}

/** The hash of a build's sources under `base` (the repository root unless a test says otherwise). */
export function sourceHash(build: ClientBuild, base = root): string {
  const hash = createHash('sha256');
  for (const s of build.sources) addTree(hash, base, s);
  return hash.digest('hex');
}

export function isCurrent(build: ClientBuild, base = root): boolean {
  const stamp = path.join(base, build.outDir, STAMP);
  if (!existsSync(path.join(base, build.output)) || !existsSync(stamp)) return false;
  return readFileSync(stamp, 'utf8').trim() === sourceHash(build, base);
}

/** Record that the output now matches these sources (call with the hash taken BEFORE the build started). */
export function writeStamp(build: ClientBuild, hash: string, base = root): void {
  writeFileSync(path.join(base, build.outDir, STAMP), hash + '\n');
}
