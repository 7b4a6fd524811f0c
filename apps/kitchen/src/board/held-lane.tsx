import { useTranslation } from '@kds/i18n/react';
import { useFormat } from '@kds/ui';
import type { Ticket } from './types.ts';

/** Scheduled orders waiting to fire; each moves to the rail by itself at its fire time. */
export function HeldLane({ tickets }: { tickets: Ticket[] }) {
  const { t } = useTranslation('kitchen');
  const format = useFormat();
  return (
    <section className="held" aria-label={t('board.heldLabel')}>
      <h2>{t('board.heldTitle')}</h2>
      <ul>
        {tickets.map((ticket) => (
          <li key={ticket.orderId}>
            <b>#{ticket.number}</b>{' '}
            {t('board.held', {
              fires: format.clock(ticket.firesAt ?? ''),
              due: format.clock(ticket.fireAt ?? ''),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
