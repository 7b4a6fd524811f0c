import type { Order, OrderItem } from '@kds/db';
import type { Ticket } from '../../events/types.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toTicket(order: Order, items: OrderItem[]): Ticket {
  return {
    orderId: order.id,
    number: order.number,
    status: order.status,
    paymentStatus: order.paymentStatus,
    fulfilment: order.fulfilment,
    tableLabel: order.tableLabel,
    customerName: order.customerName,
    notes: order.notes,
    allergies: order.allergies,
    priority: order.priority,
    version: order.version,
    placedAt: iso(order.placedAt),
    startedAt: iso(order.startedAt),
    readyAt: iso(order.readyAt),
    fireAt: iso(order.fireAt),
    firesAt: order.fireAt
      ? new Date(
          order.fireAt.getTime() - Math.max(0, ...items.map((i) => i.prepSeconds)) * 1000,
        ).toISOString()
      : null,
    items: items.map((i) => ({
      id: i.id,
      stationId: i.stationId,
      name: i.name,
      quantity: i.quantity,
      modifiers: i.modifiers.map((m) => m.kitchenLabel),
      allergens: i.allergens,
      notes: i.notes,
      status: i.status,
      bumpedAt: iso(i.bumpedAt),
    })),
  };
}
