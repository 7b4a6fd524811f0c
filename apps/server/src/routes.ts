import type { ApiDeps, StripeGateway } from '@kds/api';
import type { FastifyInstance } from 'fastify';
import type { AppOptions } from './app-options.ts';
import { registerExportRoutes } from './export-routes.ts';
import { KDS_VERSION } from './paths.ts';
import type { registerMetrics } from './metrics.ts';
import { registerPaymentRoutes } from './payment-routes.ts';
import { registerQrRoutes } from './qr-routes.ts';
import { internalContext, requestContext } from './request-auth.ts';
import { registerRestApi } from './rest-api.ts';
import { serveStaticApp } from './static-apps.ts';
import { registerTwilioRoutes } from './twilio-routes.ts';

/** Every route beside `/trpc`: the front ends, providers' webhooks, REST, files, health. */
export async function registerRoutes(
  app: FastifyInstance,
  options: AppOptions,
  deps: ApiDeps,
  stripe: StripeGateway | null,
  metrics: ReturnType<typeof registerMetrics>,
) {
  for (const staticApp of options.staticApps ?? []) await serveStaticApp(app, staticApp);
  await registerProviderWebhooks(app, options, deps, stripe, metrics);
  await registerRestApi(app, deps);
  const fromRequest = requestContext(app, deps);
  await registerExportRoutes(app, { context: fromRequest });
  await registerQrRoutes(app, { publicUrl: deps.config.publicUrl, context: fromRequest });
  registerHealth(app, options);
}

/** Stripe's and Twilio's callbacks: each checks the provider's signature, acts as no one. */
async function registerProviderWebhooks(
  app: FastifyInstance,
  options: AppOptions,
  deps: ApiDeps,
  stripe: StripeGateway | null,
  metrics: ReturnType<typeof registerMetrics>,
) {
  const context = internalContext(deps);
  if (options.twilioAuthToken) {
    await registerTwilioRoutes(app, {
      authToken: options.twilioAuthToken,
      publicUrl: deps.config.publicUrl,
      context,
    });
  }
  if (stripe) {
    await registerPaymentRoutes(app, {
      onOutcome: (outcome) => metrics.webhook('stripe', outcome),
      gateway: stripe,
      db: deps.db,
      context,
    });
  }
}

/** `/healthz`: the process answers; `/readyz`: and so does its database. */
function registerHealth(app: FastifyInstance, options: AppOptions) {
  app.get('/healthz', async () => ({ ok: true, version: KDS_VERSION }));
  app.get('/readyz', async (_request, reply) => {
    try {
      await options.handle.ping();
      return { ok: true, database: options.handle.driver };
    } catch (error) {
      app.log.warn({ err: error }, 'database not reachable');
      return reply.status(503).send({ ok: false, database: options.handle.driver });
    }
  });
}
