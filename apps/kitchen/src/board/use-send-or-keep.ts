import { useTranslation } from '@kds/i18n/react';
import { messageFor } from '@kds/ui';
import { useCallback } from 'react';
import { isNetworkError, type PendingCommand } from './pending-commands.ts';
import type { Ticket } from './types.ts';
import { usePendingCommands } from './use-pending-commands.ts';
import type { Notice } from './use-ticket-actions.ts';

type Command = { kind: PendingCommand['kind']; force?: boolean; itemId?: string };

/**
 * Sends a ticket command now, or keeps it on the device: without a connection it waits (shown
 * on its ticket) and goes when the screen is back; pressed live, it goes at once, and waits if
 * the call is lost on the way. A kept command the server later refuses is said on the screen.
 */
export function useSendOrKeep(options: {
  live: boolean;
  stationId: string | undefined;
  setNotice: (notice: Notice | null) => void;
  setBusy: (orderId: string | null) => void;
}) {
  const { t } = useTranslation('kitchen');
  const { t: tc } = useTranslation();
  const { live, stationId, setNotice, setBusy } = options;
  // The ticket may have left this screen by then: the refusal is said here too.
  const onRefused = useCallback(
    (command: PendingCommand, message: string) =>
      setNotice({
        kind: 'error',
        text: t('actions.refused', {
          command: t(`actions.command.${command.kind}`),
          number: command.number,
          reason: message,
        }),
      }),
    [setNotice, t],
  );
  const pending = usePendingCommands(live, onRefused);

  const later = useCallback(
    (ticket: Ticket, command: Command) => {
      pending.enqueue({
        ...command,
        orderId: ticket.orderId,
        number: ticket.number,
        expectedVersion: ticket.version,
        stationId,
      });
      // Said on the ticket itself, where the cook looks (a toast could cover the next one).
      setNotice(null);
    },
    [pending, setNotice, stationId],
  );

  const sendOrKeep = useCallback(
    async (ticket: Ticket, command: Command, action: () => Promise<unknown>) => {
      if (!live) return void later(ticket, command);
      setBusy(ticket.orderId);
      try {
        await action();
        return true;
      } catch (error) {
        if (isNetworkError(error)) later(ticket, command);
        else setNotice({ kind: 'error', text: messageFor(error, tc) });
        return false;
      } finally {
        setBusy(null);
      }
    },
    [later, live, setBusy, setNotice, tc],
  );

  return {
    sendOrKeep,
    pendingOrders: pending.pendingOrders,
    refused: pending.refused,
    dismissRefusal: pending.dismissRefusal,
  };
}
