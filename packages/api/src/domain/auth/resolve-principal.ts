import { devices, sessions, staff, staffMemberships, type Database } from '@kds/db';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Principal } from '../context.ts';
import { DEVICE_TOKEN_PREFIX, hashToken, STAFF_TOKEN_PREFIX } from './tokens.ts';

/** The principal behind a bearer token, or null for a missing, unknown, expired or revoked one. */
export async function resolvePrincipal(
  db: Database,
  token: string | undefined,
  now: Date,
): Promise<Principal | null> {
  if (!token || token.length > 200) return null;
  const tokenHash = hashToken(token);
  if (token.startsWith(STAFF_TOKEN_PREFIX)) {
    const [row] = await db
      .select({
        sessionId: sessions.id,
        staffId: sessions.staffId,
        storeId: sessions.storeId,
        role: staffMemberships.role,
      })
      .from(sessions)
      .innerJoin(staff, eq(staff.id, sessions.staffId))
      .innerJoin(
        staffMemberships,
        and(
          eq(staffMemberships.staffId, sessions.staffId),
          eq(staffMemberships.storeId, sessions.storeId),
        ),
      )
      .where(
        and(
          eq(sessions.tokenHash, tokenHash),
          isNull(sessions.revokedAt),
          gt(sessions.expiresAt, now),
          eq(staff.isActive, true),
        ),
      )
      .limit(1);
    return row ? { kind: 'staff', ...row } : null;
  }
  if (token.startsWith(DEVICE_TOKEN_PREFIX)) {
    const [row] = await db
      .select({ deviceId: devices.id, storeId: devices.storeId, stationId: devices.stationId })
      .from(devices)
      .where(and(eq(devices.tokenHash, tokenHash), isNull(devices.revokedAt)))
      .limit(1);
    return row ? { kind: 'device', ...row } : null;
  }
  return null;
}
