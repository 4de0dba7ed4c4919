import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { copyH5 } from '../scripts/copy-h5.mjs';
import { runJavaTests } from '../scripts/test-java.mjs';

const shellRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

test('capacitor.config.ts resolves (through the Capacitor CLI) to webDir www and the operator app id', () => {
  const cli = require.resolve('@capacitor/cli/bin/capacitor');
  const out = execFileSync(process.execPath, [cli, 'config', '--json'], { cwd: shellRoot, encoding: 'utf8' });
  const config = JSON.parse(out.slice(out.indexOf('{')));
  assert.equal(config.app.extConfig.webDir, 'www');
  assert.match(config.app.extConfig.appId, /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/);
  assert.equal(config.app.extConfig.android.allowMixedContent, false);
});

test('every @capacitor package is pinned to major version 7', () => {
  const pkg = JSON.parse(readFileSync(path.join(shellRoot, 'package.json'), 'utf8'));
  const deps = { ...pkg.dependencies, ...pkg.devDependencies };
  const capacitor = Object.entries(deps).filter(([name]) => name.startsWith('@capacitor/'));
  assert.ok(capacitor.length >= 5);
  for (const [name, range] of capacitor) {
    assert.match(range, /^[\^~]?7\./, `${name} ${range}`);
    assert.equal(require(`${name}/package.json`).version.split('.')[0], '7', `${name} installed`);
  }
});

test('AndroidManifest asks for fine and coarse location and the camera', () => {
  const manifest = readFileSync(path.join(shellRoot, 'android/app/src/main/AndroidManifest.xml'), 'utf8');
  const permissions = [...manifest.matchAll(/<uses-permission\s+android:name="([^"]+)"/g)].map((m) => m[1]);
  for (const p of ['ACCESS_FINE_LOCATION', 'ACCESS_COARSE_LOCATION', 'CAMERA', 'INTERNET']) {
    assert.ok(permissions.includes(`android.permission.${p}`), `missing ${p}`);
  }
});

test('the Gradle project includes the geolocation, camera and app plugins', () => {
  const settings = readFileSync(path.join(shellRoot, 'android/capacitor.settings.gradle'), 'utf8');
  assert.match(settings, /:capacitor-geolocation/);
  assert.match(settings, /:capacitor-camera/);
  // appRestoredResult: a photo taken while Android killed the app comes back through the App plugin.
  assert.match(settings, /:capacitor-app/);
  for (const dir of [...settings.matchAll(/new File\('([^']+)'\)/g)].map((m) => m[1])) {
    assert.ok(existsSync(path.resolve(shellRoot, 'android', dir)), `${dir} must exist`);
  }
});

test('copy-h5 replaces www with the H5 build (service worker included, source maps left out)', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'xf-shell-'));
  const from = path.join(tmp, 'h5');
  const to = path.join(tmp, 'www');
  mkdirSync(path.join(from, 'js'), { recursive: true });
  writeFileSync(path.join(from, 'index.html'), '<div id="app"></div>');
  writeFileSync(path.join(from, 'xf-build.json'), JSON.stringify({ apiBase: 'https://jianguan.example.cn' }));
  writeFileSync(path.join(from, 'sw.js'), 'self.addEventListener("fetch", () => {})');
  writeFileSync(path.join(from, 'js', 'app.1234.js'), 'console.log(1)');
  writeFileSync(path.join(from, 'js', 'app.1234.js.map'), '{}');
  mkdirSync(to);
  writeFileSync(path.join(to, 'stale.js'), 'old build');

  copyH5({ from, to });

  assert.equal(readFileSync(path.join(to, 'index.html'), 'utf8'), '<div id="app"></div>');
  assert.ok(existsSync(path.join(to, 'sw.js')));
  assert.ok(existsSync(path.join(to, 'js', 'app.1234.js')));
  assert.ok(!existsSync(path.join(to, 'js', 'app.1234.js.map')));
  assert.ok(!existsSync(path.join(to, 'stale.js')));
});

test('copy-h5 refuses an H5 build made without an https API base (relative /api or http)', () => {
  for (const info of [null, { apiBase: '' }, { apiBase: 'http://jianguan.example.cn' }]) {
    const tmp = mkdtempSync(path.join(tmpdir(), 'xf-shell-'));
    const from = path.join(tmp, 'h5');
    mkdirSync(from);
    writeFileSync(path.join(from, 'index.html'), '<div id="app"></div>');
    if (info) writeFileSync(path.join(from, 'xf-build.json'), JSON.stringify(info));
    assert.throws(() => copyH5({ from, to: path.join(tmp, 'www') }), /XF_API_BASE=https:\/\//);
    assert.ok(!existsSync(path.join(tmp, 'www')));
  }
});

test('copy-h5 refuses to run without an H5 build and says what to do', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'xf-shell-'));
  assert.throws(
    () => copyH5({ from: path.join(tmp, 'missing'), to: path.join(tmp, 'www') }),
    /请先运行 npm run build:h5/,
  );
  assert.ok(!existsSync(path.join(tmp, 'www')));
});

test('no backups of tokens and field data: allowBackup off and every domain excluded on Android 12+', () => {
  const manifest = readFileSync(path.join(shellRoot, 'android/app/src/main/AndroidManifest.xml'), 'utf8');
  assert.match(manifest, /android:allowBackup="false"/);
  assert.match(manifest, /android:dataExtractionRules="@xml\/data_extraction_rules"/);
  const rules = readFileSync(
    path.join(shellRoot, 'android/app/src/main/res/xml/data_extraction_rules.xml'),
    'utf8',
  );
  for (const section of ['cloud-backup', 'device-transfer'])
    assert.match(rules, new RegExp(`<${section}>[\\s\\S]*domain="root"[\\s\\S]*</${section}>`));
});

test('edge to edge: Capacitor keeps the WebView out of the system bars; the H5 page pads the safe areas', () => {
  const cli = require.resolve('@capacitor/cli/bin/capacitor');
  const out = execFileSync(process.execPath, [cli, 'config', '--json'], { cwd: shellRoot, encoding: 'utf8' });
  const config = JSON.parse(out.slice(out.indexOf('{')));
  assert.equal(config.app.extConfig.android.adjustMarginsForEdgeToEdge, 'auto');
  const html = readFileSync(path.join(shellRoot, '../miniprogram/src/index.html'), 'utf8');
  assert.match(html, /viewport-fit=cover/);
  for (const side of ['top', 'right', 'bottom', 'left'])
    assert.match(html, new RegExp(`env\\(safe-area-inset-${side}`));
});

test('the app icon and splash are the product’s (red with a white flame), not Capacitor’s defaults', async () => {
  const sharp = (await import('sharp')).default;
  const res = path.join(shellRoot, 'android/app/src/main/res');
  for (const file of ['mipmap-xxxhdpi/ic_launcher.png', 'drawable-port-xxhdpi/splash.png']) {
    const { data, info } = await sharp(path.join(res, file))
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    let red = 0;
    let white = 0;
    for (let i = 0; i < data.length; i += 3) {
      if (data[i] === 0xc6 && data[i + 1] === 0x2f && data[i + 2] === 0x2f) red++;
      else if (data[i] > 240 && data[i + 1] > 240 && data[i + 2] > 240) white++;
    }
    const pixels = info.width * info.height;
    assert.ok(red / pixels > 0.5, `${file}: mostly product red`);
    assert.ok(white > 0, `${file}: has the white flame`);
  }
  const colour = readFileSync(path.join(res, 'values/ic_launcher_background.xml'), 'utf8');
  assert.match(colour, /#C62F2F/);
  assert.ok(
    !existsSync(path.join(res, 'drawable-v24/ic_launcher_foreground.xml')),
    'Android default vector removed',
  );
});

test('MainActivity registers the native XfLocation plugin', () => {
  const main = readFileSync(
    path.join(shellRoot, 'android/app/src/main/java/cn/gov/bjxf/fireservice/operator/MainActivity.java'),
    'utf8',
  );
  assert.match(main, /registerPlugin\(XfLocationPlugin\.class\)/);
});

test('the native location logic passes its JUnit tests on the JVM (javac + Debian junit4)', () => {
  const out = runJavaTests();
  assert.match(out, /OK \(\d+ tests\)/);
});
