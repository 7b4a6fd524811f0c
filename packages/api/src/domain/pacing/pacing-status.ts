import { stores, type Queryable, type Store } from '@kds/db';
import { eq } from 'drizzle-orm';
import { requireKitchen } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { asapReadyInMinutes } from '../tracker/estimate-ready.ts';
import { asapCap, asapWindow, kitchenLoad, stationLoads } from './kitchen-load.ts';
import { currentPacing } from './pacing-rules.ts';
import { inStore } from '../transaction.ts';

/** The expo screen's and the console's view: pacing, each station's load, the ASAP window. */
export async function pacingStatus({ ctx }: { ctx: DomainContext }) {
  const principal = requireKitchen(ctx);
  return inStore(ctx, principal.storeId, async (tx) => {
    const [store] = await tx.db.select().from(stores).where(eq(stores.id, principal.storeId));
    if (!store) throw new NotFoundError('store');
    const now = ctx.now();
    const [loads, window, readyInMinutes] = await Promise.all([
      stationLoads(tx.db, store, now),
      asapWindow(tx.db, store.id, now),
      asapReadyInMinutes(tx.db, store, now),
    ]);
    const load = kitchenLoad(loads);
    return {
      pacing: currentPacing(store.pacing, now),
      stations: loads,
      load,
      asap: {
        windowEndsAt: window.endsAt.toISOString(),
        taken: window.taken,
        cap: store.pacing.throttle.enabled
          ? asapCap(store.pacing.throttle.asapPerWindow, load)
          : null,
      },
      readyInMinutes,
    };
  });
}

/** What a guest sees before paying: paused kinds of order and how long ASAP takes now. */
export async function orderingFor(db: Queryable, store: Store, now: Date) {
  const pacing = currentPacing(store.pacing, now);
  return {
    pauses: pacing.pauses,
    readyInMinutes: await asapReadyInMinutes(db, store, now),
  };
}
