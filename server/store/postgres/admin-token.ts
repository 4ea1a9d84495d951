import type pg from 'pg';
import { generateToken, hashToken } from '../../tokens';
import { storeError } from './connect';

const ADMIN_TOKEN_HASH = 'admin_token_hash';

/**
 * The PostgreSQL counterpart of `resolveAdminToken`: ADMIN_TOKEN wins; otherwise the first
 * replica to start generates a token and keeps only its hash in `settings`. The insert that
 * claims the row decides which replica that was, so exactly one prints the token; the others
 * read the hash it stored.
 */
export async function resolveAdminTokenInDatabase(
  pool: pg.Pool,
  fromEnv: string | undefined,
): Promise<{ hash: string; generated?: string }> {
  if (fromEnv) return { hash: hashToken(fromEnv) };
  const token = generateToken('aaa');
  try {
    const claimed = await pool.query(
      'INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING',
      [ADMIN_TOKEN_HASH, hashToken(token)],
    );
    if (claimed.rowCount === 1) return { hash: hashToken(token), generated: token };
    const { rows } = await pool.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [
      ADMIN_TOKEN_HASH,
    ]);
    return { hash: (rows[0] as { value: string }).value };
  } catch (error) {
    throw storeError(error);
  }
}

/**
 * Keeps an existing admin token working after a move from lowdb. Unless `replace`, a hash
 * already in the database stays; returns whether the given one was written.
 */
export async function storeAdminTokenHash(pool: pg.Pool, hash: string, replace: boolean): Promise<boolean> {
  const { rowCount } = await pool.query(
    `INSERT INTO settings (key, value) VALUES ($1, $2)
     ON CONFLICT (key) DO ${replace ? 'UPDATE SET value = EXCLUDED.value' : 'NOTHING'}`,
    [ADMIN_TOKEN_HASH, hash],
  );
  return rowCount === 1;
}
