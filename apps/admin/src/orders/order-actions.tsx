import { useTranslation } from '@kds/i18n/react';
import { useTRPC } from '@kds/ui';
import { useMutation } from '@tanstack/react-query';
import type { useAction } from '../shared/feedback.tsx';
import type { Outputs } from '../shared/types.ts';

type Order = Outputs['order']['detail']['order'];

/** What a manager can do with an order from its page, each as its state allows. */
export function OrderActions({
  order,
  act,
}: {
  order: Order;
  act: ReturnType<typeof useAction>['act'];
}) {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const complete = useMutation(trpc.order.complete.mutationOptions());
  const dispatch = useMutation(trpc.order.dispatch.mutationOptions());
  const paymentLink = useMutation(trpc.payment.link.mutationOptions());
  const markPaid = useMutation(trpc.payment.markPaidAtCounter.mutationOptions());
  const cancel = useMutation(trpc.order.cancel.mutationOptions());
  const reconcile = useMutation(trpc.payment.reconcile.mutationOptions());
  const orderId = order.id;
  const open = !['COMPLETED', 'CANCELED', 'EXPIRED'].includes(order.status);
  return (
    <div className="actions">
      {order.status === 'READY' && order.fulfilment !== 'delivery' && (
        <button
          className="btn"
          onClick={() => act(t('orderActions.completed'), () => complete.mutateAsync({ orderId }))}
        >
          {t('orderActions.markCompleted')}
        </button>
      )}
      {order.status === 'READY' && order.fulfilment === 'delivery' && (
        <button
          className="btn"
          onClick={() => {
            const name = window.prompt(t('orderActions.driverName'));
            if (name === null) return;
            void act(t('orderActions.sentOut'), () =>
              dispatch.mutateAsync({
                orderId,
                ...(name.trim() ? { driver: { name: name.trim() } } : {}),
              }),
            );
          }}
        >
          {t('orderActions.sendOut')}
        </button>
      )}
      {order.status === 'OUT_FOR_DELIVERY' && (
        <button
          className="btn"
          onClick={() => act(t('orderActions.delivered'), () => complete.mutateAsync({ orderId }))}
        >
          {t('orderActions.markDelivered')}
        </button>
      )}
      {order.status === 'PENDING_PAYMENT' && (
        <button
          className="btn"
          onClick={() =>
            act(t('orderActions.paymentLink'), async () => {
              const link = await paymentLink.mutateAsync({
                orderId,
                email: Boolean(order.customerEmail),
              });
              await navigator.clipboard?.writeText(link.payUrl).catch(() => {});
            })
          }
        >
          {order.customerEmail ? t('orderActions.emailLink') : t('orderActions.copyLink')}
        </button>
      )}
      {order.status === 'PENDING_PAYMENT' && (
        <button
          className="btn"
          onClick={() =>
            act(t('orderActions.paidAtCounter'), () => markPaid.mutateAsync({ orderId }))
          }
        >
          {t('orderActions.markPaid')}
        </button>
      )}
      {open && (
        <button
          className="btn btn--danger"
          onClick={() => {
            const reason = window.prompt(
              order.paymentStatus === 'paid'
                ? t('orderActions.cancelWhyRefund')
                : t('orderActions.cancelWhy'),
            );
            if (reason?.trim()) {
              void act(t('orderActions.canceled'), () => cancel.mutateAsync({ orderId, reason }));
            }
          }}
        >
          {order.paymentStatus === 'paid'
            ? t('orderActions.cancelRefund')
            : t('orderActions.cancel')}
        </button>
      )}
      <button
        className="btn"
        onClick={() => act(t('orderActions.checked'), () => reconcile.mutateAsync())}
      >
        {t('orderActions.reconcile')}
      </button>
    </div>
  );
}
