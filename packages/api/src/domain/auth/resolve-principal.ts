import {
  apiKeys,
  devices,
  sessions,
  staff,
  staffMemberships,
  type Database,
  type Queryable,
} from '@kds/db';
import { acrossStoresOn } from '../transaction.ts';
import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Principal } from '../context.ts';
import { API_KEY_PREFIX, DEVICE_TOKEN_PREFIX, hashToken, STAFF_TOKEN_PREFIX } from './tokens.ts';

/**
 * A staff session is live while it is not revoked or expired and the account still has an
 * unsuspended membership of the session's store; the role is read from that membership.
 */
const liveSession = (now: Date) =>
  and(
    isNull(sessions.revokedAt),
    gt(sessions.expiresAt, now),
    isNull(staffMemberships.suspendedAt),
  );

function staffSessions(db: Queryable) {
  return db
    .select({
      sessionId: sessions.id,
      staffId: sessions.staffId,
      storeId: sessions.storeId,
      role: staffMemberships.role,
      mustChangePassword: staff.mustChangePassword,
    })
    .from(sessions)
    .innerJoin(staff, eq(staff.id, sessions.staffId))
    .innerJoin(
      staffMemberships,
      and(
        eq(staffMemberships.staffId, sessions.staffId),
        eq(staffMemberships.storeId, sessions.storeId),
      ),
    );
}

const deviceColumns = {
  deviceId: devices.id,
  storeId: devices.storeId,
  stationId: devices.stationId,
};

const apiKeyColumns = { apiKeyId: apiKeys.id, storeId: apiKeys.storeId, scopes: apiKeys.scopes };

/** The principal behind a bearer token, or null for a missing, unknown, expired or revoked one. */
export async function resolvePrincipal(
  db: Database,
  token: string | undefined,
  now: Date,
): Promise<Principal | null> {
  if (!token || token.length > 200) return null;
  // A token names no store: its principal is found across stores, by the token's hash alone.
  return acrossStoresOn(db, 'session', (tx) => principalOf(tx, token, now));
}

async function principalOf(db: Queryable, token: string, now: Date): Promise<Principal | null> {
  const tokenHash = hashToken(token);
  if (token.startsWith(STAFF_TOKEN_PREFIX)) {
    const [row] = await staffSessions(db)
      .where(and(eq(sessions.tokenHash, tokenHash), liveSession(now)))
      .limit(1);
    return row ? { kind: 'staff', ...row } : null;
  }
  if (token.startsWith(DEVICE_TOKEN_PREFIX)) {
    const [row] = await db
      .select(deviceColumns)
      .from(devices)
      .where(and(eq(devices.tokenHash, tokenHash), isNull(devices.revokedAt)))
      .limit(1);
    return row ? { kind: 'device', ...row } : null;
  }
  if (token.startsWith(API_KEY_PREFIX)) {
    const [row] = await db
      .select({ ...apiKeyColumns, lastUsedAt: apiKeys.lastUsedAt })
      .from(apiKeys)
      .where(and(eq(apiKeys.tokenHash, tokenHash), isNull(apiKeys.revokedAt)))
      .limit(1);
    return row ? { kind: 'apiKey', ...row } : null;
  }
  return null;
}

/** What a principal is, compared field by field: any change (role, station, store) is a new one. */
export function principalKey(p: Principal): string {
  if (p.kind === 'staff') {
    return `staff:${p.sessionId}:${p.storeId}:${p.role}:${p.mustChangePassword}`;
  }
  if (p.kind === 'device') return `device:${p.deviceId}:${p.storeId}:${p.stationId ?? ''}`;
  return `api-key:${p.apiKeyId}:${p.storeId}:${[...p.scopes].sort().join(',')}`;
}

/**
 * Which of these principals are still exactly what they were: for streams and connections,
 * which keep the identity they started with. Two queries per 5,000 principals, however many
 * streams they hold open.
 */
export async function stillValidPrincipals(
  db: Database,
  principals: Principal[],
  now: Date,
): Promise<Set<string>> {
  return acrossStoresOn(db, 'session', (tx) => stillValid(tx, principals, now));
}

async function stillValid(db: Queryable, principals: Principal[], now: Date): Promise<Set<string>> {
  const sessionIds = principals.flatMap((p) => (p.kind === 'staff' ? [p.sessionId] : []));
  const deviceIds = principals.flatMap((p) => (p.kind === 'device' ? [p.deviceId] : []));
  const apiKeyIds = principals.flatMap((p) => (p.kind === 'apiKey' ? [p.apiKeyId] : []));
  const valid = new Set<string>();
  for (const ids of chunks(sessionIds)) {
    const rows = await staffSessions(db).where(and(inArray(sessions.id, ids), liveSession(now)));
    for (const row of rows) valid.add(principalKey({ kind: 'staff', ...row }));
  }
  for (const ids of chunks(deviceIds)) {
    const rows = await db
      .select(deviceColumns)
      .from(devices)
      .where(and(inArray(devices.id, ids), isNull(devices.revokedAt)));
    for (const row of rows) valid.add(principalKey({ kind: 'device', ...row }));
  }
  for (const ids of chunks(apiKeyIds)) {
    const rows = await db
      .select(apiKeyColumns)
      .from(apiKeys)
      .where(and(inArray(apiKeys.id, ids), isNull(apiKeys.revokedAt)));
    for (const row of rows) valid.add(principalKey({ kind: 'apiKey', ...row }));
  }
  return valid;
}

/** Bounded lists for `IN (…)`: PostgreSQL takes at most 65,535 parameters a statement. */
function chunks<T>(items: T[], size = 5_000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
