import type { Station, Ticket, TicketItem } from './types.ts';

/** Fire order: rush first, then the oldest. */
export function fireOrder(a: Ticket, b: Ticket): number {
  return b.priority - a.priority || (a.placedAt ?? '').localeCompare(b.placedAt ?? '');
}

export const isHeld = (t: Ticket, serverNow: number) =>
  t.firesAt !== null && new Date(t.firesAt).getTime() > serverNow;

/** The items a screen shows for a ticket: its station's, or all of them at expo. */
export function itemsFor(ticket: Ticket, station: Station | null): TicketItem[] {
  return station && station.kind === 'prep'
    ? ticket.items.filter((i) => i.stationId === station.id)
    : ticket.items;
}

/**
 * The rail: open tickets with work left for this screen. A station sees tickets with queued
 * items of its own; expo sees every ticket not yet READY.
 */
export function railTickets(
  tickets: Ticket[],
  station: Station | null,
  serverNow: number,
): Ticket[] {
  return tickets
    .filter((t) => !isHeld(t, serverNow))
    .filter((t) =>
      station && station.kind === 'prep'
        ? t.status !== 'READY' && itemsFor(t, station).some((i) => i.status === 'queued')
        : t.status !== 'READY',
    )
    .sort(fireOrder);
}

export function heldTickets(tickets: Ticket[], station: Station | null, serverNow: number) {
  return tickets
    .filter((t) => isHeld(t, serverNow) && itemsFor(t, station).length > 0)
    .sort((a, b) => (a.firesAt ?? '').localeCompare(b.firesAt ?? ''));
}

/** Recently bumped here, newest first: what Recall can bring back. */
export function recallable(tickets: Ticket[], station: Station | null): Ticket[] {
  const bumpedAt = (t: Ticket) =>
    station && station.kind === 'prep'
      ? itemsFor(t, station).reduce((m, i) => ((i.bumpedAt ?? '') > m ? (i.bumpedAt ?? '') : m), '')
      : (t.readyAt ?? '');
  return tickets
    .filter((t) =>
      station && station.kind === 'prep'
        ? itemsFor(t, station).length > 0 && itemsFor(t, station).every((i) => i.status === 'done')
        : t.status === 'READY',
    )
    .sort((a, b) => bumpedAt(b).localeCompare(bumpedAt(a)));
}

export interface AllDayLine {
  name: string;
  quantity: number;
  modifiers: { label: string; quantity: number }[];
}

/** Quantities still to make for this screen, per item and per modifier, largest first. */
export function allDay(tickets: Ticket[], station: Station | null): AllDayLine[] {
  const lines = new Map<string, { quantity: number; modifiers: Map<string, number> }>();
  for (const ticket of tickets) {
    for (const item of itemsFor(ticket, station)) {
      if (item.status !== 'queued') continue;
      const line = lines.get(item.name) ?? { quantity: 0, modifiers: new Map() };
      line.quantity += item.quantity;
      for (const label of item.modifiers) {
        line.modifiers.set(label, (line.modifiers.get(label) ?? 0) + item.quantity);
      }
      lines.set(item.name, line);
    }
  }
  return [...lines]
    .map(([name, l]) => ({
      name,
      quantity: l.quantity,
      modifiers: [...l.modifiers]
        .map(([label, quantity]) => ({ label, quantity }))
        .sort((a, b) => b.quantity - a.quantity || a.label.localeCompare(b.label)),
    }))
    .sort((a, b) => b.quantity - a.quantity || a.name.localeCompare(b.name));
}

/** Per station: how many of its items on the ticket are done, for the expo's progress chips. */
export function stationProgress(ticket: Ticket, stations: Station[]) {
  return stations
    .filter((s) => s.kind === 'prep')
    .map((s) => {
      const items = ticket.items.filter((i) => i.stationId === s.id);
      return {
        station: s,
        done: items.filter((i) => i.status === 'done').length,
        total: items.length,
      };
    })
    .filter((p) => p.total > 0);
}

export type Urgency = 'ok' | 'warn' | 'late';

export function urgency(
  ticket: Ticket,
  ageMs: number,
  thresholds: Record<Ticket['fulfilment'], { warnMinutes: number; lateMinutes: number }>,
): Urgency {
  const t = thresholds[ticket.fulfilment];
  const minutes = ageMs / 60_000;
  return minutes >= t.lateMinutes ? 'late' : minutes >= t.warnMinutes ? 'warn' : 'ok';
}
