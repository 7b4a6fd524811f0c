import type { Order, Store } from '@kds/db';
import { translatorFor, type Language } from '@kds/i18n';
import type { DomainContext } from '../context.ts';
import { pickupCodeFor } from '../orders/pickup-code.ts';
import type { EmailKind } from './email.ts';
import { paymentTerms } from './payment-terms.ts';

export interface EmailParts {
  subject: string;
  intro: string;
  /** The one thing to do, as a big link. */
  action?: { label: string; url: string };
  code?: string | null;
  /** Extra lines under the receipt (staff: customer and fulfilment). */
  facts?: string[];
}

type Translate = ReturnType<typeof translatorFor<'server'>>;

/** What an email about an order says, by kind: subject, intro, the one action, the facts. */
export async function partsFor(
  ctx: DomainContext,
  store: Store,
  order: Order,
  kind: EmailKind,
  language: Language,
): Promise<EmailParts> {
  const t = translatorFor(language, 'server');
  const about = { number: order.number, store: store.name };
  const track = {
    label: t('email.follow'),
    url: `${ctx.config.publicUrl}/track/${order.trackingToken}`,
  };
  switch (kind) {
    case 'confirmation':
      return {
        subject: t('email.confirmationSubject', about),
        intro: t('email.confirmationIntro', about),
        action: track,
        code:
          order.fulfilment === 'pickup' ? pickupCodeFor(ctx.config.pickupPepper, order.id) : null,
      };
    case 'canceled': {
      const refunding = order.paymentStatus === 'paid' || order.paymentStatus.includes('refund');
      const intro = t('email.canceledIntro', about);
      return {
        subject: t('email.canceledSubject', about),
        intro: refunding ? `${intro} ${t('email.refunding')}` : intro,
        action: track,
      };
    }
    case 'payment_link':
      return paymentLinkParts(ctx, store, order, language, { t, about, url: track.url });
    case 'staff_order':
      return staffOrderParts(ctx, store, order, t);
  }
}

/**
 * The tracker, not the provider's checkout page: it outlives a checkout session and opens a
 * fresh one when the old one has lapsed.
 */
async function paymentLinkParts(
  ctx: DomainContext,
  store: Store,
  order: Order,
  language: Language,
  { t, about, url }: { t: Translate; about: { number: number; store: string }; url: string },
): Promise<EmailParts> {
  const terms = await paymentTerms(ctx, store, order, language);
  const ready = terms.readyAt
    ? t('email.readyAt', { time: terms.readyAt })
    : terms.wait
      ? t('email.readyAfter', { minutes: terms.wait })
      : '';
  return {
    subject: t('email.paymentLinkSubject', about),
    intro: [t('email.paymentLinkIntro', about), ready].filter(Boolean).join(' '),
    action: { label: t('email.payNow'), url },
    facts: terms.payBy ? [t('email.linkUntil', { time: terms.payBy })] : [],
  };
}

/** For the store's own people: who ordered, where, and a link to the order in the console. */
function staffOrderParts(ctx: DomainContext, store: Store, order: Order, t: Translate): EmailParts {
  const name = order.customerName || t('email.notGiven');
  const facts = [
    order.customerPhone
      ? t('email.customerWithPhone', { name, phone: order.customerPhone })
      : t('email.customer', { name }),
  ];
  if (order.tableLabel) facts.push(t('email.table', { table: order.tableLabel }));
  if (order.notes) facts.push(t('email.notes', { notes: order.notes }));
  return {
    subject: t('email.staffOrderSubject', {
      number: order.number,
      kind: t(`email.fulfilment.${order.fulfilment}`),
    }),
    intro: t('email.staffOrderIntro', { number: order.number, store: store.name }),
    action: {
      label: t('email.openOrder'),
      url: `${ctx.config.publicUrl}/admin/orders/${order.id}`,
    },
    facts,
  };
}
