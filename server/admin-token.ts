import { open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { generateToken, hashToken } from './tokens';

const FILE = 'admin-token';

/**
 * The admin token comes from ADMIN_TOKEN, or is generated on first start and kept (mode 0600) in
 * the data directory. `generated` is set only on the start that created it, so it is printed once.
 */
export async function resolveAdminToken(
  dataDir: string,
  fromEnv: string | undefined,
): Promise<{ hash: string; generated?: string }> {
  if (fromEnv) return { hash: hashToken(fromEnv) };
  const path = join(dataDir, FILE);
  try {
    const token = (await readFile(path, 'utf8')).trim();
    if (token.length < 16) throw new Error(`${path} is damaged: delete it to generate a new admin token`);
    return { hash: hashToken(token) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const token = generateToken('aaa');
  const temp = `${path}.tmp`;
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(`${token}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, path);
  return { hash: hashToken(token), generated: token };
}
