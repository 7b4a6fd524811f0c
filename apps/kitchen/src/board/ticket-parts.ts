import { useEffect, useState } from 'react';
import type { Station, Ticket, TicketItem } from './types.ts';
import { itemsFor } from './views.ts';

/** One card on the rail: a whole ticket, or one part of a ticket too tall for one card. */
export interface TicketPart {
  ticket: Ticket;
  /** 0 for the first card of the ticket. */
  index: number;
  count: number;
  items: TicketItem[];
  /** For paging: the card's identity and what it shows. */
  orderId: string;
  version: number;
}

const lines = (text: string, perLine: number) => Math.max(1, Math.ceil(text.length / perLine));

/**
 * Roughly how tall an item is drawn (px at the kitchen's type sizes, in a ~340 px column): an
 * estimate on the safe side; a card that still overflows scrolls rather than cut an item.
 */
export function itemHeight(item: TicketItem): number {
  return (
    8 +
    40 * lines(`${item.quantity}x ${item.name}`, 16) +
    (item.modifiers.length ? 28 * lines(item.modifiers.join('  '), 24) : 0) +
    (item.allergens.length ? 20 * lines(`Allergens: ${item.allergens.join(', ')}`, 30) : 0) +
    (item.notes ? 26 * lines(`Note: ${item.notes}`, 28) : 0)
  );
}

/** What the card shows above its items besides the header: allergy band, expo progress. */
const extrasHeight = (ticket: Ticket, station: Station | null) =>
  ((ticket.allergies ?? []).length ? 70 : 0) + (station?.kind === 'prep' ? 0 : 75);

/**
 * Splits each ticket's items into cards no taller than `budgetPx` of items, so a long ticket
 * continues on a second card ("continued 2/2") instead of scrolling inside its card. An item is
 * never split; an item taller than the budget gets a card of its own.
 */
export function ticketParts(
  tickets: Ticket[],
  station: Station | null,
  budgetPx: number,
): TicketPart[] {
  return tickets.flatMap((ticket) => {
    const room = Math.max(160, budgetPx - extrasHeight(ticket, station));
    const groups: TicketItem[][] = [[]];
    let used = 0;
    for (const item of itemsFor(ticket, station)) {
      const height = itemHeight(item);
      const current = groups[groups.length - 1] ?? [];
      if (current.length > 0 && used + height > room) {
        groups.push([item]);
        used = height;
      } else {
        current.push(item);
        used += height;
      }
    }
    return groups.map((items, index) => ({
      ticket,
      index,
      count: groups.length,
      items,
      orderId: ticket.orderId,
      version: ticket.version,
    }));
  });
}

/** Room for items on one card: the screen's height less the top bar and a card's own parts. */
export const itemBudgetFor = (screenHeight: number) => Math.max(240, screenHeight - 385);

/** The item budget for this screen, following its height. */
export function useItemBudget(): number {
  const [budget, setBudget] = useState(() => itemBudgetFor(window.innerHeight));
  useEffect(() => {
    const onResize = () => setBudget(itemBudgetFor(window.innerHeight));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return budget;
}

/** The distinct tickets of some cards, in card order. */
export const ticketsOf = (parts: TicketPart[]): Ticket[] => [
  ...new Map(parts.map((p) => [p.orderId, p.ticket])).values(),
];
