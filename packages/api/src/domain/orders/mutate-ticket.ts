import { orderItems, stores, type Order, type OrderItem } from '@kds/db';
import { eq, inArray } from 'drizzle-orm';
import { recordEvents } from '../record-events.ts';
import type { EventDraft, Ticket } from '../../events/types.ts';
import type { TxContext } from '../context.ts';
import { InvalidTransitionError } from '../errors.ts';
import { queueReadyMessages, queueStartedMessages } from '../notifications/order-messages.ts';
import { inStore } from '../transaction.ts';
import type { DomainContext } from '../context.ts';
import { lockOrder, saveOrder } from './internal.ts';
import { isOnKitchenScreens, nextStatus } from './state-machine.ts';
import { toTicket } from './ticket-view.ts';

export interface TicketState {
  tx: TxContext;
  order: Order;
  items: OrderItem[];
  now: Date;
  events: EventDraft[];
}

/**
 * The frame of every ticket verb: lock the order (checking store and expected version), let
 * `change` move it through the state machine while collecting events, append them in the same
 * transaction, and return the ticket as it now stands.
 */
export async function mutateTicket(
  ctx: DomainContext,
  storeId: string,
  ref: { orderId: string; expectedVersion?: number | undefined },
  change: (state: TicketState) => Promise<void>,
): Promise<Ticket> {
  return inStore(ctx, storeId, async (tx) => {
    const locked = await lockOrder(tx, storeId, ref.orderId, ref.expectedVersion);
    const state: TicketState = { tx, ...locked, now: ctx.now(), events: [] };
    await change(state);
    await recordEvents(tx, storeId, state.events);
    return toTicket(state.order, state.items);
  });
}

/** Kitchen verbs act only on tickets that are on the screens (paid, open). */
export function assertOnKitchenScreens(
  order: Order,
  action: 'start' | 'bump' | 'bumpItems' | 'prioritize',
): void {
  if (!isOnKitchenScreens(order)) throw new InvalidTransitionError(order.status, action);
}

export async function startStep(state: TicketState): Promise<void> {
  const status = nextStatus(state.order, 'start', state.now);
  state.order = await saveOrder(state.tx, state.order, { status, startedAt: state.now });
  const [store] = await state.tx.db.select().from(stores).where(eq(stores.id, state.order.storeId));
  if (store) await queueStartedMessages(state.tx, store, state.order);
  state.events.push({
    type: 'ticket.started',
    orderId: state.order.id,
    payload: { status, version: state.order.version, number: state.order.number },
  });
}

export async function readyStep(state: TicketState, forced: boolean, stationId: string | null) {
  const status = nextStatus(state.order, 'ready', state.now);
  const [store] = await state.tx.db.select().from(stores).where(eq(stores.id, state.order.storeId));
  // The pickup code works for a while after the order is ready, and not before.
  const validMs = (store?.settings.pickupCodeValidMinutes ?? 60) * 60_000;
  state.order = await saveOrder(state.tx, state.order, {
    status,
    readyAt: state.now,
    pickupCodeExpiresAt: new Date(state.now.getTime() + validMs),
  });
  if (store) await queueReadyMessages(state.tx, store, state.order);
  state.events.push({
    type: 'ticket.bumped',
    orderId: state.order.id,
    stationId,
    payload: { status, version: state.order.version, number: state.order.number, forced },
  });
}

/** Sets items to done or back to queued, in the transaction and in `state.items`. */
export async function setItems(
  state: TicketState,
  itemIds: string[],
  status: OrderItem['status'],
): Promise<void> {
  if (itemIds.length === 0) return;
  const bumpedAt = status === 'done' ? state.now : null;
  await state.tx.db
    .update(orderItems)
    .set({ status, bumpedAt })
    .where(inArray(orderItems.id, itemIds));
  const ids = new Set(itemIds);
  state.items = state.items.map((i) => (ids.has(i.id) ? { ...i, status, bumpedAt } : i));
}
