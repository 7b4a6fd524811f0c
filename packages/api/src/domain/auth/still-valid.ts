import { devices, sessions, staff } from '@kds/db';
import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Database } from '@kds/db';
import { DEVICE_TOKEN_PREFIX, hashToken, STAFF_TOKEN_PREFIX } from './tokens.ts';

/**
 * Which of these tokens still sign someone in: for live connections, which keep the identity
 * they connected with, so a revoked screen, a deactivated or re-roled staff member or an expired
 * session is cut off within one check. One query per kind, however many connections.
 */
export async function stillValidTokens(
  db: Database,
  tokens: string[],
  now: Date,
): Promise<Set<string>> {
  const hashes = new Map(tokens.map((t) => [hashToken(t), t]));
  const staffHashes = [...hashes]
    .filter(([, t]) => t.startsWith(STAFF_TOKEN_PREFIX))
    .map(([h]) => h);
  const deviceHashes = [...hashes]
    .filter(([, t]) => t.startsWith(DEVICE_TOKEN_PREFIX))
    .map(([h]) => h);
  const [liveSessions, liveDevices] = await Promise.all([
    staffHashes.length
      ? db
          .select({ hash: sessions.tokenHash })
          .from(sessions)
          .innerJoin(staff, eq(staff.id, sessions.staffId))
          .where(
            and(
              inArray(sessions.tokenHash, staffHashes),
              isNull(sessions.revokedAt),
              gt(sessions.expiresAt, now),
              eq(staff.isActive, true),
            ),
          )
      : Promise.resolve([]),
    deviceHashes.length
      ? db
          .select({ hash: devices.tokenHash })
          .from(devices)
          .where(and(inArray(devices.tokenHash, deviceHashes), isNull(devices.revokedAt)))
      : Promise.resolve([]),
  ]);
  const valid = new Set<string>();
  for (const { hash } of [...liveSessions, ...liveDevices]) {
    const token = hash ? hashes.get(hash) : undefined;
    if (token) valid.add(token);
  }
  return valid;
}
