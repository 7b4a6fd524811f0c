import { useTranslation } from '@kds/i18n/react';
import { messageFor, useTRPC } from '@kds/ui';
import { useMutation } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Ticket } from './types.ts';
import type { Notice } from './use-ticket-actions.ts';

/**
 * The commands that go now or not at all: a rush, handing an order over, 86-ing an item. None is
 * kept on the device while offline: a failure is said on the screen, and the cook presses again.
 */
export function useDirectActions(options: {
  setNotice: (notice: Notice | null) => void;
  setBusy: (id: string | null) => void;
}) {
  const { setNotice, setBusy } = options;
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const { mutateAsync: prioritize } = useMutation(trpc.ticket.prioritize.mutationOptions());
  const { mutateAsync: completeOrder } = useMutation(trpc.order.complete.mutationOptions());
  const { mutateAsync: setAvailability } = useMutation(trpc.menu.setAvailability.mutationOptions());

  const attempt = useCallback(
    async (id: string, action: () => Promise<unknown>) => {
      setBusy(id);
      try {
        await action();
        return true;
      } catch (error) {
        setNotice({ kind: 'error', text: messageFor(error, tc) });
        return false;
      } finally {
        setBusy(null);
      }
    },
    [setBusy, setNotice, tc],
  );

  const rush = useCallback(
    (ticket: Ticket) =>
      attempt(ticket.orderId, () =>
        prioritize({ orderId: ticket.orderId, priority: ticket.priority > 0 ? 0 : 1 }),
      ),
    [attempt, prioritize],
  );

  const complete = useCallback(
    (ticket: Ticket, pickupCode?: string) =>
      attempt(ticket.orderId, () =>
        completeOrder({ orderId: ticket.orderId, pickupCode: pickupCode || undefined }),
      ),
    [attempt, completeOrder],
  );

  const setAvailable = useCallback(
    (menuItemId: string, isAvailable: boolean) =>
      attempt(menuItemId, () => setAvailability({ menuItemId, isAvailable })),
    [attempt, setAvailability],
  );

  return { rush, complete, setAvailable };
}
