import { useTRPC } from '@kds/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useSubscription } from '@trpc/tanstack-react-query';
import type { Menu } from '../shared/types.ts';

/** Menus open at once read a changed menu spread over this long, not all in the same instant. */
const SPREAD_MS = 2_000;

/**
 * The menu, kept current: an 86 in the kitchen greys the item out here within a second, a
 * manager's edit (a price, a name, a new or removed item, its choices) shows within a couple of
 * seconds, a pause shows at once, and a pause that runs out lifts by itself.
 */
export function useLiveMenu(storeSlug: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = trpc.menu.forStore.queryOptions({ storeSlug });
  const menu = useQuery(options);
  // What the kitchen takes changed: the menu, a cart's preview and the free times follow.
  const refresh = () => {
    void queryClient.invalidateQueries(options);
    void queryClient.invalidateQueries({ queryKey: trpc.order.preview.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.order.pickupSlots.pathKey() });
  };
  const spread = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (spread.current && clearTimeout(spread.current)), []);
  const refreshSoon = () => {
    if (spread.current) return;
    spread.current = setTimeout(() => {
      spread.current = null;
      refresh();
    }, Math.random() * SPREAD_MS);
  };
  useSubscription(
    trpc.menu.onStore.subscriptionOptions(
      { storeSlug },
      {
        enabled: menu.isSuccess,
        onData: ({ data }) => {
          // A resync marker means changes may have been missed, and a pacing change moves the
          // wait and the pauses the server works out: read the menu again.
          if ('resync' in data || 'pacing' in data) return refresh();
          if ('menuChanged' in data) return refreshSoon();
          void queryClient.invalidateQueries({ queryKey: trpc.order.preview.pathKey() });
          queryClient.setQueryData(
            options.queryKey,
            (old: Menu | undefined) =>
              old && {
                ...old,
                categories: old.categories.map((c) => ({
                  ...c,
                  items: c.items.map((i) =>
                    i.id === data.menuItemId ? { ...i, isAvailable: data.isAvailable } : i,
                  ),
                })),
              },
          );
        },
      },
    ),
  );
  useResumeWhenPauseEnds(menu.data, refresh);
  return menu;
}

/** A pause carries its end time: read the menu again when the earliest one runs out. */
function useResumeWhenPauseEnds(menu: Menu | undefined, refresh: () => void) {
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;
  const untils = Object.values(menu?.store.ordering.pauses ?? {}).map((p) => Date.parse(p.until));
  const next = untils.length ? Math.min(...untils) : null;
  useEffect(() => {
    if (next === null) return;
    const timer = setTimeout(() => refreshRef.current(), Math.max(0, next - Date.now()) + 500);
    return () => clearTimeout(timer);
  }, [next]);
}
