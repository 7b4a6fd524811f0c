import type { Order, Store } from '@kds/db';
import type { TxContext } from '../context.ts';
import { queueReadyCall } from './call.ts';
import { queueEmail, queueStaffOrderEmails } from './email.ts';
import { queueSms } from './sms.ts';
import { queueKitchenPrints } from '../printing/queue-prints.ts';

/**
 * What each moment of an order says to whom, queued in the transaction of the change itself
 * (so nothing leaves for a change that rolled back) and once per order and kind.
 */

/**
 * Paid (online) or taken at the counter, so it reaches the kitchen: confirmation to the guest,
 * heads-up to staff, and the chits of the stations that print.
 */
export async function queuePaidMessages(tx: TxContext, store: Store, order: Order) {
  await queueKitchenPrints(tx, store, order);
  await queueSms(tx, store, order, 'confirmation');
  await queueEmail(tx, store, order, 'confirmation');
  await queueStaffOrderEmails(tx, store, order);
}

/** The kitchen started: "expected at", when the store sends it. */
export async function queueStartedMessages(tx: TxContext, store: Store, order: Order) {
  if (store.settings.notifications.smsStarted) await queueSms(tx, store, order, 'started');
}

/**
 * Ready: a text and, when the store calls and the guest agreed, a call. A delivery is not the
 * guest's to collect: they hear when it leaves with its driver instead.
 */
export async function queueReadyMessages(tx: TxContext, store: Store, order: Order) {
  if (order.fulfilment === 'delivery') return;
  await queueSms(tx, store, order, 'ready');
  await queueReadyCall(tx, store, order);
}

/** Out for delivery: "on its way", with the tracker link. */
export async function queueDispatchedMessages(tx: TxContext, store: Store, order: Order) {
  await queueSms(tx, store, order, 'dispatched');
}
