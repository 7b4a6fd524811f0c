import { formatClock } from '@kds/ui';
import type { Ticket } from './types.ts';

/** Scheduled orders waiting to fire; each moves to the rail by itself at its fire time. */
export function HeldLane({ tickets, timeZone }: { tickets: Ticket[]; timeZone: string }) {
  return (
    <section className="held" aria-label="Held (scheduled) orders">
      <h2>Held</h2>
      <ul>
        {tickets.map((t) => (
          <li key={t.orderId}>
            <b>#{t.number}</b> fires {formatClock(t.firesAt ?? '', timeZone)} · due{' '}
            {formatClock(t.fireAt ?? '', timeZone)}
          </li>
        ))}
      </ul>
    </section>
  );
}
