import { useTranslation } from '@kds/i18n/react';
import { useFormat, useTRPC } from '@kds/ui';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Menu, Preview } from '../shared/types.ts';

interface WhenFieldProps {
  storeSlug: string;
  ordering: Menu['store']['ordering'] | undefined;
  fulfilment: 'dine_in' | 'pickup' | 'delivery';
  problems: Preview['problems'] | undefined;
  value: string;
  onChange(fireAt: string): void;
  problem(path: string): ReactNode;
}

/**
 * As soon as possible (with the wait the kitchen quotes now) or a 15-minute slot. When the
 * kitchen refuses ASAP (paused, or full), the first time it can still take is one tap away.
 */
export function WhenField(props: WhenFieldProps) {
  const { t } = useTranslation('guest');
  const format = useFormat();
  const trpc = useTRPC();
  const slots = useQuery(trpc.order.pickupSlots.queryOptions({ storeSlug: props.storeSlug }));
  const paused = props.ordering?.pauses[props.fulfilment];
  const wait = props.ordering?.readyInMinutes;
  const offer = props.problems?.find(
    (p) => (p.code === 'ORDERING_PAUSED' || p.code === 'KITCHEN_FULL') && p.nextSlotAt,
  )?.nextSlotAt;
  return (
    <label className="field">
      <span>{t('checkout.when')}</span>
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">
          {paused
            ? t('checkout.asapPaused')
            : wait
              ? t('checkout.asapWait', { minutes: wait })
              : t('checkout.asap')}
        </option>
        {slots.data?.slots.map((s) => (
          <option key={s.at} value={s.at} disabled={s.remaining === 0}>
            {s.remaining === 0
              ? t('checkout.slotFull', { time: format.clock(s.at) })
              : format.clock(s.at)}
          </option>
        ))}
      </select>
      {props.problem('fireAt')}
      {offer && offer !== props.value && (
        <button type="button" className="secondary" onClick={() => props.onChange(offer)}>
          {t('checkout.orderFor', { time: format.clock(offer) })}
        </button>
      )}
    </label>
  );
}
