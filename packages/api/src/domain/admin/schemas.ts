import { fulfilmentType, paymentStatus } from '@kds/db';
import { z } from 'zod';
import { PageCursor } from '../keyset.ts';
import { orderStatuses } from '../orders/state-machine.ts';

export const OrderListInput = z.object({
  status: z.array(z.enum(orderStatuses)).max(orderStatuses.length).optional(),
  paymentStatus: z.enum(paymentStatus.enumValues).optional(),
  fulfilment: z.enum(fulfilmentType.enumValues).optional(),
  /** Store-local business dates, inclusive ("2026-11-22"). */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** An order number, or part of a name or phone number. */
  search: z.string().trim().max(80).optional(),
  /** The last row of the previous page. */
  cursor: PageCursor.optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type OrderListInput = z.infer<typeof OrderListInput>;

export const OrderDetailInput = z.object({ orderId: z.uuid() });
export type OrderDetailInput = z.infer<typeof OrderDetailInput>;

export const StoreEventsInput = z.object({ lastEventId: z.string().regex(/^\d+$/).nullish() });
export type StoreEventsInput = z.infer<typeof StoreEventsInput>;
