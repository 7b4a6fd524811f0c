import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC } from '../trpc.ts';
import { useDebounced } from '../use-debounced.ts';
import type { EntryFulfilment } from './entry-details.tsx';
import type { UseEntryCart } from './use-entry-cart.ts';

/**
 * The server's price and checks for the order as it stands (the same preview a guest's checkout
 * reads), once the fulfilment is complete enough to check: a table needs its number, a
 * delivery its address and postcode.
 */
export function useEntryPreview(
  storeSlug: string,
  cart: UseEntryCart,
  fulfilment: EntryFulfilment,
) {
  const trpc = useTRPC();
  const items = cart.lines.map(({ menuItemId, quantity, modifierIds, notes }) => ({
    menuItemId,
    quantity,
    modifierIds,
    notes,
  }));
  const incomplete =
    (fulfilment.type === 'delivery' && (!fulfilment.address || !fulfilment.postcode)) ||
    (fulfilment.type === 'dine_in' && !fulfilment.table.trim());
  // The address is checked once staff stop typing: the geocoder is asked once, not per key.
  const checked = useDebounced(fulfilment, fulfilment.type === 'delivery' ? 600 : 0);
  const preview = useQuery(
    trpc.order.preview.queryOptions(
      { storeSlug, items, fulfilment: checked },
      { enabled: items.length > 0 && !incomplete, placeholderData: keepPreviousData },
    ),
  );
  return { items, ready: items.length > 0 && !incomplete, preview: preview.data };
}
