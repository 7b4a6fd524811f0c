import {
  discountCodes,
  orderEvents,
  orderItems,
  orders,
  outbox,
  payments,
  stations,
  stores,
} from '@kds/db';
import { and, between, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { computeReport } from './compute-report.ts';

export const ReportInput = z.object({
  /** Store-local business dates, inclusive. */
  from: z.iso.date(),
  to: z.iso.date(),
});
export type ReportInput = z.infer<typeof ReportInput>;

const MAX_DAYS = 366;

/** The report for the manager's store and a range of business days. */
export async function storeReport({ ctx, input }: { ctx: DomainContext; input: ReportInput }) {
  const { storeId } = requireManager(ctx);
  return reportForStore(ctx, storeId, input);
}

/** The report of one store, for its manager or for a scheduled email. */
export async function reportForStore(ctx: DomainContext, storeId: string, input: ReportInput) {
  const days = (Date.parse(input.to) - Date.parse(input.from)) / 86_400_000 + 1;
  if (days < 1 || days > MAX_DAYS) throw new ValidationError(`choose 1 to ${MAX_DAYS} days`);
  const [store] = await ctx.db.select().from(stores).where(eq(stores.id, storeId));
  if (!store) throw new NotFoundError('store');

  const orderRows = await ctx.db
    .select({
      id: orders.id,
      status: orders.status,
      paymentMethod: orders.paymentMethod,
      paymentStatus: orders.paymentStatus,
      placedAt: orders.placedAt,
      createdAt: orders.createdAt,
      subtotalCents: orders.subtotalCents,
      discountCents: orders.discountCents,
      discountCode: discountCodes.code,
      tipCents: orders.tipCents,
      totalCents: orders.totalCents,
      costCents: orders.costCents,
    })
    .from(orders)
    .leftJoin(discountCodes, eq(discountCodes.id, orders.discountCodeId))
    .where(and(eq(orders.storeId, storeId), between(orders.businessDate, input.from, input.to)));
  const ids = orderRows.map((o) => o.id);
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += 5_000) chunks.push(ids.slice(i, i + 5_000));
  const perChunk = await Promise.all(
    chunks.map(async (chunk) => ({
      events: await ctx.db
        .select()
        .from(orderEvents)
        .where(and(eq(orderEvents.storeId, storeId), inArray(orderEvents.orderId, chunk))),
      lines: await ctx.db
        .select({
          orderId: orderItems.orderId,
          name: orderItems.name,
          quantity: orderItems.quantity,
          lineTotalCents: orderItems.lineTotalCents,
        })
        .from(orderItems)
        .where(inArray(orderItems.orderId, chunk)),
      payments: await ctx.db
        .select({
          orderId: payments.orderId,
          feeCents: payments.feeCents,
          refundedCents: payments.refundedCents,
        })
        .from(payments)
        .where(inArray(payments.orderId, chunk)),
      messages: await ctx.db
        .select({
          channel: outbox.channel,
          status: outbox.status,
          providerStatus: outbox.providerStatus,
          costMicros: outbox.costMicros,
        })
        .from(outbox)
        .where(inArray(outbox.orderId, chunk)),
    })),
  );
  const stationRows = await ctx.db.select().from(stations).where(eq(stations.storeId, storeId));
  const report = computeReport({
    timeZone: store.timezone,
    orders: orderRows,
    events: perChunk.flatMap((c) =>
      c.events.flatMap((e) =>
        e.orderId
          ? [
              {
                orderId: e.orderId,
                seq: e.seq,
                type: e.type,
                stationId: e.stationId,
                at: e.createdAt,
                payload: e.payload,
              },
            ]
          : [],
      ),
    ),
    lines: perChunk.flatMap((c) => c.lines),
    payments: perChunk.flatMap((c) => c.payments.map((p) => ({ ...p, feeCents: p.feeCents ?? 0 }))),
    messages: perChunk.flatMap((c) => c.messages),
    stationNames: new Map(stationRows.map((s) => [s.id, s.name])),
  });
  return {
    ...report,
    from: input.from,
    to: input.to,
    currency: store.currency,
    timeZone: store.timezone,
  };
}
