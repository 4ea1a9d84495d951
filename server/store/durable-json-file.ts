import { basename, dirname } from 'node:path';
import type { Adapter } from 'lowdb';
import { StoreCorruptError } from './store-errors';
import { errorCode, type StoreFs, syncDirectory, writeAll } from './store-fs';

/**
 * A lowdb adapter for one JSON file that survives crashes and power loss: a write goes to a temp
 * file that is fsynced, renamed over the target and made durable by fsyncing the directory, so
 * the file is always either the old or the new document. (lowdb's own writer skips both fsyncs.)
 *
 * Reading never "repairs": a missing file reads as null (a new store), anything unreadable throws
 * StoreCorruptError and stays on disk as it is, so defaults never overwrite real data.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  private readonly temp: string;

  constructor(
    private readonly fs: StoreFs,
    readonly path: string,
    private readonly validate: (value: unknown) => T,
  ) {
    this.temp = `${dirname(path)}/.${basename(path)}.tmp`;
  }

  async read(): Promise<T | null> {
    let bytes: Buffer;
    try {
      bytes = await this.fs.readFile(this.path);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null;
      throw error;
    }
    if (bytes.length === 0) throw new StoreCorruptError(this.path, 'the file is empty');
    if (bytes.includes(0)) throw new StoreCorruptError(this.path, 'the file contains NUL bytes');
    let value: unknown;
    try {
      value = JSON.parse(bytes.toString('utf8'));
    } catch (error) {
      throw new StoreCorruptError(this.path, `not valid JSON (${(error as Error).message})`);
    }
    try {
      return this.validate(value);
    } catch (error) {
      throw new StoreCorruptError(this.path, `unexpected content (${(error as Error).message})`);
    }
  }

  async write(data: T): Promise<void> {
    const handle = await this.fs.open(this.temp, 'w', 0o600);
    try {
      await writeAll(handle, Buffer.from(`${JSON.stringify(data, null, 2)}\n`));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await this.fs.rename(this.temp, this.path);
    await syncDirectory(this.fs, dirname(this.path));
  }

  /** A temp file left by a crash mid-write is garbage: the target still holds the last good document. */
  async removeLeftovers(): Promise<void> {
    try {
      await this.fs.unlink(this.temp);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
  }
}
