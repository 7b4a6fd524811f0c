import { useTranslation } from '@kds/i18n/react';
import type { Ticket } from '../board/types.ts';
import type { PanelsProps } from './panels.tsx';

/** Completes a ready order at the pass; asks for the guest's code where the store requires it. */
export function HandOver(props: {
  ticket: Ticket;
  needsCode: boolean;
  actions: PanelsProps['actions'];
}) {
  const { t } = useTranslation('kitchen');
  const { ticket, needsCode, actions } = props;
  return (
    <form
      className="handover"
      onSubmit={(e) => {
        e.preventDefault();
        const code = new FormData(e.currentTarget).get('code');
        void actions.complete(ticket, typeof code === 'string' ? code : undefined);
      }}
    >
      {needsCode && (
        <input
          name="code"
          inputMode="numeric"
          pattern="[0-9]{6}"
          maxLength={6}
          required
          aria-label={t('panels.pickupCode', { number: ticket.number })}
          placeholder={t('panels.code')}
        />
      )}
      <button
        className="btn btn--primary"
        aria-label={t('panels.handOver', { number: ticket.number })}
      >
        {t('panels.handedOver')}
      </button>
    </form>
  );
}
