/**
 * `npm start` and `npm run build`: build each client only when its sources changed since its last build,
 * then (for start) run the server and report when it answers. The log is one line per step with its time;
 * the build tools' own output (progress bars, colours) goes to a log file and is shown only on failure.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { clientBuilds, isCurrent, root, sourceHash, writeStamp, type ClientBuild } from './builds';

const mode = process.argv[2] === 'build' ? 'build' : 'start';
const wanted = ['admin', 'h5'] as const;
const logDir = path.join(root, 'data', 'build-logs');
const started = Date.now();

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} 秒`;
const say = (line: string) => process.stdout.write(line + '\n');

/** Child tools must not paint progress bars or colours into a log file. */
const quietEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', CI: 'true' };

function runBuild(key: string, build: ClientBuild): Promise<void> {
  mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `${key}.log`);
  const log = createWriteStream(logFile);
  return new Promise((resolve, reject) => {
    const child = spawn('npm', build.npmArgs, {
      cwd: root,
      env: quietEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.on('error', reject);
    child.on('close', (code) => {
      log.end(() => {
        if (code === 0) return resolve();
        const tail = readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
        reject(new Error(`${build.name} 构建失败（退出码 ${code}），完整日志：${logFile}\n${tail}`));
      });
    });
  });
}

async function buildClients(): Promise<void> {
  const stale = wanted.filter((k) => !isCurrent(clientBuilds[k]));
  if (stale.length > 0)
    say(
      `需要构建 ${stale.map((k) => clientBuilds[k].name).join('、')}：首次构建需要几分钟（机器繁忙时更久），` +
        `之后只在源码改变时重新构建。构建日志：${path.relative(root, logDir)}/`,
    );
  for (const key of wanted) {
    const build = clientBuilds[key];
    if (!stale.includes(key)) {
      say(`✓ ${build.name}：源码未变，沿用上次构建`);
      continue;
    }
    const t = Date.now();
    // Hash before building: an edit made during the build must make the next start build again.
    const hash = sourceHash(build);
    await runBuild(key, build);
    writeStamp(build, hash);
    say(`✓ ${build.name}：构建完成，用时 ${seconds(t)}`);
  }
}

async function waitForHealth(url: string, child: ReturnType<typeof spawn>): Promise<boolean> {
  while (child.exitCode === null) {
    try {
      const res = await fetch(url);
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

async function startServer(): Promise<void> {
  const t = Date.now();
  say('… 启动服务（迁移数据库，首次启动时载入演示数据）');
  // node with tsx's loader, not the tsx command: one process less to start and to pass signals through
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: path.join(root, 'server'),
    stdio: 'inherit',
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
  const port = process.env.PORT ?? '3000';
  if (await waitForHealth(`http://127.0.0.1:${port}/api/health`, child))
    say(`✓ 服务已就绪：启动用时 ${seconds(t)}，总用时 ${seconds(started)}`);
}

try {
  await buildClients();
  if (mode === 'start') await startServer();
  else say(`✓ 构建完成，总用时 ${seconds(started)}`);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
