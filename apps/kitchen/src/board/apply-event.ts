import type { Board, StoredEvent, Ticket } from './types.ts';

const patch = (board: Board, orderId: string, change: (t: Ticket) => Ticket): Board | null => {
  const index = board.tickets.findIndex((t) => t.orderId === orderId);
  if (index === -1) return null;
  const tickets = board.tickets.slice();
  tickets[index] = change(board.tickets[index] as Ticket);
  return { ...board, tickets };
};

/**
 * Applies one committed event to the board. Events at or below the board's cursor are already
 * in it and change nothing. Returns null when the event cannot be applied from what the board
 * holds (a change to a ticket it does not have): the caller reloads the snapshot, never guesses.
 */
export function applyEvent(board: Board, event: StoredEvent): Board | null {
  if (event.seq <= Number(board.cursor)) return board;
  const next = applyChange({ ...board, cursor: String(event.seq) }, event);
  return next;
}

function applyChange(board: Board, event: StoredEvent): Board | null {
  const id = event.orderId ?? '';
  switch (event.type) {
    case 'order.created':
    case 'menu.item_86ed':
    case 'menu.item_restored':
    case 'menu.changed':
    case 'store.pacing_changed':
      return board;
    case 'order.placed': {
      const others = board.tickets.filter((t) => t.orderId !== event.payload.ticket.orderId);
      return { ...board, tickets: [...others, event.payload.ticket] };
    }
    case 'order.canceled':
    case 'order.completed':
    case 'order.dispatched':
    case 'order.expired':
      return { ...board, tickets: board.tickets.filter((t) => t.orderId !== id) };
    case 'order.items_added': {
      const known = new Set(event.payload.items.map((i) => i.id));
      return patch(board, id, (t) => ({
        ...t,
        status: event.payload.status,
        version: event.payload.version,
        items: [...t.items.filter((i) => !known.has(i.id)), ...event.payload.items],
      }));
    }
    case 'ticket.started':
      return patch(board, id, (t) => ({ ...t, ...event.payload, startedAt: event.at }));
    case 'ticket.prioritized':
      return patch(board, id, (t) => ({ ...t, ...event.payload }));
    case 'ticket.item_bumped': {
      const done = new Set(event.payload.itemIds);
      return patch(board, id, (t) => ({
        ...t,
        status: event.payload.status,
        version: event.payload.version,
        items: t.items.map((i) =>
          done.has(i.id) ? { ...i, status: 'done', bumpedAt: event.at } : i,
        ),
      }));
    }
    case 'ticket.bumped':
      return patch(board, id, (t) => ({
        ...t,
        status: event.payload.status,
        version: event.payload.version,
        readyAt: event.at,
        items: t.items.map((i) =>
          i.status === 'done' ? i : { ...i, status: 'done', bumpedAt: event.at },
        ),
      }));
    case 'ticket.recalled': {
      const requeued = new Set(event.payload.itemIds);
      return patch(board, id, (t) => ({
        ...t,
        status: event.payload.status,
        version: event.payload.version,
        readyAt: event.payload.status === 'READY' ? t.readyAt : null,
        items: t.items.map((i) =>
          requeued.has(i.id) ? { ...i, status: 'queued', bumpedAt: null } : i,
        ),
      }));
    }
  }
}
