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
          onClick={() => act('Completed', () => complete.mutateAsync({ orderId }))}
        >
          Mark completed
        </button>
      )}
      {order.status === 'READY' && order.fulfilment === 'delivery' && (
        <button
          className="btn"
          onClick={() => {
            const name = window.prompt("Driver's name (leave empty if none)");
            if (name === null) return;
            void act('Sent out for delivery', () =>
              dispatch.mutateAsync({
                orderId,
                ...(name.trim() ? { driver: { name: name.trim() } } : {}),
              }),
            );
          }}
        >
          Send out for delivery
        </button>
      )}
      {order.status === 'OUT_FOR_DELIVERY' && (
        <button
          className="btn"
          onClick={() => act('Delivered', () => complete.mutateAsync({ orderId }))}
        >
          Mark delivered
        </button>
      )}
      {order.status === 'PENDING_PAYMENT' && (
        <button
          className="btn"
          onClick={() =>
            act('Payment link', async () => {
              const link = await paymentLink.mutateAsync({
                orderId,
                email: Boolean(order.customerEmail),
              });
              await navigator.clipboard?.writeText(link.payUrl).catch(() => {});
            })
          }
        >
          {order.customerEmail ? 'Email payment link' : 'Copy payment link'}
        </button>
      )}
      {order.status === 'PENDING_PAYMENT' && (
        <button
          className="btn"
          onClick={() => act('Paid at the counter', () => markPaid.mutateAsync({ orderId }))}
        >
          Mark paid at counter
        </button>
      )}
      {open && (
        <button
          className="btn btn--danger"
          onClick={() => {
            const reason = window.prompt(
              order.paymentStatus === 'paid'
                ? 'Why is this order canceled? The payment is refunded in full.'
                : 'Why is this order canceled?',
            );
            if (reason?.trim()) {
              void act('Canceled', () => cancel.mutateAsync({ orderId, reason }));
            }
          }}
        >
          {order.paymentStatus === 'paid' ? 'Cancel and refund' : 'Cancel order'}
        </button>
      )}
      <button
        className="btn"
        onClick={() => act('Checked with Stripe', () => reconcile.mutateAsync())}
      >
        Reconcile payments
      </button>
    </div>
  );
}
