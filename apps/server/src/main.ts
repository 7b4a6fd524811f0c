import { fileURLToPath } from 'node:url';
import {
  createPostcodeLookup,
  createSimulatedStripe,
  createSmtpMailer,
  createStripeGateway,
  createTwilioCalls,
  createTwilioSms,
  hashPassword,
} from '@kds/api';
import { createDb, seedDemo } from '@kds/db';
import { buildApp } from './app.ts';
import { EnvError, loadEnv } from './env.ts';

const appDist = (name: string) => fileURLToPath(new URL(`../../${name}/dist`, import.meta.url));

async function main() {
  const env = loadEnv();
  const handle = await createDb(
    env.DATABASE_URL
      ? { driver: 'postgres', url: env.DATABASE_URL, maxConnections: env.DATABASE_POOL_SIZE }
      : { driver: 'pglite', dataDir: env.DATA_DIR },
  );
  await handle.migrate();
  const seeded = env.SEED_DEMO ? await seedDemo(handle.db, { hashPassword }) : false;

  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  const stripe =
    env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET
      ? createStripeGateway({
          secretKey: env.STRIPE_SECRET_KEY,
          webhookSecret: env.STRIPE_WEBHOOK_SECRET,
          ...(env.STRIPE_API_URL ? { apiUrl: env.STRIPE_API_URL } : {}),
        })
      : createSimulatedStripe({
          publicUrl,
          ...(env.STRIPE_WEBHOOK_SECRET ? { webhookSecret: env.STRIPE_WEBHOOK_SECRET } : {}),
        });
  const twilio =
    env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN && env.TWILIO_FROM
      ? {
          accountSid: env.TWILIO_ACCOUNT_SID,
          authToken: env.TWILIO_AUTH_TOKEN,
          from: env.TWILIO_FROM,
          statusCallbackUrl: `${publicUrl}/webhooks/twilio/status`,
          ...(env.TWILIO_API_URL ? { apiUrl: env.TWILIO_API_URL } : {}),
        }
      : undefined;
  const app = await buildApp({
    ...(twilio
      ? {
          sms: createTwilioSms(twilio),
          calls: createTwilioCalls(twilio),
          twilioAuthToken: twilio.authToken,
        }
      : {}),
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
    ...(env.TRUST_PROXY !== undefined ? { trustProxy: env.TRUST_PROXY } : {}),
    cookieSecure: env.COOKIE_SECURE,
    postcodes: env.POSTCODE_API_URL ? createPostcodeLookup(env.POSTCODE_API_URL) : null,
    domain: {
      sessionTtlMs: env.SESSION_TTL_HOURS * 3600_000,
      ...(env.PICKUP_CODE_PEPPER ? { pickupPepper: env.PICKUP_CODE_PEPPER } : {}),
    },
    staticApps: [
      { prefix: '/kitchen/', root: appDist('kitchen') },
      { prefix: '/app/', root: appDist('tracker'), entryPaths: ['/order/', '/track/', '/board/'] },
      { prefix: '/admin/', root: appDist('admin') },
    ],
  });
  if (seeded) app.log.info('seeded the demo store (owner@demo.test / demo)');
  if (!env.PICKUP_CODE_PEPPER)
    app.log.warn('PICKUP_CODE_PEPPER is not set: using the development secret');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    try {
      await app.close();
      await handle.close();
    } finally {
      clearTimeout(force);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: env.PORT, host: env.HOST });
  app.log.info(
    { database: handle.driver === 'postgres' ? 'postgresql' : `pglite at ${env.DATA_DIR}` },
    `KDS is serving on http://localhost:${env.PORT}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
});
