export { expireUnpaidOrders } from './expire-unpaid.ts';
export {
  handleStripeEvent,
  type StripeEventLike,
  type WebhookOutcome,
} from './handle-stripe-event.ts';
export { payOrder } from './pay-order.ts';
export type { CheckoutLine, CheckoutRequest, PaymentGateway } from './ports.ts';
export { PayOrderInput } from './schemas.ts';
export { startCheckout } from './start-checkout.ts';
export { queueRefund, refundDelivered, refundSender } from './refunds.ts';
export { recordPaymentDetails } from './payment-details.ts';
export { reconcileForStore, reconcilePayments, type Repair } from './reconcile.ts';
export type { GatewaySession } from './ports.ts';
export { paymentLink, PaymentLinkInput } from './payment-link.ts';
export { markPaidAtCounter, MarkPaidInput } from './mark-paid-at-counter.ts';
