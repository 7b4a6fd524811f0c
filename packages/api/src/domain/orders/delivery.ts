import type { Store } from '@kds/db';
import type { DomainContext } from '../context.ts';
import { distanceMeters } from '../stores/location.ts';
import type { Problem } from './pricing.ts';
import type { FulfilmentInput } from './schemas.ts';

/** Delivery is offered only with a geocoder, a radius and the store's location. */
export function deliversFrom(ctx: DomainContext, store: Store) {
  const { location, deliveryRadiusMeters } = store.settings;
  return ctx.geocoder && location && deliveryRadiusMeters > 0
    ? { geocoder: ctx.geocoder, location, radius: deliveryRadiusMeters }
    : null;
}

/**
 * Whether the address can be delivered to: it must be found and within the store's radius.
 * Called before any transaction: a slow geocoder never holds a lock.
 */
export async function deliveryProblems(
  ctx: DomainContext,
  store: Store,
  fulfilment: FulfilmentInput,
): Promise<Problem[]> {
  if (fulfilment.type !== 'delivery') return [];
  const at = ['fulfilment', 'postcode'];
  const service = deliversFrom(ctx, store);
  if (!service) {
    return [
      {
        path: ['fulfilment', 'type'],
        code: 'FULFILMENT_UNAVAILABLE',
        message: 'this store does not deliver',
        say: { key: 'noDelivery' },
      },
    ];
  }
  let point;
  try {
    point = await service.geocoder.locate({
      address: fulfilment.address,
      postcode: fulfilment.postcode,
    });
  } catch {
    return [
      {
        path: at,
        code: 'POSTCODE_UNCHECKED',
        message: 'we cannot check addresses right now; try pickup',
        say: { key: 'cannotCheckAddress' },
      },
    ];
  }
  if (!point)
    return [
      {
        path: at,
        code: 'POSTCODE_UNKNOWN',
        message: 'we cannot find this address; check the postcode',
        say: { key: 'addressUnknown' },
      },
    ];
  const meters = distanceMeters(service.location, point);
  if (meters > service.radius) {
    const km = (m: number) => `${(m / 1000).toFixed(1)} km`;
    return [
      {
        path: at,
        code: 'OUTSIDE_DELIVERY_AREA',
        message: `we deliver within ${km(service.radius)}; this address is ${km(meters)} away`,
        say: {
          key: 'tooFar',
          values: { radiusMeters: service.radius, distanceMeters: Math.round(meters) },
        },
      },
    ];
  }
  return [];
}
