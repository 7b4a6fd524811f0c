import { useTRPC } from '@kds/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import type { Menu } from '../shared/types.ts';

/** The menu, kept current: an 86 in the kitchen greys the item out here within a second. */
export function useLiveMenu(storeSlug: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = trpc.menu.forStore.queryOptions({ storeSlug });
  const menu = useQuery(options);
  useSubscription(
    trpc.menu.onStore.subscriptionOptions(
      { storeSlug },
      {
        enabled: menu.isSuccess,
        onData: ({ data }) => {
          // A resync marker means changes may have been missed: read the menu again.
          if ('resync' in data) return void queryClient.invalidateQueries(options);
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
  return menu;
}
