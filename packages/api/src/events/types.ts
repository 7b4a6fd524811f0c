import type { Pacing } from '@kds/db';
import type { OrderStatus } from '@kds/db';

export type ActorKind = 'staff' | 'device' | 'api_key' | 'customer' | 'system';
export interface Actor {
  kind: ActorKind;
  id: string | null;
}

export interface TicketItem {
  id: string;
  stationId: string;
  name: string;
  quantity: number;
  /** Kitchen labels, in menu order ("MED RARE", "+ cheese", "NO onion"). */
  modifiers: string[];
  allergens: string[];
  notes: string;
  status: 'queued' | 'done';
  bumpedAt: string | null;
}

/** What a kitchen screen shows for one order. */
export interface Ticket {
  orderId: string;
  number: number;
  status: OrderStatus;
  paymentStatus: string;
  fulfilment: 'dine_in' | 'pickup' | 'delivery';
  tableLabel: string | null;
  customerName: string;
  notes: string;
  /** Declared by the guest; absent on tickets from before guests could declare them. */
  allergies?: string[];
  priority: number;
  version: number;
  placedAt: string | null;
  startedAt: string | null;
  readyAt: string | null;
  fireAt: string | null;
  /** When a scheduled ticket leaves the held lane: `fireAt` minus its longest prep time. */
  firesAt: string | null;
  items: TicketItem[];
}

interface StatusChange {
  status: OrderStatus;
  version: number;
  /** The human order number, so public views (the in-store board) need no lookup. */
  number: number;
}

/** What a menu edit touched; the screens read the menu again rather than patch it. */
export interface MenuChange {
  entity: 'item' | 'category' | 'station';
  id: string;
  change: 'saved' | 'removed';
}

/** Payload per event type. Names are `aggregate.pastTense` and never change once shipped. */
export interface EventPayloads {
  /** Created and waiting for online payment: the tracker sees it, the kitchen does not. */
  'order.created': StatusChange;
  /** The order reaches the kitchen (paid, or pay at the counter). */
  'order.placed': { ticket: Ticket };
  'ticket.started': StatusChange;
  'ticket.item_bumped': StatusChange & { itemIds: string[] };
  'ticket.bumped': StatusChange & { forced: boolean };
  'ticket.recalled': StatusChange & { itemIds: string[] };
  'ticket.prioritized': { priority: number; version: number; number: number };
  'order.canceled': StatusChange & { reason: string };
  /** The guest added items before the kitchen started the order. */
  'order.items_added': StatusChange & { items: TicketItem[] };
  'order.completed': StatusChange;
  /** A delivery left with its driver (their name, if given; their number stays on the order). */
  'order.dispatched': StatusChange & { driverName: string | null };
  /** Left unpaid past its payment expiry. */
  'order.expired': StatusChange;
  /** An item was marked unavailable (86) or available again; checkout follows at once. */
  'menu.item_86ed': { menuItemId: string; name: string };
  'menu.item_restored': { menuItemId: string; name: string };
  /** A manager edited the menu: open menus and kitchen screens read it again. */
  'menu.changed': MenuChange;
  /** The kitchen paused a kind of order, changed its quotes or its throttle; open menus follow. */
  'store.pacing_changed': { pacing: Pacing };
}
export type EventType = keyof EventPayloads;

interface EnvelopeOf<K extends EventType> {
  seq: number;
  storeId: string;
  orderId: string | null;
  stationId: string | null;
  actor: Actor;
  at: string;
  type: K;
  payload: EventPayloads[K];
}

/** A committed event, discriminated on `type`. */
export type StoredEvent = { [K in EventType]: EnvelopeOf<K> }[EventType];

/** An event before it has a sequence number. */
export type EventDraft = {
  [K in EventType]: {
    type: K;
    orderId: string | null;
    stationId?: string | null;
    payload: EventPayloads[K];
  };
}[EventType];
