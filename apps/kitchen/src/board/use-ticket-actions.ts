import { useTRPCClient } from '@kds/ui';
import { useCallback, useRef, useState } from 'react';
import { isNetworkError, type PendingCommand } from './pending-commands.ts';
import type { Station, Ticket } from './types.ts';
import { usePendingCommands } from './use-pending-commands.ts';

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
export function useTicketActions(station: Station | null, live: boolean) {
  const client = useTRPCClient();
  const [undoable, setUndoable] = useState<Undoable | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  // The ticket may have left this screen by then: the refusal is said here too.
  const onRefused = useCallback(
    (command: PendingCommand, message: string) =>
      setNotice({
        kind: 'error',
        text: `Your ${command.kind} of #${command.number} was not sent: the ticket changed on another screen while this one was offline (${message}).`,
      }),
    [],
  );
  const pending = usePendingCommands(live, onRefused);
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

  /**
   * Without a connection a bump or a recall waits on the device, shown on its ticket, and is
   * sent when the screen is back; pressed live, it goes at once (and waits if the call is lost).
   */
  const later = useCallback(
    (ticket: Ticket, command: { kind: 'bump' | 'recall'; force?: boolean }) => {
      pending.enqueue({
        ...command,
        orderId: ticket.orderId,
        number: ticket.number,
        expectedVersion: ticket.version,
        ...(stationId ? { stationId } : {}),
      });
      // Said on the ticket itself, where the cook looks (a toast could cover the next one).
      setNotice(null);
    },
    [pending, stationId],
  );

  const sendOrKeep = useCallback(
    async (
      ticket: Ticket,
      command: { kind: 'bump' | 'recall'; force?: boolean },
      action: () => Promise<unknown>,
    ) => {
      if (!live) return void later(ticket, command);
      setBusy(ticket.orderId);
      try {
        await action();
        return true;
      } catch (error) {
        if (isNetworkError(error)) later(ticket, command);
        else setNotice({ kind: 'error', text: (error as Error).message });
        return false;
      } finally {
        setBusy(null);
      }
    },
    [later, live],
  );

  const recall = useCallback(
    (ticket: Ticket) =>
      sendOrKeep(ticket, { kind: 'recall' }, () =>
        client.ticket.recall.mutate({
          orderId: ticket.orderId,
          ...(stationId ? { stationId } : {}),
        }),
      ),
    [sendOrKeep, client, stationId],
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
      const ok = await sendOrKeep(ticket, { kind: 'bump', force }, () =>
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
    [sendOrKeep, client, recall, stationId],
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
    pendingOrders: pending.pendingOrders,
    refused: pending.refused,
    dismissRefusal: pending.dismissRefusal,
  };
}
