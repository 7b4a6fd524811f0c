import type { ReportEvent } from './report-input.ts';

interface ItemState {
  stationId: string;
  name: string;
  doneAt: Date | null;
}

/** One order's kitchen story from its events: when it was placed, each item's finish, READY. */
export function replayTicket(events: ReportEvent[]) {
  let placedAt: Date | null = null;
  let readyAt: Date | null = null;
  let dispatchedAt: Date | null = null;
  let completedAt: Date | null = null;
  let canceled = false;
  const items = new Map<string, ItemState>();
  const add = (list: unknown) => {
    for (const i of (list ?? []) as { id: string; stationId: string; name: string }[]) {
      items.set(i.id, { stationId: i.stationId, name: i.name, doneAt: null });
    }
  };
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
    const ids = (e.payload.itemIds ?? []) as string[];
    switch (e.type) {
      case 'order.placed':
        placedAt = e.at;
        add((e.payload.ticket as { items?: unknown } | undefined)?.items);
        break;
      case 'order.items_added':
        add(e.payload.items);
        break;
      case 'ticket.item_bumped':
        for (const id of ids) {
          const item = items.get(id);
          if (item) item.doneAt = e.at;
        }
        break;
      case 'ticket.bumped':
        for (const item of items.values()) item.doneAt ??= e.at;
        readyAt = e.at;
        break;
      case 'ticket.recalled':
        for (const id of ids.length ? ids : [...items.keys()]) {
          const item = items.get(id);
          if (item) item.doneAt = null;
        }
        readyAt = null;
        break;
      case 'order.canceled':
        canceled = true;
        break;
      case 'order.dispatched':
        dispatchedAt = e.at;
        break;
      case 'order.completed':
        completedAt = e.at;
        break;
    }
  }
  return { placedAt, readyAt, dispatchedAt, completedAt, canceled, items: [...items.values()] };
}

/** Whole seconds, rounded half up; a clock that went back gives 0, never -0. */
