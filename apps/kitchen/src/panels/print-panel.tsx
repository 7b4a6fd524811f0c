import { useTRPC } from '@kds/ui';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { Ticket } from '../board/types.ts';

/**
 * Paper from the expo: reprint a ticket's chit (a runner lost it, a printer jammed) or print
 * the guest's receipt. Each press prints once; what happened is said on the screen.
 */
export function PrintPanel({ tickets }: { tickets: Ticket[] }) {
  const trpc = useTRPC();
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);
  const print = useMutation(
    trpc.printing.print.mutationOptions({
      onSuccess: ({ printer }, { kind }) =>
        setSaid({ ok: true, text: `${kind === 'chit' ? 'Chit' : 'Receipt'} sent to ${printer}.` }),
      onError: (e) => setSaid({ ok: false, text: `Not printed: ${e.message}` }),
    }),
  );
  const unique = [...new Map(tickets.map((t) => [t.orderId, t])).values()];
  if (unique.length === 0) return <p>No tickets to print.</p>;
  return (
    <>
      {said && (
        <p className={said.ok ? 'print__said' : 'print__said print__said--bad'} role="status">
          {said.text}
        </p>
      )}
      <ul className="recall">
        {unique.slice(0, 20).map((t) => (
          <li key={t.orderId}>
            <span>
              <b>#{t.number}</b> {t.customerName}
            </span>
            <button
              type="button"
              className="btn"
              disabled={print.isPending}
              aria-label={`Reprint order ${t.number}`}
              onClick={() => print.mutate({ orderId: t.orderId, kind: 'chit' })}
            >
              Reprint
            </button>
            <button
              type="button"
              className="btn"
              disabled={print.isPending}
              aria-label={`Receipt for order ${t.number}`}
              onClick={() => print.mutate({ orderId: t.orderId, kind: 'receipt' })}
            >
              Receipt
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
