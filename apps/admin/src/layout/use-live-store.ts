import { useKdsClients, useTRPC } from '@kds/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useEffect, useRef, useState } from 'react';

/**
 * Follows every event of the store and refreshes what the console shows (orders, dashboard,
 * messages), at most a few times a second however busy the kitchen is.
 */
export function useLiveStore(): { live: boolean; lastEventAt: number | null } {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { wsClient } = useKdsClients();
  const [lastEventAt, setLastEventAt] = useState<number | null>(null);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  const refresh = () => {
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      void queryClient.invalidateQueries(trpc.order.pathFilter());
      void queryClient.invalidateQueries(trpc.store.dashboard.pathFilter());
      void queryClient.invalidateQueries(trpc.outbox.pathFilter());
    }, 300);
  };
  useEffect(() => () => void (pending.current && clearTimeout(pending.current)), []);

  const subscription = useSubscription(
    trpc.order.onStore.subscriptionOptions(
      {},
      {
        onData: ({ data }) => {
          setLastEventAt(Date.now());
          refresh();
          // The menu changed (here or in the kitchen): New order shows it as guests see it.
          if ('type' in data && data.type.startsWith('menu.')) {
            void queryClient.invalidateQueries(trpc.menu.forStore.pathFilter());
          }
        },
      },
    ),
  );
  // After a reconnect, whatever happened meanwhile is fetched again.
  const [socketOpen, setSocketOpen] = useState(false);
  useEffect(() => {
    const sub = wsClient.connectionState.subscribe({
      next: (state) => setSocketOpen(state.state === 'pending'),
    });
    return () => sub.unsubscribe();
  }, [wsClient]);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (socketOpen && !wasOpen.current) refresh();
    wasOpen.current = socketOpen;
  });
  return { live: socketOpen && subscription.status === 'pending', lastEventAt };
}
