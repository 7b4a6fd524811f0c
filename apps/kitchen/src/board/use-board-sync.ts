import { useTRPC } from '@kds/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import type { KitchenConfig, StoredEvent } from './types.ts';

/** A screen with nothing new still says it is here this often (the server's offline check). */
const HEARTBEAT_MS = 30_000;

/**
 * The board's events that change what else the screen holds: an item 86'd or back (the 86
 * list, patched at once), the menu changed (read again), pacing changed.
 */
export function useFollowOtherCaches() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    (event: StoredEvent) => {
      if (event.type === 'menu.item_86ed' || event.type === 'menu.item_restored') {
        queryClient.setQueryData(
          trpc.kitchen.config.queryKey(),
          (old: KitchenConfig | undefined) =>
            old && {
              ...old,
              menuItems: old.menuItems.map((i) =>
                i.id === event.payload.menuItemId
                  ? { ...i, isAvailable: event.type === 'menu.item_restored' }
                  : i,
              ),
            },
        );
        void queryClient.invalidateQueries(trpc.menu.forStore.pathFilter());
      }
      if (event.type === 'menu.changed') {
        // Read again, not patched: the 86 list and a walk-in's menu show what checkout prices.
        void queryClient.invalidateQueries(trpc.kitchen.config.queryFilter());
        void queryClient.invalidateQueries(trpc.menu.forStore.pathFilter());
      }
      if (event.type === 'store.pacing_changed') {
        void queryClient.invalidateQueries({ queryKey: trpc.pacing.status.queryKey() });
      }
    },
    [queryClient, trpc],
  );
}

/**
 * Tells the server how far this screen has drawn (so it knows which screens are behind), and
 * that it is still here even when nothing happens (so a dead screen is noticed).
 */
export function useAcknowledge(cursor: string | undefined) {
  const trpc = useTRPC();
  const { mutateAsync: ack } = useMutation(trpc.kitchen.ack.mutationOptions());
  const acked = useRef<{ cursor: string; at: number } | undefined>(undefined);
  useEffect(() => {
    const id = setInterval(() => {
      const last = acked.current;
      if (cursor === undefined) return;
      if (last?.cursor === cursor && Date.now() - last.at < HEARTBEAT_MS) return;
      acked.current = { cursor, at: Date.now() };
      ack({ seq: Number(cursor) }).catch(() => (acked.current = undefined));
    }, 2_000);
    return () => clearInterval(id);
  }, [ack, cursor]);
}
