import { staffInvitations, stores, type Transaction } from '@kds/db';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { invitationIdOf } from './invitation-token.ts';

export const INVITATION_TTL_MS = 7 * 24 * 3600_000;

const gone = () => new NotFoundError('invitationGone');

/** An invitation that can still be accepted, with its store's name; locked when in a transaction. */
export async function openInvitation(
  db: Transaction | Database,
  invitationId: string,
  now: Date,
  lock = false,
) {
  const query = db
    .select({
      invitation: staffInvitations,
      storeName: stores.name,
      staffLanguage: stores.staffLanguage,
    })
    .from(staffInvitations)
    .innerJoin(stores, eq(stores.id, staffInvitations.storeId))
    .where(
      and(
        eq(staffInvitations.id, invitationId),
        isNull(staffInvitations.acceptedAt),
        isNull(staffInvitations.closedAt),
        gt(staffInvitations.expiresAt, now),
      ),
    );
  const [row] = await (lock ? query.for('update', { of: staffInvitations }) : query);
  if (!row) throw gone();
  return row;
}

/** The invitation id behind a link's token (NOT_FOUND for a forged one, like a used one). */
export function idFromToken(secret: string, token: string): string {
  const id = invitationIdOf(secret, token);
  if (!id || !/^[0-9a-f-]{36}$/.test(id)) throw gone();
  return id;
}
