import { orderItems, stores, type Order, type OrderItem, type Store } from '@kds/db';
import { eq, inArray } from 'drizzle-orm';
import type { EventDraft, Ticket } from '../../events/types.ts';
import type { DomainContext, TxContext } from '../context.ts';
import { InvalidTransitionError } from '../errors.ts';
import { queueReadyMessages, queueStartedMessages } from '../notifications/order-messages.ts';
import { recordEvents } from '../record-events.ts';
import { inStore } from '../transaction.ts';
import { lockOrder, saveOrder, storeHasExpo } from './internal.ts';
import { isOnKitchenScreens, nextStatus } from './state-machine.ts';
import { toTicket } from './ticket-view.ts';

type OrderPatch = Parameters<typeof saveOrder>[2];
/** An event of this ticket's order, before it is recorded. */
type TicketEvent = EventDraft extends infer D
  ? D extends EventDraft
    ? Omit<D, 'orderId'>
    : never
  : never;

/**
 * One ticket being changed in a transaction: its order (locked), its items, and the events the
 * change will record. A verb moves it with the steps below, each through the state machine;
 * `changeTicket` records the events and answers the ticket as it now stands.
 */
export class TicketChange {
  readonly events: EventDraft[] = [];
  #store: Promise<Store | undefined> | undefined;

  constructor(
    readonly tx: TxContext,
    public order: Order,
    public items: OrderItem[],
    readonly now: Date,
  ) {}

  /** The order's store, read once however many steps ask. */
  store(): Promise<Store | undefined> {
    this.#store ??= this.tx.db
      .select()
      .from(stores)
      .where(eq(stores.id, this.order.storeId))
      .then(([store]) => store);
    return this.#store;
  }

  /** Writes the order (its version goes up) and keeps what was written. */
  async save(patch: OrderPatch): Promise<Order> {
    this.order = await saveOrder(this.tx, this.order, patch);
    return this.order;
  }

  record(draft: TicketEvent): void {
    this.events.push({ ...draft, orderId: this.order.id });
  }

  /** The cook starts it: the guest hears so, if they asked to. */
  async start(): Promise<void> {
    const status = nextStatus(this.order, 'start', this.now);
    await this.save({ status, startedAt: this.now });
    const store = await this.store();
    if (store) await queueStartedMessages(this.tx, store, this.order);
    this.record({ type: 'ticket.started', payload: this.summary(status) });
  }

  /**
   * Marks items done, starting the ticket first if needed. Without an expo station in the
   * store, the last item done makes the ticket READY; with one, expo bumps it.
   */
  async markDone(itemIds: string[], stationId: string | null): Promise<void> {
    if (this.order.status === 'PLACED') await this.start();
    if (this.order.status !== 'PREPARING') {
      throw new InvalidTransitionError(this.order.status, 'bumpItems');
    }
    await this.setItems(itemIds, 'done');
    await this.save({});
    this.record({
      type: 'ticket.item_bumped',
      stationId,
      payload: { ...this.summary(this.order.status), itemIds },
    });
    const allDone = this.items.every((i) => i.status === 'done');
    if (allDone && !(await storeHasExpo(this.tx.db, this.order.storeId))) {
      await this.ready(false, stationId);
    }
  }

  /** READY: the pickup code works from now, for the store's while; the guest is told. */
  async ready(forced: boolean, stationId: string | null): Promise<void> {
    const status = nextStatus(this.order, 'ready', this.now);
    const store = await this.store();
    const validMs = (store?.settings.pickupCodeValidMinutes ?? 60) * 60_000;
    await this.save({
      status,
      readyAt: this.now,
      pickupCodeExpiresAt: new Date(this.now.getTime() + validMs),
    });
    if (store) await queueReadyMessages(this.tx, store, this.order);
    this.record({ type: 'ticket.bumped', stationId, payload: { ...this.summary(status), forced } });
  }

  /** Sets items to done or back to queued, in the database and here. */
  async setItems(itemIds: string[], status: OrderItem['status']): Promise<void> {
    if (itemIds.length === 0) return;
    const bumpedAt = status === 'done' ? this.now : null;
    await this.tx.db
      .update(orderItems)
      .set({ status, bumpedAt })
      .where(inArray(orderItems.id, itemIds));
    const ids = new Set(itemIds);
    this.items = this.items.map((i) => (ids.has(i.id) ? { ...i, status, bumpedAt } : i));
  }

  /** What every ticket event says of the order. */
  summary(status: Order['status']) {
    return { status, version: this.order.version, number: this.order.number };
  }
}

/**
 * The frame of every ticket verb: lock the order (checking store and expected version), let
 * `change` move it, record its events in the same transaction, and answer the ticket.
 */
export async function changeTicket(
  ctx: DomainContext,
  storeId: string,
  ref: { orderId: string; expectedVersion?: number | undefined },
  change: (ticket: TicketChange) => Promise<void>,
): Promise<Ticket> {
  return inStore(ctx, storeId, async (tx) => {
    const locked = await lockOrder(tx, storeId, ref.orderId, ref.expectedVersion);
    const ticket = new TicketChange(tx, locked.order, locked.items, tx.now());
    await change(ticket);
    await recordEvents(tx, storeId, ticket.events);
    return toTicket(ticket.order, ticket.items);
  });
}

/** Kitchen verbs act only on tickets that are on the screens (paid, open). */
export function assertOnKitchenScreens(
  order: Order,
  action: 'start' | 'bump' | 'bumpItems' | 'prioritize',
): void {
  if (!isOnKitchenScreens(order)) throw new InvalidTransitionError(order.status, action);
}
