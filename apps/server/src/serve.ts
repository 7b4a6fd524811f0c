import {
  createSimulatedStripe,
  createSmtpMailer,
  createStripeGateway,
  createTwilioCalls,
  createTwilioSms,
  hashPassword,
  issueSetupCode,
  onlinePaymentStores,
  type StripeGateway,
} from '@kds/api';
import { openReplica, seedDemo, type DbHandle } from '@kds/db';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from './app.ts';
import { scheduleDailyBackups } from './backups.ts';
import { openDatabase } from './database.ts';
import { EnvError, type Env } from './env.ts';
import { paths } from './paths.ts';
import { geocoderFrom } from './geocoder.ts';

/** `kds start`: migrate, check what production needs, serve until SIGINT/SIGTERM. */
export async function serve(env: Env) {
  const production = env.NODE_ENV === 'production';
  const { handle, release } = await openDatabase(env, 'kds server');
  await handle.migrate();
  const seeded = env.SEED_DEMO ? await seedDemo(handle.db, { hashPassword }) : false;
  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  const stripe = paymentGateway(env, publicUrl);
  if (stripe === null) await refuseOnlinePaymentWithoutStripe(handle);

  const replica = env.DATABASE_REPLICA_URL
    ? openReplica({ url: env.DATABASE_REPLICA_URL, maxConnections: env.DATABASE_POOL_SIZE })
    : null;
  const app = await buildApp({
    ...appOptions(env, handle, stripe, publicUrl),
    ...(replica
      ? { replica: { handle: replica, maxLagSeconds: env.DATABASE_REPLICA_MAX_LAG_SECONDS } }
      : {}),
  });
  if (seeded)
    app.log.info('seeded the demo store: the demo logins are in the README (password demo)');
  if (!env.PICKUP_CODE_PEPPER)
    app.log.warn('PICKUP_CODE_PEPPER is not set: using the development secret');
  if (production && stripe?.simulated) {
    app.log.warn('ALLOW_SIMULATED_PAYMENTS: online payments are simulated; no guest is charged');
  }

  if (production && !env.DATABASE_URL && !env.BACKUP_DIR) {
    app.log.warn('BACKUP_DIR is not set: no daily backup; see docs/deploy.md, "Backups"');
  }
  const backups = scheduleDailyBackups(env, handle, app.log);

  stopOnSignals(app, async () => {
    backups.stop();
    await replica?.close();
    await handle.close();
    await release();
  });
  await app.listen({ port: env.PORT, host: env.HOST });
  app.log.info(
    { database: handle.driver === 'postgres' ? 'postgresql' : `pglite at ${env.DATA_DIR}` },
    `KDS is serving on http://localhost:${env.PORT}`,
  );
  const code = await issueSetupCode(handle.db, new Date());
  if (code) {
    app.log.warn(
      `No store yet. Open ${publicUrl}/admin/ and enter the setup code ${code} (valid 24 hours), or run \`pnpm kds setup\` on this machine.`,
    );
  }
}

/** Everything the app is built with, from the environment. */
function appOptions(
  env: Env,
  handle: DbHandle,
  stripe: StripeGateway | null,
  publicUrl: string,
): AppOptions {
  const twilio = twilioConfig(env, publicUrl);
  return {
    ...(twilio
      ? {
          sms: createTwilioSms(twilio),
          calls: createTwilioCalls(twilio),
          twilioAuthToken: twilio.authToken,
        }
      : {}),
    production: env.NODE_ENV === 'production',
    outboxMaxAttempts: env.OUTBOX_MAX_ATTEMPTS,
    corsOrigins: env.CORS_ORIGINS,
    ordersPerMinute: env.ORDERS_PER_MINUTE_PER_ADDRESS,
    ...(env.METRICS_TOKEN ? { metricsToken: env.METRICS_TOKEN } : {}),
    ...(env.SMTP_URL ? { mail: createSmtpMailer({ url: env.SMTP_URL, from: env.MAIL_FROM }) } : {}),
    stripe,
    publicUrl,
    handle,
    logger: { level: env.LOG_LEVEL },
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    wsMaxBufferedBytes: env.WS_MAX_BUFFERED_BYTES,
    wsMaxConnectionsPerAddress: env.WS_MAX_CONNECTIONS_PER_ADDRESS,
    subscriptionsPerPrincipal: env.SUBSCRIPTIONS_PER_PRINCIPAL,
    subscriptionsPerAddress: env.SUBSCRIPTIONS_PER_ADDRESS,
    webhookAllowedNetworks: env.WEBHOOK_ALLOWED_NETWORKS,
    ...(env.TRUST_PROXY !== undefined ? { trustProxy: env.TRUST_PROXY } : {}),
    cookieSecure: env.COOKIE_SECURE,
    geocoder: geocoderFrom(env),
    domain: {
      sessionTtlMs: env.SESSION_TTL_HOURS * 3600_000,
      messagesPerRecipientPerDay: env.MESSAGES_PER_RECIPIENT_PER_DAY,
      ...(env.PICKUP_CODE_PEPPER ? { pickupPepper: env.PICKUP_CODE_PEPPER } : {}),
    },
    staticApps: [
      { prefix: '/kitchen/', root: paths.app('kitchen') },
      {
        prefix: '/app/',
        root: paths.app('tracker'),
        entryPaths: ['/order/', '/track/', '/board/'],
      },
      { prefix: '/admin/', root: paths.app('admin') },
    ],
  };
}

/** SIGINT/SIGTERM: tell clients to reconnect, drain, close the database; exit within 10 s. */
function stopOnSignals(app: FastifyInstance, closeDatabase: () => Promise<void>) {
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    try {
      await app.close();
      await closeDatabase();
    } finally {
      clearTimeout(force);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

/**
 * Stripe with keys; without them, the simulated checkout in development, and in production
 * only when the operator asked for it (ALLOW_SIMULATED_PAYMENTS): otherwise no online payment.
 */
function paymentGateway(env: Env, publicUrl: string): StripeGateway | null {
  if (env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET) {
    return createStripeGateway({
      secretKey: env.STRIPE_SECRET_KEY,
      webhookSecret: env.STRIPE_WEBHOOK_SECRET,
      ...(env.STRIPE_API_URL ? { apiUrl: env.STRIPE_API_URL } : {}),
    });
  }
  if (env.NODE_ENV === 'production' && !env.ALLOW_SIMULATED_PAYMENTS) return null;
  return createSimulatedStripe({
    publicUrl,
    ...(env.STRIPE_WEBHOOK_SECRET ? { webhookSecret: env.STRIPE_WEBHOOK_SECRET } : {}),
  });
}

/** A store that takes payment online, and nothing to take it with: the kitchen would cook for free. */
async function refuseOnlinePaymentWithoutStripe(handle: DbHandle) {
  const stores = await onlinePaymentStores(handle.db);
  if (stores.length === 0) return;
  await handle.close();
  throw new EnvError(
    [
      'invalid environment:',
      `  STRIPE_SECRET_KEY: store(s) ${stores.join(', ')} take payment online, and Stripe is not configured.`,
      '    Set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET, or switch those stores to payment at the',
      '    counter, or set ALLOW_SIMULATED_PAYMENTS=true to run the simulated checkout (no money moves).',
    ].join('\n'),
  );
}

function twilioConfig(env: Env, publicUrl: string) {
  if (!env.TWILIO_ACCOUNT_SID || !env.TWILIO_AUTH_TOKEN || !env.TWILIO_FROM) return undefined;
  return {
    accountSid: env.TWILIO_ACCOUNT_SID,
    authToken: env.TWILIO_AUTH_TOKEN,
    from: env.TWILIO_FROM,
    statusCallbackUrl: `${publicUrl}/webhooks/twilio/status`,
    ...(env.TWILIO_API_URL ? { apiUrl: env.TWILIO_API_URL } : {}),
  };
}
