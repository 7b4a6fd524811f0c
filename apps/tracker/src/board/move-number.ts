import type { AppRouter } from '@kds/api/client';
import type { inferRouterOutputs } from '@trpc/server';

export type Board = inferRouterOutputs<AppRouter>['board']['forStore'];
/** One order's move, as the board's stream says it. */
type Move = { number: number; seq: number; column: string | null };

/**
 * An order's number moved to its column (or off the board): preparing and on the way in number
 * order, ready newest first and at most 24 of them.
 */
export function moveNumber(old: Board, data: Move): Board {
  const preparing = old.preparing.filter((n) => n !== data.number);
  const ready = old.ready.filter((n) => n !== data.number);
  const onTheWay = old.onTheWay.filter((n) => n !== data.number);
  if (data.column === 'preparing') preparing.push(data.number);
  if (data.column === 'ready') ready.unshift(data.number);
  if (data.column === 'on_the_way') onTheWay.push(data.number);
  return {
    ...old,
    preparing: preparing.sort((a, b) => a - b),
    ready: ready.slice(0, 24),
    onTheWay: onTheWay.sort((a, b) => a - b),
    cursor: String(data.seq),
  };
}
