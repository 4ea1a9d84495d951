import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Tokens are random and long, so a fast hash is enough to store them without the plaintext. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function generateToken(prefix: 'aat' | 'aaa'): string {
  return `${prefix}_${randomBytes(24).toString('base64url')}`;
}

/** Compares two hex digests without leaking where they differ. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
