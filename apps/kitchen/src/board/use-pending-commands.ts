import { useTranslation } from '@kds/i18n/react';
import { messageFor, useTRPC } from '@kds/ui';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  flush,
  isNetworkError,
  pendingStore,
  type PendingCommand,
  type SendOutcome,
} from './pending-commands.ts';

const RETRY_MS = 3_000;

/**
 * The device's queue of commands pressed offline (pending-commands.ts), sent whenever the
 * screen is live, and what the server refused, by order, for the tickets to show.
 */
export function usePendingCommands(
  live: boolean,
  onRefused: (command: PendingCommand, message: string) => void,
) {
  const send = useSendCommand();
  const [queue, setQueue] = useState<PendingCommand[]>(pendingStore.read);
  const [refused, setRefused] = useState<ReadonlyMap<string, string>>(new Map());
  const [retry, setRetry] = useState(0);
  const flushing = useRef(false);

  const enqueue = useCallback((command: Omit<PendingCommand, 'id' | 'pressedAt'>) => {
    const next = [
      ...pendingStore.read(),
      { ...command, id: `${Date.now()}-${Math.random()}`, pressedAt: Date.now() },
    ];
    pendingStore.write(next);
    setQueue(next);
  }, []);

  useEffect(() => {
    if (!live || queue.length === 0 || flushing.current) return;
    flushing.current = true;
    const sending = queue;
    void flush(sending, send)
      .then(({ left, refused: newlyRefused }) => {
        // Pressed while this flush ran: keep them, after what is left.
        const added = pendingStore.read().filter((c) => !sending.some((s) => s.id === c.id));
        const next = [...left, ...added];
        pendingStore.write(next);
        setQueue(next);
        for (const r of newlyRefused) onRefused(r.command, r.message);
        if (newlyRefused.length > 0) {
          setRefused((old) => {
            const map = new Map(old);
            for (const r of newlyRefused) map.set(r.command.orderId, r.message);
            return map;
          });
        }
        if (left.length > 0) setTimeout(() => setRetry((n) => n + 1), RETRY_MS);
      })
      .finally(() => (flushing.current = false));
  }, [live, queue, send, retry, onRefused]);

  return {
    enqueue,
    pendingOrders: new Set(queue.map((c) => c.orderId)),
    refused,
    dismissRefusal: (orderId: string) =>
      setRefused((old) => {
        const map = new Map(old);
        map.delete(orderId);
        return map;
      }),
  };
}

/**
 * Sends one kept command as it was pressed, with the ticket's version then: a ticket changed
 * since is refused (the server says why) rather than changed twice.
 */
function useSendCommand() {
  const trpc = useTRPC();
  const { mutateAsync: bump } = useMutation(trpc.ticket.bump.mutationOptions());
  const { mutateAsync: bumpItem } = useMutation(trpc.ticket.bumpItem.mutationOptions());
  const { mutateAsync: recall } = useMutation(trpc.ticket.recall.mutationOptions());
  const { t } = useTranslation();
  return useCallback(
    async (c: PendingCommand): Promise<SendOutcome> => {
      const target = {
        orderId: c.orderId,
        expectedVersion: c.expectedVersion,
        stationId: c.stationId,
        itemId: c.itemId,
      };
      try {
        const ticket =
          c.kind === 'bump'
            ? await bump({ ...target, force: c.force ?? false })
            : c.kind === 'bumpItem'
              ? await bumpItem({
                  orderId: c.orderId,
                  itemId: c.itemId ?? '',
                  expectedVersion: c.expectedVersion,
                })
              : await recall(target);
        return { ok: true, ticket };
      } catch (error) {
        if (isNetworkError(error)) return { ok: false, reason: 'offline' };
        return { ok: false, reason: 'refused', message: messageFor(error, t) };
      }
    },
    [bump, bumpItem, recall, t],
  );
}
