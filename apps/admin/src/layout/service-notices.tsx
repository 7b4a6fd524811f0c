import type { Outputs } from '../shared/types.ts';

type Services = Outputs['store']['mine']['services'];

/**
 * What the server only pretends to do, said on every page: in production a simulated checkout
 * means the kitchen cooks orders nobody paid for, so it is a red banner; recorded texts and
 * email are named too, so nobody believes a guest was told.
 */
export function ServiceNotices({ services }: { services: Services }) {
  const recorded = [
    ...(services.sms === 'recorded' ? ['texts and calls'] : []),
    ...(services.email === 'recorded' ? ['email'] : []),
  ];
  return (
    <>
      {services.production && services.payments === 'simulated' && (
        <p className="banner banner--danger" role="alert">
          Payments are simulated (ALLOW_SIMULATED_PAYMENTS): no guest is charged, and the kitchen
          cooks online orders nobody paid for. Set the Stripe keys to take real payments.
        </p>
      )}
      {(recorded.length > 0 || (!services.production && services.payments === 'simulated')) && (
        <p className="banner banner--info">
          Not connected:{' '}
          {[
            ...(services.payments === 'simulated' ? ['payments are simulated'] : []),
            ...recorded.map((what) => `${what} are recorded here, not sent`),
          ].join('; ')}
          .
        </p>
      )}
    </>
  );
}
