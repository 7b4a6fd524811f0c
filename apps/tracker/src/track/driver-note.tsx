import type { Tracked } from '../shared/types.ts';

/** Who is bringing the order, when the store said. */
export function Driver({ order }: { order: Tracked }) {
  if (!order.driver) return <p className="eta">A driver is bringing your order.</p>;
  return (
    <p className="eta">
      {order.driver.name} is bringing your order
      {order.driver.phone && (
        <>
          {' '}
          (
          <a className="tel" href={`tel:${order.driver.phone}`}>
            call {order.driver.phone}
          </a>
          )
        </>
      )}
      .
    </p>
  );
}
