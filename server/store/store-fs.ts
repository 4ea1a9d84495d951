import * as nodeFs from 'node:fs/promises';

/**
 * The slice of node:fs/promises the file store uses. It is an option so tests can make a write,
 * a sync or a rename fail (ENOSPC, EIO) once or for good, and count syncs.
 */
export interface StoreFileHandle {
  write(
    buffer: Uint8Array,
    offset?: number,
    length?: number,
    position?: number | null,
  ): Promise<{ bytesWritten: number }>;
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  sync(): Promise<void>;
  datasync(): Promise<void>;
  truncate(length?: number): Promise<void>;
  stat(): Promise<{ size: number }>;
  close(): Promise<void>;
}

export interface StoreFs {
  open(path: string, flags: string, mode?: number): Promise<StoreFileHandle>;
  readFile(path: string): Promise<Buffer>;
  rename(from: string, to: string): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<string | undefined>;
  readdir(path: string): Promise<string[]>;
  unlink(path: string): Promise<void>;
}

export const defaultStoreFs: StoreFs = nodeFs;

export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

/** Makes a rename or a file creation in `dir` durable: without it a crash can forget the entry. */
export async function syncDirectory(fs: StoreFs, dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes all of `buffer`: a write may be short, and a short write must not pass for a whole one. */
export async function writeAll(handle: StoreFileHandle, buffer: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < buffer.length) {
    const { bytesWritten } = await handle.write(buffer, offset, buffer.length - offset, null);
    if (bytesWritten <= 0) throw new Error('write made no progress');
    offset += bytesWritten;
  }
}
