import type { Order, OutboxMessage, Store } from '@kds/db';
import type { DomainContext, TxContext } from '../context.ts';
import { invitationEmail } from '../invitations/invitation-email.ts';
import type { OutboxSender } from '../outbox/run-outbox.ts';
import { scheduledReportEmail } from '../reports/report-email.ts';
import { escapeHtml } from './html.ts';
import { messageSubject, queueOrderMessage } from './internal.ts';
import { renderEmail } from './order-email.ts';
import { inStore } from '../transaction.ts';

/** To the guest: confirmation (with receipt), the link to pay, a cancellation; to staff: a new order. */
export type EmailKind = 'confirmation' | 'canceled' | 'payment_link' | 'staff_order';

export interface Email {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: { filename: string; content: string; contentType: string }[];
}

/** What the server adds to a scheduled report's email: the orders export of its days. */
export interface ReportAttachments {
  ordersCsv(ctx: DomainContext, storeId: string, from: string, to: string): Promise<string>;
}

export interface MailTransport {
  /** `recorded`: no mail server is configured; the email was written down, not sent. */
  send(email: Email): Promise<{ id: string; recorded?: boolean }>;
}

/** Queues an email to the guest in the caller's transaction: with consent, once per kind. */
export async function queueEmail(
  tx: TxContext,
  store: Store,
  order: Order,
  kind: Exclude<EmailKind, 'staff_order'>,
): Promise<boolean> {
  if (!order.customerEmail || !store.settings.notifications.email) return false;
  // A payment link is what the guest asked for on the phone; the rest needs their consent.
  if (kind !== 'payment_link' && !order.emailConsent) return false;
  return queueOrderMessage(tx, store, order, {
    channel: 'email',
    kind,
    recipient: order.customerEmail,
    to: 'guest',
  });
}

/** One email per address the store lists, about a new paid order (off while the list is empty). */
export async function queueStaffOrderEmails(
  tx: TxContext,
  store: Store,
  order: Order,
): Promise<void> {
  for (const address of store.settings.notifications.staffEmails) {
    await queueOrderMessage(
      tx,
      store,
      order,
      { channel: 'email', kind: 'staff_order', recipient: address, to: 'staff' },
      address.toLowerCase(),
    );
  }
}

/**
 * The outbox sender for email: rendered at send time, so neither a pickup code nor an
 * invitation link is ever stored.
 */
export function emailSender(transport: MailTransport, reports?: ReportAttachments): OutboxSender {
  return async (message, ctx) => {
    const email =
      message.payload.kind === 'staff_invitation'
        ? await invitationEmail(ctx, message)
        : message.payload.kind === 'scheduled_report'
          ? await scheduledReportEmail(ctx, message, reports)
          : message.payload.kind === 'service_test' || message.payload.kind === 'staff_alert'
            ? wordsOnly(message)
            : await inStore(ctx, message.storeId, (tx) => orderEmail(tx, message));
    const { id, recorded } = await transport.send({ to: message.recipient, ...email });
    return { providerId: id, recorded: recorded ?? false };
  };
}

/** A test from the Services card, or an alert to staff: words only, no order. */
function wordsOnly(message: OutboxMessage) {
  const text = String(message.payload.text);
  return { subject: String(message.payload.subject), text, html: `<p>${escapeHtml(text)}</p>` };
}

async function orderEmail(ctx: DomainContext, message: OutboxMessage) {
  const { order, store } = await messageSubject(ctx, message);
  return renderEmail(ctx, store, order, message.payload.kind as EmailKind);
}
