import { createHash, randomBytes } from 'node:crypto';

export const STAFF_TOKEN_PREFIX = 'kds_s_';
export const DEVICE_TOKEN_PREFIX = 'kds_d_';
export const API_KEY_PREFIX = 'kds_k_';

/** A 256-bit bearer token; only its SHA-256 is stored. */
export function newToken(prefix: string): { token: string; tokenHash: string } {
  const token = prefix + randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
