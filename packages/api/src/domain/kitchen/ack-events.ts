import { devices } from '@kds/db';
import { eq, sql } from 'drizzle-orm';
import { requireKitchen } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import type { AckEventsInput } from './schemas.ts';
import { inStore } from '../transaction.ts';

/**
 * A screen reports the last event it has drawn, and so that it is alive (screens repeat it as
 * a heartbeat). For paired screens both are kept, the sequence never moving backwards, so the
 * store can see which screens are offline or behind and since when.
 */
export async function ackEvents({ ctx, input }: { ctx: DomainContext; input: AckEventsInput }) {
  const principal = requireKitchen(ctx);
  if (principal.kind === 'device') {
    await inStore(ctx, principal.storeId, ({ db }) =>
      db
        .update(devices)
        .set({
          lastAckSeq: sql`greatest(${devices.lastAckSeq}, ${input.seq})`,
          lastSeenAt: ctx.now(),
        })
        .where(eq(devices.id, principal.deviceId)),
    );
  }
  return { ok: true as const };
}
