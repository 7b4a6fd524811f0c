import { outbox, stores, type Store } from '@kds/db';
import { and, eq, inArray } from 'drizzle-orm';
import { requireFrontOfHouse } from '../auth/require-front-of-house.ts';
import type { DomainContext } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { placeInStore } from './place-order.ts';
import type { Problem } from './pricing.ts';
import type { EnterOrderInput } from './schemas.ts';
import { inStore } from '../transaction.ts';

/** A payment link works for a day unless the store says otherwise (30 minutes to 48 hours). */
const DEFAULT_LINK_MINUTES = 24 * 60;

/**
 * A phone order or a walk-in, keyed in by a manager or at the expo screen, under the guest's
 * rules: same menu, prices, allergies, pacing and delivery area. Paid at the counter it goes
 * to the kitchen now; with a payment link it waits, like a guest's online order, until paid,
 * and the link goes out by text or email in the order's own transaction.
 */
export async function enterOrder({ ctx, input }: { ctx: DomainContext; input: EnterOrderInput }) {
  const principal = await requireFrontOfHouse(ctx);
  return keyInOrder(ctx, principal.storeId, input, 'staff');
}

/** Staff at the pass, or an integration with its API key: the same rules for both. */
export async function keyInOrder(
  ctx: DomainContext,
  storeId: string,
  input: EnterOrderInput,
  source: 'staff' | 'api',
) {
  const [store] = await inStore(ctx, storeId, ({ db }) =>
    db.select().from(stores).where(eq(stores.id, storeId)),
  );
  if (!store) throw new NotFoundError('store');
  const { payment, sendLinkBy, ...order } = input;
  const link = payment === 'link';
  if (link) refuseUnsendableLink(ctx, store, input);
  const method = link ? 'online' : 'counter';
  const placed = await placeInStore(
    ctx,
    store,
    { ...order, storeSlug: store.slug, payment: method },
    () => ({
      method,
      source,
      ...(link
        ? { paymentMinutes: store.settings.paymentLinkMinutes ?? DEFAULT_LINK_MINUTES, sendLinkBy }
        : {}),
    }),
  );
  return {
    ...placed,
    /** The guest's page for the order: it shows the order, the ready time and "Pay now". */
    payUrl: link ? `${ctx.config.publicUrl}/track/${placed.trackingToken}` : null,
    /** How the link is on its way, as the outbox holds it (a number that replied STOP gets none). */
    linkSentBy: link ? await linkMessages(ctx, storeId, placed.orderId) : null,
  };
}

async function linkMessages(ctx: DomainContext, storeId: string, orderId: string) {
  const queued = await inStore(ctx, storeId, ({ db }) =>
    db
      .select({ template: outbox.template })
      .from(outbox)
      .where(
        and(
          eq(outbox.orderId, orderId),
          inArray(outbox.template, ['sms.payment_link', 'email.payment_link']),
        ),
      ),
  );
  const has = (template: string) => queued.some((m) => m.template === template);
  return { sms: has('sms.payment_link'), email: has('email.payment_link') };
}

/** A link nobody can pay (no provider) or send (no number, texts off) is refused up front. */
function refuseUnsendableLink(ctx: DomainContext, store: Store, input: EnterOrderInput) {
  const problems: Problem[] = [];
  const { notifications } = store.settings;
  if (!ctx.payments) {
    problems.push({
      path: ['payment'],
      code: 'PAYMENT_METHOD_UNAVAILABLE',
      message: 'online payment is not set up here; take payment at the counter',
      say: { key: 'noOnlinePayment' },
    });
  }
  const channels = [
    { on: input.sendLinkBy.sms, to: input.customer.phone, name: 'phone', off: !notifications.sms },
    {
      on: input.sendLinkBy.email,
      to: input.customer.email,
      name: 'email',
      off: !notifications.email,
    },
  ] as const;
  for (const c of channels) {
    if (!c.on) continue;
    if (!c.to) {
      problems.push({
        path: ['customer', c.name],
        code: 'CONTACT_MISSING',
        message:
          c.name === 'phone'
            ? 'a phone number is needed to text the link'
            : 'an email address is needed to email the link',
        say: { key: c.name === 'phone' ? 'phoneForLink' : 'emailForLink' },
      });
    } else if (c.off) {
      problems.push({
        path: ['sendLinkBy', c.name === 'phone' ? 'sms' : 'email'],
        code: 'CHANNEL_OFF',
        message: `${c.name === 'phone' ? 'texts are' : 'email is'} turned off in Settings → Messages`,
        say: { key: c.name === 'phone' ? 'textsOff' : 'emailOff' },
      });
    }
  }
  if (problems.length > 0) {
    throw new ValidationError({ key: 'orders.linkNotSent' }, { problems });
  }
}
