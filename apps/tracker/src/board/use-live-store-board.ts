import { useTRPC } from '@kds/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useEffect, useState } from 'react';
import { moveNumber, type Board } from './move-number.ts';

/**
 * The store's board, read once and then kept current by its stream from the read's cursor:
 * each move is applied where it lands, a resync reads the board again. `onReady` hears each
 * number that turns ready. `streaming` is whether the stream has started (not merely a socket).
 */
export function useLiveStoreBoard(storeSlug: string, onReady: (number: number) => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [lastEventAt, setLastEventAt] = useState<number | null>(null);
  const options = trpc.board.forStore.queryOptions({ storeSlug });
  const board = useQuery(options);
  const [cursor, setCursor] = useState<string | null>(null);
  useEffect(() => {
    if (board.data && cursor === null) setCursor(board.data.cursor);
  }, [board.data, cursor]);
  const stream = useSubscription(
    trpc.board.onStore.subscriptionOptions(
      { storeSlug, lastEventId: cursor ?? undefined },
      {
        enabled: cursor !== null,
        onData: ({ data }) => {
          setLastEventAt(Date.now());
          if ('resync' in data) return void queryClient.invalidateQueries(options);
          queryClient.setQueryData(options.queryKey, (old: Board | undefined) =>
            old ? moveNumber(old, data) : old,
          );
          if (data.column === 'ready') onReady(data.number);
        },
      },
    ),
  );
  // tRPC's 'pending' is a subscription that runs and waits for its next event.
  return { board, streaming: stream.status === 'pending', lastEventAt };
}
