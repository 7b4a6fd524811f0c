import { useTRPC } from '@kds/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useEffect, useState } from 'react';

type Board = { storeName: string; preparing: number[]; ready: number[]; cursor: string };

/** The in-store board: numbers only, in two columns, readable across the room. */
export function BoardPage({ storeSlug }: { storeSlug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = trpc.board.forStore.queryOptions({ storeSlug });
  const board = useQuery(options);
  const [cursor, setCursor] = useState<string | null>(null);
  useEffect(() => {
    if (board.data && cursor === null) setCursor(board.data.cursor);
  }, [board.data, cursor]);
  useSubscription(
    trpc.board.onStore.subscriptionOptions(
      { storeSlug, lastEventId: cursor ?? undefined },
      {
        enabled: cursor !== null,
        onData: ({ data }) => {
          if ('resync' in data) return void queryClient.invalidateQueries(options);
          queryClient.setQueryData(options.queryKey, (old: Board | undefined) => {
            if (!old) return old;
            const preparing = old.preparing.filter((n) => n !== data.number);
            const ready = old.ready.filter((n) => n !== data.number);
            if (data.column === 'preparing') preparing.push(data.number);
            if (data.column === 'ready') ready.unshift(data.number);
            return {
              ...old,
              preparing: preparing.sort((a, b) => a - b),
              ready: ready.slice(0, 24),
              cursor: String(data.seq),
            };
          });
        },
      },
    ),
  );
  if (board.error) return <p className="page">This store could not be found.</p>;
  if (!board.data) return <p className="page">Loading…</p>;
  return (
    <main className="board">
      <h1 className="visually-hidden">{board.data.storeName}: order status</h1>
      <section aria-labelledby="col-preparing">
        <h2 id="col-preparing">Preparing</h2>
        <ul aria-live="polite">
          {board.data.preparing.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="col-ready" className="board__ready">
        <h2 id="col-ready">Ready</h2>
        <ul aria-live="polite">
          {board.data.ready.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </section>
    </main>
  );
}
