import { useTRPCClient } from '@kds/ui';
import { useCallback, useRef, useState } from 'react';
import type { Station, Ticket } from './types.ts';

export const UNDO_MS = 5_000;
const FORCE_CONFIRM_MS = 4_000;

export interface Undoable {
  label: string;
  until: number;
  run(): Promise<unknown>;
}

export interface Notice {
  kind: 'info' | 'error';
  text: string;
}

/**
 * What a cook can do to tickets. Every bump can be undone for five seconds; an expo bump of a
 * ticket whose stations are not all done needs a second press (the override).
 */
export function useTicketActions(station: Station | null) {
  const client = useTRPCClient();
  const [undoable, setUndoable] = useState<Undoable | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const armed = useRef<{ orderId: string; until: number } | null>(null);
  const stationId = station?.kind === 'prep' ? station.id : undefined;

  const attempt = useCallback(async (orderId: string, action: () => Promise<unknown>) => {
    setBusy(orderId);
    try {
      await action();
      return true;
    } catch (error) {
      setNotice({ kind: 'error', text: (error as Error).message });
      return false;
    } finally {
      setBusy(null);
    }
  }, []);

  const recall = useCallback(
    (ticket: Ticket) =>
      attempt(ticket.orderId, () =>
        client.ticket.recall.mutate({
          orderId: ticket.orderId,
          ...(stationId ? { stationId } : {}),
        }),
      ),
    [attempt, client, stationId],
  );

  const bump = useCallback(
    async (ticket: Ticket) => {
      const allDone = ticket.items.every((i) => i.status === 'done');
      let force = false;
      if (!stationId && !allDone) {
        const now = Date.now();
        if (armed.current?.orderId !== ticket.orderId || armed.current.until < now) {
          armed.current = { orderId: ticket.orderId, until: now + FORCE_CONFIRM_MS };
          setNotice({
            kind: 'info',
            text: `Stations are still working on #${ticket.number}. Bump again to force it ready.`,
          });
          return;
        }
        force = true;
        armed.current = null;
      }
      const ok = await attempt(ticket.orderId, () =>
        client.ticket.bump.mutate({
          orderId: ticket.orderId,
          force,
          ...(stationId ? { stationId } : {}),
        }),
      );
      if (ok) {
        setNotice(null);
        setUndoable({
          label: `#${ticket.number} bumped`,
          until: Date.now() + UNDO_MS,
          run: () => recall(ticket),
        });
      }
    },
    [attempt, client, recall, stationId],
  );

  const undo = useCallback(async () => {
    const current = undoable;
    if (!current || current.until < Date.now()) return;
    setUndoable(null);
    await current.run();
  }, [undoable]);

  const rush = useCallback(
    (ticket: Ticket) =>
      attempt(ticket.orderId, () =>
        client.ticket.prioritize.mutate({
          orderId: ticket.orderId,
          priority: ticket.priority > 0 ? 0 : 1,
        }),
      ),
    [attempt, client],
  );

  const complete = useCallback(
    (ticket: Ticket, pickupCode?: string) =>
      attempt(ticket.orderId, () =>
        client.order.complete.mutate({
          orderId: ticket.orderId,
          ...(pickupCode ? { pickupCode } : {}),
        }),
      ),
    [attempt, client],
  );

  const setAvailable = useCallback(
    (menuItemId: string, isAvailable: boolean) =>
      attempt(menuItemId, () => client.menu.setAvailability.mutate({ menuItemId, isAvailable })),
    [attempt, client],
  );

  return {
    bump,
    recall,
    complete,
    rush,
    undo,
    setAvailable,
    undoable,
    dismissUndo: () => setUndoable(null),
    notice,
    dismissNotice: () => setNotice(null),
    busy,
  };
}
