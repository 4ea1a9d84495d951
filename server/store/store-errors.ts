/**
 * Errors a store raises on purpose, so the CLI can print something an operator can act on and
 * routes can tell "storage is down" (5xx) from a bug.
 */

/** A data file is not what the store wrote. The file is left exactly as found, for a human to inspect. */
export class StoreCorruptError extends Error {
  override readonly name = 'StoreCorruptError';
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(
      `${file} is corrupt: ${reason}. The file was left untouched; restore it from a backup or repair it.`,
    );
  }
}

/** Another live process owns the data directory; two writers would interleave and lose data. */
export class StoreLockedError extends Error {
  override readonly name = 'StoreLockedError';
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`data directory ${dataDir} is in use by process ${pid}; stop that process or use another DATA_DIR`);
  }
}

/** A write or sync failed (disk full, I/O error): nothing of the failed operation was acknowledged. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export class StoreClosedError extends Error {
  override readonly name = 'StoreClosedError';
  constructor() {
    super('the store is closed');
  }
}
