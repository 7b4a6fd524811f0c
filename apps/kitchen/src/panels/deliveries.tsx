import { useTranslation } from '@kds/i18n/react';
import { formatElapsed, messageFor, useNow, useTRPC } from '@kds/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Ticket } from '../board/types.ts';

/** Sends a ready delivery out; the driver's name and number are optional (a courier's, say). */
export function DispatchForm({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation('kitchen');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const dispatch = useMutation(
    trpc.order.dispatch.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.order.onTheRoad.queryKey() }),
    }),
  );
  const n = ticket.number;
  return (
    <form
      className="dispatch"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        const name = String(form.get('driver') ?? '').trim();
        const phone = String(form.get('driverPhone') ?? '').trim();
        dispatch.mutate({
          orderId: ticket.orderId,
          expectedVersion: ticket.version,
          ...(name ? { driver: { name, ...(phone ? { phone } : {}) } } : {}),
        });
      }}
    >
      <input
        name="driver"
        maxLength={60}
        placeholder={t('panels.driver')}
        aria-label={t('panels.driverFor', { number: n })}
      />
      <input
        name="driverPhone"
        type="tel"
        placeholder={t('panels.driverPhone')}
        aria-label={t('panels.driverPhoneFor', { number: n })}
      />
      <button
        className="btn btn--primary"
        disabled={dispatch.isPending}
        aria-label={t('panels.sendOutOrder', { number: n })}
      >
        {t('panels.sendOut')}
      </button>
      {dispatch.error && (
        <p className="dispatch__error" role="alert">
          {messageFor(dispatch.error, tc)}
        </p>
      )}
    </form>
  );
}

/** Deliveries out with a driver, oldest first, each marked delivered when the driver says so. */
export function OnTheRoad() {
  const { t } = useTranslation('kitchen');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const now = useNow(15_000);
  const list = useQuery({ ...trpc.order.onTheRoad.queryOptions(), refetchInterval: 15_000 });
  const delivered = useMutation(
    trpc.order.complete.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.order.onTheRoad.queryKey() }),
    }),
  );
  if (!list.data || list.data.length === 0) return null;
  return (
    <section className="on-the-road" aria-labelledby="on-the-road">
      <h3 id="on-the-road">{t('panels.onTheRoad')}</h3>
      {delivered.error && <p role="alert">{messageFor(delivered.error, tc)}</p>}
      <ul className="recall">
        {list.data.map((d) => (
          <li key={d.orderId}>
            <span>
              <b>#{d.number}</b> {d.customerName}
              {d.driverName ? t('panels.withDriver', { driver: d.driverName }) : ''}
              {d.outForDeliveryAt &&
                t('panels.outFor', {
                  elapsed: formatElapsed(now - new Date(d.outForDeliveryAt).getTime()),
                })}
            </span>
            <button
              type="button"
              className="btn btn--primary"
              disabled={delivered.isPending}
              aria-label={t('panels.deliveredOrder', { number: d.number })}
              onClick={() => delivered.mutate({ orderId: d.orderId, expectedVersion: d.version })}
            >
              {t('panels.delivered')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
