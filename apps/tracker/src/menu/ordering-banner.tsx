import { formatClock } from '@kds/ui';
import type { Menu } from '../shared/types.ts';

const WORDS = { pickup: 'Pickup', delivery: 'Delivery', dine_in: 'Table' } as const;

/** What the kitchen takes right now: paused kinds of order with their reason, and the wait. */
export function OrderingBanner({ store }: { store: Menu['store'] }) {
  const pauses = Object.entries(store.ordering.pauses).flatMap(([type, pause]) =>
    pause ? [{ type: type as keyof typeof WORDS, ...pause }] : [],
  );
  return (
    <>
      {pauses.map((p) => (
        <p key={p.type} className="paused" role="status">
          <strong>{WORDS[p.type]} orders are paused</strong>: {p.reason}. Back at{' '}
          {formatClock(p.until, store.timezone)}; you can order for later.
        </p>
      ))}
      {store.opening.isOpen && pauses.length < 3 && (
        <p className="wait">Ready in about {store.ordering.readyInMinutes} min</p>
      )}
    </>
  );
}
