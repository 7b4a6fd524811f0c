import { sessions } from '@kds/db';
import { eq } from 'drizzle-orm';
import type { DomainContext } from '../context.ts';

/** Revokes the caller's own session; a device or an anonymous caller has nothing to revoke. */
export async function logout({ ctx }: { ctx: DomainContext }): Promise<{ ok: true }> {
  const p = ctx.principal;
  if (p?.kind === 'staff') {
    await ctx.db.update(sessions).set({ revokedAt: ctx.now() }).where(eq(sessions.id, p.sessionId));
  }
  return { ok: true };
}
