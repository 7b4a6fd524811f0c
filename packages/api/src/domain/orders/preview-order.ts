import type { DomainContext } from '../context.ts';
import { deliveryProblems } from './delivery.ts';
import { inStoreAt } from '../stores/store-slug.ts';
import { priceOrder, type PricedLine, type Problem, type Totals } from './pricing.ts';
import type { PreviewOrderInput } from './schemas.ts';

export interface OrderPreview {
  currency: string;
  lines: Omit<PricedLine, 'unitCostCents' | 'stationId'>[];
  totals: Totals;
  problems: Problem[];
}

/** The server's prices for a cart, with every problem the customer must fix; writes nothing. */
export async function previewOrder({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: PreviewOrderInput;
}): Promise<OrderPreview> {
  const { store, priced } = await inStoreAt(
    ctx,
    input.storeSlug,
    async ({ db }, store) => ({
      store,
      priced: await priceOrder(db, store, input, { now: ctx.now() }),
    }),
    { accessMode: 'read only' },
  );
  const delivery = await deliveryProblems(ctx, store, input.fulfilment);
  return {
    currency: store.currency,
    lines: priced.lines.map(({ unitCostCents: _cost, stationId: _station, ...line }) => line),
    totals: priced.totals,
    problems: [...priced.problems, ...delivery],
  };
}
