import { useTranslation } from '@kds/i18n/react';
import { PartBoundary } from '@kds/ui';
import { TicketCard, type TicketCardProps } from './ticket-card.tsx';

/**
 * A ticket that cannot be drawn (data the screen does not understand) shows a placeholder with
 * its number; the rest of the wall keeps working. The next version of the ticket tries again.
 */
export function SafeTicketCard(props: TicketCardProps) {
  const { t } = useTranslation('kitchen');
  const { ticket } = props;
  return (
    <PartBoundary
      name={`ticket #${ticket.number}`}
      resetKeys={[ticket]}
      fallback={
        <article
          className="ticket ticket--broken"
          aria-label={t('ticket.order', { number: ticket.number })}
        >
          <header className="ticket__head">
            <span className="ticket__pos" aria-hidden="true">
              {props.position}
            </span>
            <span className="ticket__number">#{ticket.number}</span>
          </header>
          <p className="ticket__broken">{t('ticket.broken')}</p>
        </article>
      }
    >
      <TicketCard {...props} />
    </PartBoundary>
  );
}
