import { devices } from '@kds/db';
import { and, eq, lt } from 'drizzle-orm';
import { requireKitchen } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import type { AckEventsInput } from './schemas.ts';

/**
 * A screen reports the last event it has drawn. For paired screens it is kept (never moving
 * backwards), so the store can see which screens are behind and since when.
 */
export async function ackEvents({ ctx, input }: { ctx: DomainContext; input: AckEventsInput }) {
  const principal = requireKitchen(ctx);
  if (principal.kind === 'device') {
    await ctx.db
      .update(devices)
      .set({ lastAckSeq: input.seq, lastSeenAt: ctx.now() })
      .where(and(eq(devices.id, principal.deviceId), lt(devices.lastAckSeq, input.seq)));
  }
  return { ok: true as const };
}
