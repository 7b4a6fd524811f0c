import type { Order, Store } from '@kds/db';
import type { TxContext } from '../context.ts';
import { queueEmail } from './email.ts';
import { queueOrderMessage } from './internal.ts';
import { isOptedOut } from './opt-out.ts';

/** Which ways a payment link was sent. */
export interface LinkDelivery {
  sms: boolean;
  email: boolean;
}

/**
 * Queues the payment link a guest asked for on the phone, in the order's transaction. Their
 * request stands for consent to this one message; a number that replied STOP, or a channel the
 * store has turned off, gets nothing. Once per order and channel.
 */
export async function queuePaymentLink(
  tx: TxContext,
  store: Store,
  order: Order,
  by: LinkDelivery,
): Promise<LinkDelivery> {
  const phone = order.customerPhone;
  const texts =
    by.sms &&
    phone !== null &&
    store.settings.notifications.sms &&
    !(await isOptedOut(tx.db, phone));
  return {
    sms: texts
      ? await queueOrderMessage(tx, store, order, {
          channel: 'sms',
          kind: 'payment_link',
          recipient: phone,
          to: 'guest',
        })
      : false,
    email: by.email ? await queueEmail(tx, store, order, 'payment_link') : false,
  };
}
