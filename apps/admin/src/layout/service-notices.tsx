import type { Outputs } from '../shared/types.ts';

type Services = Outputs['store']['mine']['services'];

/**
 * What the server only pretends to do, said on every page: in production a simulated checkout
 * means the kitchen cooks orders nobody paid for, so it is a red banner; recorded texts and
 * email are named too, so nobody believes a guest was told.
 */
export function ServiceNotices({ services }: { services: Services }) {
  const recorded = [
    ...(services.sms === 'recorded' ? ['texts', 'calls'] : []),
    ...(services.email === 'recorded' ? ['email'] : []),
  ];
  const listed = (words: string[]) =>
    words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
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
            ...(!services.production && services.payments === 'simulated'
              ? ['payments are simulated']
              : []),
            ...(recorded.length ? [`${listed(recorded)} are recorded here, not sent`] : []),
          ].join('; ')}
          .
        </p>
      )}
    </>
  );
}
