import { useTranslation } from '@kds/i18n/react';
import { useTRPC } from '@kds/ui';
import { useMutation } from '@tanstack/react-query';
import type { Act } from '../shared/feedback.tsx';
import type { Outputs } from '../shared/types.ts';

type Order = Outputs['order']['detail']['order'];

interface Command {
  /** Whether the order's state allows it. */
  when: boolean;
  label: string;
  run: () => void;
  danger?: boolean;
}

/** What a manager can do with an order from its page, each as its state allows. */
export function OrderActions({ order, act }: { order: Order; act: Act }) {
  const commands = useOrderCommands(order, act);
  return (
    <div className="actions">
      {commands
        .filter((command) => command.when)
        .map((command) => (
          <button
            key={command.label}
            className={command.danger ? 'btn btn--danger' : 'btn'}
            onClick={command.run}
          >
            {command.label}
          </button>
        ))}
    </div>
  );
}

function useOrderCommands(order: Order, act: Act): Command[] {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const complete = useMutation(trpc.order.complete.mutationOptions());
  const dispatch = useMutation(trpc.order.dispatch.mutationOptions());
  const paymentLink = useMutation(trpc.payment.link.mutationOptions());
  const markPaid = useMutation(trpc.payment.markPaidAtCounter.mutationOptions());
  const cancel = useMutation(trpc.order.cancel.mutationOptions());
  const reconcile = useMutation(trpc.payment.reconcile.mutationOptions());
  const orderId = order.id;
  const ready = order.status === 'READY';
  const delivery = order.fulfilment === 'delivery';
  const unpaid = order.status === 'PENDING_PAYMENT';
  const paid = order.paymentStatus === 'paid';
  return [
    {
      when: ready && !delivery,
      label: t('orderActions.markCompleted'),
      run: () => act(t('orderActions.completed'), () => complete.mutateAsync({ orderId })),
    },
    {
      when: ready && delivery,
      label: t('orderActions.sendOut'),
      run: () => {
        const name = window.prompt(t('orderActions.driverName'))?.trim();
        if (name === undefined) return;
        void act(t('orderActions.sentOut'), () =>
          dispatch.mutateAsync({ orderId, driver: name ? { name } : undefined }),
        );
      },
    },
    {
      when: order.status === 'OUT_FOR_DELIVERY',
      label: t('orderActions.markDelivered'),
      run: () => act(t('orderActions.delivered'), () => complete.mutateAsync({ orderId })),
    },
    {
      when: unpaid,
      label: order.customerEmail ? t('orderActions.emailLink') : t('orderActions.copyLink'),
      run: () =>
        act(t('orderActions.paymentLink'), async () => {
          const email = Boolean(order.customerEmail);
          const link = await paymentLink.mutateAsync({ orderId, email });
          await navigator.clipboard?.writeText(link.payUrl).catch(() => {});
        }),
    },
    {
      when: unpaid,
      label: t('orderActions.markPaid'),
      run: () => act(t('orderActions.paidAtCounter'), () => markPaid.mutateAsync({ orderId })),
    },
    {
      when: !['COMPLETED', 'CANCELED', 'EXPIRED'].includes(order.status),
      label: paid ? t('orderActions.cancelRefund') : t('orderActions.cancel'),
      danger: true,
      run: () => {
        const reason = window.prompt(
          paid ? t('orderActions.cancelWhyRefund') : t('orderActions.cancelWhy'),
        );
        if (!reason?.trim()) return;
        void act(t('orderActions.canceled'), () => cancel.mutateAsync({ orderId, reason }));
      },
    },
    {
      when: true,
      label: t('orderActions.reconcile'),
      run: () => act(t('orderActions.checked'), () => reconcile.mutateAsync()),
    },
  ];
}
