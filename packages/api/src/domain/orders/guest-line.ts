import type { OrderItem } from '@kds/db';

/** A line of an order as its guest reads it (on the tracker, in their data): no costs, stations. */
export const guestLine = (i: OrderItem) => ({
  name: i.name,
  quantity: i.quantity,
  modifiers: i.modifiers.map((m) => m.name),
  notes: i.notes,
  lineTotalCents: i.lineTotalCents,
});
