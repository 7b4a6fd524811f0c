import { percentOf } from '@kds/api/client';
import { useDebounced, useTRPC } from '@kds/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CartLine } from './cart.ts';
import type { Fulfilment } from './fulfilment-choice.tsx';

/**
 * The order as the server would price it now: its lines, discount, tip and totals, and any
 * problem with it (sold out, out of the delivery area, a time the kitchen cannot make).
 */
export function useCheckoutPreview(options: {
  storeSlug: string;
  lines: CartLine[];
  fulfilment: Fulfilment;
  discountCode: string | undefined;
  /** Empty: as soon as possible. */
  fireAt: string;
  tipPercent: number;
}) {
  const { storeSlug, fulfilment, tipPercent } = options;
  const trpc = useTRPC();
  const items = options.lines.map(({ menuItemId, quantity, modifierIds, notes }) => ({
    menuItemId,
    quantity,
    modifierIds,
    notes,
  }));
  // A delivery is priced (and its postcode checked) once both parts are filled in.
  const incomplete =
    fulfilment.type === 'delivery' && (!fulfilment.address || !fulfilment.postcode);
  // Priced with the address once the guest stops typing: the geocoder is asked once, not per key.
  const checked = useDebounced(fulfilment, fulfilment.type === 'delivery' ? 600 : 0);
  const base = {
    storeSlug,
    items,
    fulfilment: checked,
    discountCode: options.discountCode,
    fireAt: options.fireAt || undefined,
  };
  const enabled = items.length > 0 && !incomplete;
  const untipped = useQuery(
    trpc.order.preview.queryOptions(
      { ...base, tipCents: 0 },
      { enabled, placeholderData: keepPreviousData },
    ),
  );
  // A percentage of the subtotal, in the currency's steps (tens of fils in dinars).
  const tipCents = untipped.data
    ? percentOf(untipped.data.totals.subtotalCents, tipPercent * 100, untipped.data.currency)
    : 0;
  const preview = useQuery(
    trpc.order.preview.queryOptions(
      { ...base, tipCents },
      { enabled, placeholderData: keepPreviousData },
    ),
  );
  return { items, base, incomplete, tipCents, preview };
}

export type Preview = NonNullable<ReturnType<typeof useCheckoutPreview>['preview']['data']>;
