import { useTranslation } from '@kds/i18n/react';
import type { useSound } from '@kds/ui';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Station, StoredEvent, Ticket } from './types.ts';
import { itemsFor } from './views.ts';

type Sound = ReturnType<typeof useSound>;
type Flash = (orderId: string) => void;

/**
 * What a cook hears and a screen reader is told as the board changes: a chime for a new ticket
 * at this station, another for a change (canceled, recalled, items added, rushed), and the
 * ticket flashes.
 */
export function useEventAlerts(station: Station | null, sound: Sound, flash: Flash) {
  const { t } = useTranslation('kitchen');
  const [announcement, setAnnouncement] = useState('');

  const onEvent = useCallback(
    (event: StoredEvent) => {
      if (event.orderId) flash(event.orderId);
      if (event.type === 'order.placed' && itemsFor(event.payload.ticket, station).length > 0) {
        sound.play('new');
        setAnnouncement(t('board.announceNew', { number: event.payload.ticket.number }));
      } else if (event.type === 'order.canceled' || event.type === 'ticket.recalled') {
        sound.play('change');
        setAnnouncement(
          event.type === 'order.canceled'
            ? t('board.announceCanceled')
            : t('board.announceRecalled'),
        );
      } else if (event.type === 'order.items_added' || event.type === 'ticket.prioritized') {
        sound.play('change');
      }
    },
    [flash, sound, station, t],
  );
  return { onEvent, announcement };
}

/** A scheduled ticket leaving the held lane is a new ticket for the cooks. */
export function useHeldRelease(held: Ticket[], sound: Sound, flash: Flash) {
  const heldIds = useRef(new Set<string>());
  useEffect(() => {
    const now = new Set(held.map((ticket) => ticket.orderId));
    for (const id of heldIds.current) {
      if (now.has(id)) continue;
      sound.play('new');
      flash(id);
    }
    heldIds.current = now;
  }, [held, sound, flash]);
}
