import { Trans, useTranslation } from '@kds/i18n/react';
import { useFormat } from '@kds/ui';
import type { Menu } from '../shared/types.ts';

type Kind = 'pickup' | 'delivery' | 'dine_in';

/** What the kitchen takes right now: paused kinds of order with their reason, and the wait. */
export function OrderingBanner({ store }: { store: Menu['store'] }) {
  const { t } = useTranslation('guest');
  const format = useFormat();
  const pauses = Object.entries(store.ordering.pauses).flatMap(([type, pause]) =>
    pause ? [{ type: type as Kind, ...pause }] : [],
  );
  return (
    <>
      {pauses.map((p) => (
        <p key={p.type} className="paused" role="status">
          <Trans
            t={t}
            i18nKey="menu.paused"
            values={{
              kind: t(`menu.pausedKind.${p.type}`),
              reason: p.reason,
              time: format.clock(p.until),
            }}
            components={{ strong: <strong /> }}
          />
        </p>
      ))}
      {store.opening.isOpen && pauses.length < 3 && (
        <p className="wait">{t('menu.readyIn', { minutes: store.ordering.readyInMinutes })}</p>
      )}
    </>
  );
}
