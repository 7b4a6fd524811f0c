import { useTranslation } from '@kds/i18n/react';
import { messageFor, useTRPC } from '@kds/ui';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { Ticket } from '../board/types.ts';

/**
 * Paper from the expo: reprint a ticket's chit (a runner lost it, a printer jammed) or print
 * the guest's receipt. Each press prints once; what happened is said on the screen.
 */
export function PrintPanel({ tickets }: { tickets: Ticket[] }) {
  const { t } = useTranslation('kitchen');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);
  const print = useMutation(
    trpc.printing.print.mutationOptions({
      onSuccess: ({ printer }, { kind }) =>
        setSaid({
          ok: true,
          text: t(kind === 'chit' ? 'panels.chitSent' : 'panels.receiptSent', { printer }),
        }),
      onError: (e) =>
        setSaid({ ok: false, text: t('panels.notPrinted', { message: messageFor(e, tc) }) }),
    }),
  );
  const unique = [...new Map(tickets.map((t) => [t.orderId, t])).values()];
  if (unique.length === 0) return <p>{t('panels.noPrint')}</p>;
  return (
    <>
      {said && (
        <p className={said.ok ? 'print__said' : 'print__said print__said--bad'} role="status">
          {said.text}
        </p>
      )}
      <ul className="recall">
        {unique.slice(0, 20).map((ticket) => (
          <li key={ticket.orderId}>
            <span>
              <b>#{ticket.number}</b> {ticket.customerName}
            </span>
            <button
              type="button"
              className="btn"
              disabled={print.isPending}
              aria-label={t('panels.reprintOrder', { number: ticket.number })}
              onClick={() => print.mutate({ orderId: ticket.orderId, kind: 'chit' })}
            >
              {t('panels.reprint')}
            </button>
            <button
              type="button"
              className="btn"
              disabled={print.isPending}
              aria-label={t('panels.receiptOrder', { number: ticket.number })}
              onClick={() => print.mutate({ orderId: ticket.orderId, kind: 'receipt' })}
            >
              {t('panels.receipt')}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
