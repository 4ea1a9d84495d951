import { join } from 'node:path';
import { StoreLockedError } from './store-errors';
import { errorCode, type StoreFs, writeAll } from './store-fs';

const LOCK_FILE = '.lock';
/** Directories this process holds: a pid match alone cannot tell "us" from a previous incarnation with the same pid (pid 1 in containers). */
const heldHere = new Set<string>();

export interface DataDirLock {
  release(): Promise<void>;
}

/**
 * One process per data directory: two would interleave appends and each keep its own idempotency
 * index. The lock file holds the owner's pid so a lock left by a crash (dead pid) is taken over
 * instead of needing a human.
 */
export async function lockDataDir(fs: StoreFs, dataDir: string): Promise<DataDirLock> {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await fs.open(path, 'wx', 0o600);
      try {
        await writeAll(handle, Buffer.from(`${process.pid}\n`));
      } finally {
        await handle.close();
      }
      heldHere.add(path);
      return { release: () => release(fs, path) };
    } catch (error) {
      if (errorCode(error) !== 'EEXIST' || attempt >= 3) throw error;
    }
    const owner = await readOwner(fs, path);
    if (owner !== undefined && isAlive(owner) && (owner !== process.pid || heldHere.has(path))) {
      throw new StoreLockedError(dataDir, owner);
    }
    try {
      await fs.unlink(path);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
  }
}

async function release(fs: StoreFs, path: string): Promise<void> {
  if (!heldHere.delete(path)) return;
  const owner = await readOwner(fs, path);
  if (owner !== process.pid) return;
  try {
    await fs.unlink(path);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
}

async function readOwner(fs: StoreFs, path: string): Promise<number | undefined> {
  // An empty file is either a crash between create and write, or an owner about to write its pid.
  for (let attempt = 0; attempt < 3; attempt++) {
    let text: string;
    try {
      text = (await fs.readFile(path)).toString('utf8').trim();
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return undefined;
      throw error;
    }
    const pid = Number(text);
    if (text !== '' && Number.isSafeInteger(pid) && pid > 0) return pid;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else, which still makes it the owner.
    return errorCode(error) === 'EPERM';
  }
}
