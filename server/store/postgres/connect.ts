import pg from 'pg';
import type { StoreLogger } from '../file-store';
import { StoreUnavailableError } from '../store-errors';

/** Connections per process: the database's max_connections must cover every replica's pool. */
const POOL_SIZE = 10;
/** How long a request waits for a connection before the API answers 503 rather than hanging. */
const CONNECT_TIMEOUT_MS = 10_000;

export function createPool(url: string, logger: StoreLogger = console): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    application_name: 'aligned-autonomy',
    // Reading a team's months costs the planner past jit_above_cost, and compiling the plan took
    // a second where running it takes milliseconds: no query here runs long enough to gain.
    options: '-c jit=off',
  });
  // An idle connection dropped by the server (restart, failover) must not crash the process; the
  // pool replaces it and the next query reports any lasting outage.
  pool.on('error', (error) => {
    logger.warn(`PostgreSQL connection lost: ${error.message}`);
  });
  return pool;
}

/** SQLSTATE classes meaning "the database cannot serve now", not "this request is wrong". */
const UNAVAILABLE_CLASSES = new Set(['08', '53', '57', '58']);
/** What the driver and the pool raise when there is no usable connection. */
const CONNECTION_FAILURE =
  /Connection terminated|timeout exceeded when trying to connect|timeout expired|connection error|Query read timeout/;

/**
 * Connection failures, an overloaded or restarting server and a full disk become
 * StoreUnavailableError (a 503 that clients retry); anything else is a bug and stays as it is.
 */
export function storeError(error: unknown): unknown {
  if (!(error instanceof Error) || error instanceof StoreUnavailableError) return error;
  const unavailable =
    error instanceof pg.DatabaseError
      ? UNAVAILABLE_CLASSES.has(String(error.code).slice(0, 2))
      : 'syscall' in error || CONNECTION_FAILURE.test(error.message);
  return unavailable
    ? new StoreUnavailableError(`PostgreSQL is unavailable: ${error.message}`, { cause: error })
    : error;
}

export function isDeadlock(error: unknown): boolean {
  return error instanceof pg.DatabaseError && error.code === '40P01';
}

/** Raised by `event_id_conflict` (migration 3): the batch reuses a stored id for another payload. */
export function isEventIdConflict(error: unknown): boolean {
  return error instanceof pg.DatabaseError && error.code === 'AA409';
}
