import {
  completedSessionEvent,
  escapeHtml,
  formatMoney,
  handleStripeEvent,
  recordPaymentDetails,
  simulatedSession,
  type ApiContext,
  type StripeGateway,
} from '@kds/api';
import type { Database } from '@kds/db';
import { formatLocale, isLanguage, translatorFor } from '@kds/i18n';
import type { FastifyInstance } from 'fastify';

/** The simulated checkout's only style: allowed by its hash in the Content-Security-Policy. */
export const CHECKOUT_CSS = `body{font:18px system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#15181d}
.amount{font-size:2.4rem;font-weight:800}.note{color:#50596a}form{display:inline}
button{min-height:56px;padding:0 1.6rem;font:inherit;font-weight:700;border-radius:12px;border:2px solid #0b6b3a;margin:.4rem .4rem 0 0;cursor:pointer}
.pay{background:#0b6b3a;color:#fff}.decline{background:#fff;color:#b3261e;border-color:#b3261e}`;

const page = (
  language: string,
  title: string,
  body: string,
) => `<!doctype html><html lang="${language}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title>
<style>${CHECKOUT_CSS}</style>
</head><body>${body}</body></html>`;

/**
 * `/webhooks/stripe`: the signature is checked on the raw body (a bad or stale one is a 400 and
 * changes nothing), then the domain handles the event once. With the simulated gateway, also
 * the stand-in checkout page, whose Pay button posts a signed event to that same endpoint.
 */
export async function registerPaymentRoutes(
  app: FastifyInstance,
  options: {
    gateway: StripeGateway;
    db: Database;
    context: () => Promise<ApiContext>;
    onOutcome?: (outcome: string) => void;
  },
) {
  const { gateway } = options;
  await app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
    scope.post('/webhooks/stripe', async (request, reply) => {
      const signature = request.headers['stripe-signature'];
      let event;
      try {
        event = gateway.verifyWebhook(
          request.body as Buffer,
          typeof signature === 'string' ? signature : '',
        );
      } catch {
        request.log.warn('stripe webhook with a bad signature refused');
        options.onOutcome?.('refused');
        return reply.status(400).send({ error: 'invalid signature' });
      }
      const ctx = await options.context();
      const outcome = await handleStripeEvent(ctx, event);
      options.onOutcome?.(outcome);
      request.log.info({ eventId: event.id, type: event.type, outcome }, 'stripe webhook');
      // Fees and the receipt come from Stripe's charge; fetched after answering, off the path
      // that puts the ticket on the kitchen screens.
      const paymentIntent = (event.data.object as { payment_intent?: unknown }).payment_intent;
      if (outcome === 'paid' && typeof paymentIntent === 'string') {
        setImmediate(() => {
          recordPaymentDetails(ctx, paymentIntent).catch((err: unknown) =>
            request.log.warn({ err, paymentIntent }, 'payment details not recorded'),
          );
        });
      }
      return { received: true, outcome };
    });
  });

  if (!gateway.simulated) return;
  await app.register(async (scope) => simulatedCheckout(scope, app, options));
}

type CheckoutWord =
  'title' | 'simulated' | 'order' | 'pay' | 'decline' | 'closedTitle' | 'closed' | 'goBack';

/** The stand-in for Stripe's hosted page: plain HTML forms, so it works with any browser. */
function simulatedCheckout(
  app: FastifyInstance,
  root: FastifyInstance,
  options: { gateway: StripeGateway; db: Database },
) {
  const { gateway } = options;
  // Its buttons post empty forms: nothing in the body is read.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => done(null, body),
  );
  app.get<{ Params: { id: string } }>('/pay/:id', async (request, reply) => {
    const session = await simulatedSession(options.db, request.params.id);
    reply.type('text/html');
    // In the guest's language, as Stripe's page is (the session's `locale`).
    const language = isLanguage(session?.language) ? session.language : 'en';
    const t = translatorFor(language, 'server');
    const text = (key: `checkoutPage.${CheckoutWord}`, values: { number?: number } = {}) =>
      escapeHtml(t(key, values));
    if (!session || session.status !== 'pending') {
      const closed = `<h1>${text('checkoutPage.closed')}</h1><p>${text('checkoutPage.goBack')}</p>`;
      return reply.status(410).send(page(language, text('checkoutPage.closedTitle'), closed));
    }
    const locale = formatLocale(language, session.storeLocale);
    const amount = formatMoney(session.amountCents, session.currency, locale);
    const number = { number: session.number };
    return page(
      language,
      text('checkoutPage.title', number),
      `<p class="note">${text('checkoutPage.simulated')}</p>
       <h1>${text('checkoutPage.order', number)}</h1><p class="amount">${escapeHtml(amount)}</p>
       <form method="post" action="/pay/${request.params.id}/pay"><button class="pay">${text('checkoutPage.pay')}</button></form>
       <form method="post" action="/pay/${request.params.id}/decline"><button class="decline">${text('checkoutPage.decline')}</button></form>`,
    );
  });
  app.post<{ Params: { id: string } }>('/pay/:id/pay', async (request, reply) => {
    const session = await simulatedSession(options.db, request.params.id);
    if (!session) return reply.status(404).send();
    const payload = completedSessionEvent(request.params.id, session);
    const response = await root.inject({
      method: 'POST',
      url: '/webhooks/stripe',
      headers: { 'content-type': 'application/json', 'stripe-signature': gateway.sign(payload) },
      payload,
    });
    if (response.statusCode !== 200)
      return reply.status(502).send('the payment could not be recorded');
    return reply.redirect(`/track/${session.trackingToken}?paid=1`, 303);
  });
  app.post<{ Params: { id: string } }>('/pay/:id/decline', async (request, reply) => {
    const session = await simulatedSession(options.db, request.params.id);
    if (!session) return reply.status(404).send();
    // Like Stripe Checkout: a declined card sends no event; the guest can try again.
    return reply.redirect(`/track/${session.trackingToken}?canceled=1`, 303);
  });
}
