#!/usr/bin/env node
// Compiles the plugin's plain-Java location logic (app/src/main/java/.../location, no Android types) and its
// JUnit 4 tests (app/src/test/java/.../location) with the JDK's javac, and runs them with JUnitCore. Maven
// Central cannot be reached from CI, so JUnit comes from Debian's junit4 package (/usr/share/java), which
// .ci/run installs; Gradle runs the same tests (`./gradlew testDebugUnitTest`) on a machine with the SDK.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const shellRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = 'cn/gov/bjxf/fireservice/operator/location';
export const mainDir = path.join(shellRoot, 'android/app/src/main/java', pkg);
export const testDir = path.join(shellRoot, 'android/app/src/test/java', pkg);
const JUNIT = ['/usr/share/java/junit4.jar', '/usr/share/java/hamcrest-core.jar'];

export function runJavaTests() {
  const missing = JUNIT.filter((j) => !existsSync(j));
  if (missing.length) throw new Error(`缺少 ${missing.join('、')}：请先运行 apt-get install junit4`);
  const java = (dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.java'))
      .map((f) => path.join(dir, f));
  const out = mkdtempSync(path.join(tmpdir(), 'xf-java-'));
  const cp = [out, ...JUNIT].join(path.delimiter);
  execFileSync(
    'javac',
    ['--release', '17', '-encoding', 'UTF-8', '-d', out, '-cp', cp, ...java(mainDir), ...java(testDir)],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const classes = readdirSync(testDir)
    .filter((f) => f.endsWith('Test.java'))
    .map((f) => `${pkg.replaceAll('/', '.')}.${f.replace(/\.java$/, '')}`);
  return execFileSync('java', ['-cp', cp, 'org.junit.runner.JUnitCore', ...classes], { encoding: 'utf8' });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.stdout.write(runJavaTests());
  } catch (e) {
    process.stderr.write(`${e.stdout ?? ''}${e.stderr ?? ''}${e.message}\n`);
    process.exit(1);
  }
}
