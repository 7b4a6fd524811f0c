import { useTranslation } from '@kds/i18n/react';
import { useCallback, useRef } from 'react';
import type { Ticket } from './types.ts';
import type { Notice } from './use-ticket-actions.ts';

const FORCE_CONFIRM_MS = 4_000;

/**
 * At the expo, bumping a ticket whose stations are not all done takes a second press within
 * four seconds (the override); the first press only says so. Answers whether to bump now, and
 * whether the bump overrides.
 */
export function useForceConfirm(stationId: string | undefined, setNotice: (n: Notice) => void) {
  const { t } = useTranslation('kitchen');
  const armed = useRef<{ orderId: string; until: number } | null>(null);
  return useCallback(
    (ticket: Ticket): { go: boolean; force: boolean } => {
      const allDone = ticket.items.every((i) => i.status === 'done');
      if (stationId || allDone) return { go: true, force: false };
      const now = Date.now();
      if (armed.current?.orderId !== ticket.orderId || armed.current.until < now) {
        armed.current = { orderId: ticket.orderId, until: now + FORCE_CONFIRM_MS };
        setNotice({ kind: 'info', text: t('actions.confirmForce', { number: ticket.number }) });
        return { go: false, force: false };
      }
      armed.current = null;
      return { go: true, force: true };
    },
    [setNotice, stationId, t],
  );
}
