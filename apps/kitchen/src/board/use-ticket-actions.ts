import { useTranslation } from '@kds/i18n/react';
import { useTRPC } from '@kds/ui';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { Station, Ticket, TicketItem } from './types.ts';
import { useDirectActions } from './use-direct-actions.ts';
import { useForceConfirm } from './use-force-confirm.ts';
import { useSendOrKeep } from './use-send-or-keep.ts';

export const UNDO_MS = 5_000;

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
 * What a cook can do to tickets. A bump, an item done and a recall are kept on the device while
 * offline (`useSendOrKeep`); every bump can be undone for five seconds; an expo bump of a ticket
 * whose stations are not all done needs a second press (`useForceConfirm`).
 */
export function useTicketActions(station: Station | null, live: boolean) {
  const { t } = useTranslation('kitchen');
  const trpc = useTRPC();
  const { mutateAsync: recallTicket } = useMutation(trpc.ticket.recall.mutationOptions());
  const { mutateAsync: bumpTicket } = useMutation(trpc.ticket.bump.mutationOptions());
  const { mutateAsync: bumpItem } = useMutation(trpc.ticket.bumpItem.mutationOptions());
  const { undoable, offerUndo, undo, dismissUndo } = useUndo();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const stationId = station?.kind === 'prep' ? station.id : undefined;
  const { sendOrKeep, ...pending } = useSendOrKeep({ live, stationId, setNotice, setBusy });
  const confirmForce = useForceConfirm(stationId, setNotice);
  const direct = useDirectActions({ setNotice, setBusy });

  const recall = useCallback(
    (ticket: Ticket) =>
      sendOrKeep(ticket, { kind: 'recall' }, () =>
        recallTicket({ orderId: ticket.orderId, stationId }),
      ),
    [sendOrKeep, recallTicket, stationId],
  );

  const bump = useCallback(
    async (ticket: Ticket) => {
      const { go, force } = confirmForce(ticket);
      if (!go) return;
      const ok = await sendOrKeep(ticket, { kind: 'bump', force }, () =>
        bumpTicket({ orderId: ticket.orderId, force, stationId }),
      );
      if (!ok) return;
      setNotice(null);
      offerUndo(t('actions.bumped', { number: ticket.number }), () => recall(ticket));
    },
    [confirmForce, sendOrKeep, bumpTicket, recall, stationId, offerUndo, t],
  );

  /**
   * A tap on an item at a station: done, with the undo bar; a tap on an item done moments ago
   * (within the undo time) brings it back.
   */
  const toggleItem = useCallback(
    async (ticket: Ticket, item: TicketItem) => {
      const { orderId } = ticket;
      const itemId = item.id;
      if (item.status === 'done') {
        await sendOrKeep(ticket, { kind: 'recall', itemId }, () =>
          recallTicket({ orderId, itemId }),
        );
        return;
      }
      const ok = await sendOrKeep(ticket, { kind: 'bumpItem', itemId }, () =>
        bumpItem({ orderId, itemId }),
      );
      if (!ok) return;
      offerUndo(t('actions.itemDone', { item: item.name, number: ticket.number }), () =>
        recallTicket({ orderId, itemId }),
      );
    },
    [bumpItem, recallTicket, sendOrKeep, offerUndo, t],
  );

  return {
    ...direct,
    bump,
    toggleItem,
    recall,
    undo,
    undoable,
    dismissUndo,
    notice,
    dismissNotice: () => setNotice(null),
    busy,
    ...pending,
  };
}

export type TicketActions = ReturnType<typeof useTicketActions>;

/** The last bump or item done, undoable for five seconds (the undo bar, or the key). */
function useUndo() {
  const [undoable, setUndoable] = useState<Undoable | null>(null);
  const offerUndo = useCallback(
    (label: string, run: () => Promise<unknown>) =>
      setUndoable({ label, until: Date.now() + UNDO_MS, run }),
    [],
  );
  const undo = useCallback(async () => {
    const current = undoable;
    if (!current || current.until < Date.now()) return;
    setUndoable(null);
    await current.run();
  }, [undoable]);
  return { undoable, offerUndo, undo, dismissUndo: () => setUndoable(null) };
}
