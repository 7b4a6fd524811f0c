import { useMemo, useRef, useState } from 'react';
import { ticketParts, ticketsOf, useItemBudget } from './ticket-parts.ts';
import type { Station, Ticket } from './types.ts';
import { usePaging } from './use-paging.ts';
import { heldTickets, railTickets } from './views.ts';

/**
 * What the rail shows of the board at this station: the tickets in fire order, cut into cards
 * that fit and pages of cards; the scheduled ones held aside; and the selected ticket (the
 * first on the page until a cook picks another).
 */
export function useRail(tickets: Ticket[], station: Station | null, serverNow: number) {
  const rail = useMemo(
    () => railTickets(tickets, station, serverNow),
    [tickets, station, serverNow],
  );
  const held = heldTickets(tickets, station, serverNow);
  const gridRef = useRef<HTMLDivElement>(null);
  const budget = useItemBudget();
  const cards = useMemo(() => ticketParts(rail, station, budget), [rail, station, budget]);
  const paging = usePaging(cards, gridRef);
  const visible = useMemo(() => ticketsOf(paging.visible), [paging.visible]);
  const [selectedId, select] = useState<string | null>(null);
  const selected = visible.find((t) => t.orderId === selectedId) ?? visible[0] ?? null;
  return { rail, held, gridRef, paging, visible, selected, select };
}
