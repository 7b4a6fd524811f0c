import { OrderEntry } from '@kds/ui';
import type { Outputs } from '../shared/types.ts';

/** A phone order or a walk-in, keyed in for the store this session is in. */
export function NewOrderPage({ store }: { store: NonNullable<Outputs['store']['mine']['store']> }) {
  return (
    <>
      <header className="page-head">
        <h1>New order</h1>
        <p className="muted">
          For a phone order or a walk-in. The kitchen gets it once it is paid: at the counter now,
          or by the guest through the payment link.
        </p>
      </header>
      <OrderEntry storeSlug={store.slug} />
    </>
  );
}
