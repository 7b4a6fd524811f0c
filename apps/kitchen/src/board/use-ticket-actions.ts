import { useTranslation } from '@kds/i18n/react';
import { messageFor, useTRPC } from '@kds/ui';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { Station, Ticket, TicketItem } from './types.ts';
import { useSendOrKeep } from './use-send-or-keep.ts';

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
  const { t } = useTranslation('kitchen');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const { mutateAsync: recallTicket } = useMutation(trpc.ticket.recall.mutationOptions());
  const { mutateAsync: bumpTicket } = useMutation(trpc.ticket.bump.mutationOptions());
  const { mutateAsync: bumpItem } = useMutation(trpc.ticket.bumpItem.mutationOptions());
  const { mutateAsync: prioritize } = useMutation(trpc.ticket.prioritize.mutationOptions());
  const { mutateAsync: completeOrder } = useMutation(trpc.order.complete.mutationOptions());
  const { mutateAsync: setAvailability } = useMutation(trpc.menu.setAvailability.mutationOptions());
  const [undoable, setUndoable] = useState<Undoable | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const armed = useRef<{ orderId: string; until: number } | null>(null);
  const stationId = station?.kind === 'prep' ? station.id : undefined;

  const attempt = useCallback(
    async (orderId: string, action: () => Promise<unknown>) => {
      setBusy(orderId);
      try {
        await action();
        return true;
      } catch (error) {
        setNotice({ kind: 'error', text: messageFor(error, tc) });
        return false;
      } finally {
        setBusy(null);
      }
    },
    [tc],
  );

  const { sendOrKeep, ...pending } = useSendOrKeep({ live, stationId, setNotice, setBusy });

  const recall = useCallback(
    (ticket: Ticket) =>
      sendOrKeep(ticket, { kind: 'recall' }, () =>
        recallTicket({
          orderId: ticket.orderId,
          stationId,
        }),
      ),
    [sendOrKeep, recallTicket, stationId],
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
            text: t('actions.confirmForce', { number: ticket.number }),
          });
          return;
        }
        force = true;
        armed.current = null;
      }
      const ok = await sendOrKeep(ticket, { kind: 'bump', force }, () =>
        bumpTicket({
          orderId: ticket.orderId,
          force,
          stationId,
        }),
      );
      if (ok) {
        setNotice(null);
        setUndoable({
          label: t('actions.bumped', { number: ticket.number }),
          until: Date.now() + UNDO_MS,
          run: () => recall(ticket),
        });
      }
    },
    [sendOrKeep, bumpTicket, recall, stationId, t],
  );

  /**
   * A tap on an item at a station: done, with the undo bar; a tap on an item done moments ago
   * (within the undo time) brings it back.
   */
  const toggleItem = useCallback(
    async (ticket: Ticket, item: TicketItem) => {
      const { orderId } = ticket;
      if (item.status === 'done') {
        await sendOrKeep(ticket, { kind: 'recall', itemId: item.id }, () =>
          recallTicket({ orderId, itemId: item.id }),
        );
        return;
      }
      const ok = await sendOrKeep(ticket, { kind: 'bumpItem', itemId: item.id }, () =>
        bumpItem({ orderId, itemId: item.id }),
      );
      if (ok) {
        setUndoable({
          label: t('actions.itemDone', { item: item.name, number: ticket.number }),
          until: Date.now() + UNDO_MS,
          run: () => recallTicket({ orderId, itemId: item.id }),
        });
      }
    },
    [bumpItem, recallTicket, sendOrKeep, t],
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
        prioritize({
          orderId: ticket.orderId,
          priority: ticket.priority > 0 ? 0 : 1,
        }),
      ),
    [attempt, prioritize],
  );

  const complete = useCallback(
    (ticket: Ticket, pickupCode?: string) =>
      attempt(ticket.orderId, () =>
        completeOrder({
          orderId: ticket.orderId,
          ...(pickupCode ? { pickupCode } : {}),
        }),
      ),
    [attempt, completeOrder],
  );

  const setAvailable = useCallback(
    (menuItemId: string, isAvailable: boolean) =>
      attempt(menuItemId, () => setAvailability({ menuItemId, isAvailable })),
    [attempt, setAvailability],
  );

  return {
    bump,
    toggleItem,
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
