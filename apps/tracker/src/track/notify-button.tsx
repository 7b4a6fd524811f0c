import { useTranslation } from '@kds/i18n/react';
import { useState } from 'react';
import type { Tracked } from '../shared/types.ts';
import { askToNotify, notifySupport } from './ready-notification.ts';

/** Asks once for notifications while the order is in the kitchen, or says how to be told. */
export function NotifyButton({ status }: { status: Tracked['status'] }) {
  const { t } = useTranslation('guest');
  const [support, setSupport] = useState(notifySupport);
  const [permission, setPermission] = useState(() =>
    support === 'available' ? Notification.permission : 'denied',
  );
  if (!['PLACED', 'PREPARING'].includes(status)) return null;
  if (support !== 'available' || permission === 'denied') {
    return (
      <p className="muted">
        {support !== 'unavailable' ? t('track.notifyBlocked') : t('track.notifyUnavailable')}
      </p>
    );
  }
  if (permission === 'granted') return null;
  return (
    <button
      type="button"
      className="secondary"
      onClick={() =>
        void askToNotify().then(
          (answer) => {
            setPermission(answer);
            setSupport(notifySupport());
          },
          () => setSupport('unavailable'),
        )
      }
    >
      {t('track.notifyMe')}
    </button>
  );
}
