import { stores, type Pacing } from '@kds/db';
import { eq } from 'drizzle-orm';
import { recordEvents } from '../record-events.ts';
import { requireFrontOfHouse } from '../auth/require-front-of-house.ts';
import type { DomainContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { inStore } from '../transaction.ts';
import { currentPacing } from './pacing-rules.ts';
import type { PacingChangeInput } from './schemas.ts';
import { recordAudit } from '../audit.ts';

/**
 * Pause a kind of online order, quote longer times or throttle ASAP orders. The new pacing, its
 * audit entry and the event that tells every open menu commit together; from that commit on,
 * checkout follows it.
 */
export async function updatePacing({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: PacingChangeInput;
}): Promise<Pacing> {
  const principal = await requireFrontOfHouse(ctx);
  return inStore(ctx, principal.storeId, async (tx) => {
    const [store] = await tx.db
      .select({ pacing: stores.pacing })
      .from(stores)
      .where(eq(stores.id, principal.storeId))
      .for('update');
    if (!store) throw new NotFoundError('store');
    const now = tx.now();
    const before = currentPacing(store.pacing, now);
    const after = applyChange(before, input, now);
    await tx.db.update(stores).set({ pacing: after }).where(eq(stores.id, principal.storeId));
    await recordAudit(tx.db, principal, {
      action: `pacing.${input.kind}`,
      entity: 'store',
      entityId: principal.storeId,
      before,
      after,
    });
    await recordEvents(tx, principal.storeId, [
      { type: 'store.pacing_changed', orderId: null, payload: { pacing: after } },
    ]);
    return after;
  });
}

function applyChange(pacing: Pacing, change: PacingChangeInput, now: Date): Pacing {
  switch (change.kind) {
    case 'pause': {
      const until = new Date(now.getTime() + change.minutes * 60_000).toISOString();
      const pauses = { ...pacing.pauses };
      for (const type of change.fulfilments) pauses[type] = { reason: change.reason, until };
      return { ...pacing, pauses };
    }
    case 'resume': {
      const pauses = Object.fromEntries(
        Object.entries(pacing.pauses).filter(
          ([type]) => !change.fulfilments.some((t) => t === type),
        ),
      );
      return { ...pacing, pauses };
    }
    case 'quote':
      return { ...pacing, extraMinutes: change.extraMinutes };
    case 'throttle':
      return {
        ...pacing,
        throttle: { enabled: change.enabled, asapPerWindow: change.asapPerWindow },
      };
  }
}
