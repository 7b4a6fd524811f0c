import { sessions } from '@kds/db';
import { and, eq, isNull } from 'drizzle-orm';
import type { DomainContext } from '../context.ts';
import { acrossStores, inStore } from '../transaction.ts';

/** Revokes the caller's own session; a device or an anonymous caller has nothing to revoke. */
export async function logout({ ctx }: { ctx: DomainContext }): Promise<{ ok: true }> {
  const p = ctx.principal;
  if (p?.kind === 'staff') {
    await inStore(ctx, p.storeId, ({ db }) =>
      db.update(sessions).set({ revokedAt: ctx.now() }).where(eq(sessions.id, p.sessionId)),
    );
  }
  return { ok: true };
}

/** Ends every session of the caller's account, on every device ("signed in somewhere else?"). */
export async function logoutEverywhere({
  ctx,
}: {
  ctx: DomainContext;
}): Promise<{ ended: number }> {
  const p = ctx.principal;
  if (p?.kind !== 'staff') return { ended: 0 };
  // The account's sessions at every one of its stores.
  const ended = await acrossStores(ctx, 'account', ({ db }) =>
    db
      .update(sessions)
      .set({ revokedAt: ctx.now() })
      .where(and(eq(sessions.staffId, p.staffId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id }),
  );
  return { ended: ended.length };
}
