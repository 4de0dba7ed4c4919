import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import mysql from 'mysql2/promise';
import type { Config } from '../config';

/**
 * Named locks held across every process on one database: migrations and demo seeding at start, one registry
 * import at a time. MySQL/MariaDB: GET_LOCK on a connection of the lock's own, released by the server when
 * the holder's connection ends, so a crashed process never leaves a lock behind. SQLite (one machine): a lock
 * file beside the database holding the owner's pid; a file whose process is gone is stale and taken over.
 */
export interface DatabaseLocks {
  /** Runs `fn` holding `name`, waiting up to `waitMs` for it; throws LockBusyError when it stays taken. */
  withLock<T>(name: string, waitMs: number, fn: () => Promise<T>): Promise<T>;
}

/** Runs start-up work (migrations, demo seeding) one process at a time on this database; the others wait. */
export const underStartupLock = <T>(locks: DatabaseLocks, fn: () => Promise<T>) =>
  locks.withLock('startup', 10 * 60_000, fn);

export class LockBusyError extends Error {
  constructor(public readonly lockName: string) {
    super(`lock ${lockName} is held by another process`);
  }
}

export function createDatabaseLocks(database: Config['database']): DatabaseLocks {
  return database.dialect === 'mysql' ? mysqlLocks(database.url) : fileLocks(database.storage);
}

function mysqlLocks(url: string): DatabaseLocks {
  // GET_LOCK names are server-wide: qualify them with the database so test databases do not collide.
  const dbName = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  const lockName = (name: string) => {
    const full = `xf:${dbName}:${name}`;
    return full.length <= 64 ? full : `xf:${createHash('sha1').update(full).digest('hex')}`;
  };
  return {
    async withLock(name, waitMs, fn) {
      const connection = await mysql.createConnection(url);
      try {
        const [rows] = await connection.query('SELECT GET_LOCK(?, ?) AS got', [
          lockName(name),
          Math.ceil(waitMs / 1000),
        ]);
        if ((rows as { got: number | null }[])[0]?.got !== 1) throw new LockBusyError(name);
        try {
          return await fn();
        } finally {
          await connection.query('SELECT RELEASE_LOCK(?)', [lockName(name)]).catch(() => undefined);
        }
      } finally {
        await connection.end().catch(() => connection.destroy());
      }
    },
  };
}

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e: any) {
    return e?.code === 'EPERM';
  }
}

function fileLocks(storage: string): DatabaseLocks {
  const held = new Set<string>();
  const fileOf = (name: string) => `${path.resolve(storage)}.${name.replace(/[^A-Za-z0-9_-]/g, '_')}.lock`;

  /** 'taken', 'busy', or 'retry' (the file was stale or vanished: try again at once). */
  const tryTake = (file: string): 'taken' | 'busy' | 'retry' => {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return 'taken';
    } catch (e: any) {
      if (e?.code !== 'EEXIST') throw e;
    }
    let owner = NaN;
    try {
      owner = Number(readFileSync(file, 'utf8'));
    } catch {
      return 'retry';
    }
    // Stale: its process is gone, or it names this process (a reused pid) without this process holding it.
    const stale = !Number.isInteger(owner) || !alive(owner) || (owner === process.pid && !held.has(file));
    if (!stale) return 'busy';
    try {
      unlinkSync(file);
    } catch {
      /* another process took it over first */
    }
    return 'retry';
  };

  return {
    async withLock(name, waitMs, fn) {
      const file = fileOf(name);
      const deadline = Date.now() + waitMs;
      for (let retries = 0; ;) {
        const outcome = held.has(file) ? 'busy' : tryTake(file);
        if (outcome === 'taken') break;
        if (outcome === 'retry' && ++retries < 5) continue;
        if (Date.now() >= deadline) throw new LockBusyError(name);
        await sleep(50);
      }
      held.add(file);
      try {
        return await fn();
      } finally {
        held.delete(file);
        try {
          unlinkSync(file);
        } catch {
          /* already gone */
        }
      }
    },
  };
}
