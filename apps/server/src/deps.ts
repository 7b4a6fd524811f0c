import {
  createEventLog,
  createNotifier,
  createRateLimits,
  createRawTcpPrinter,
  EventBus,
  LiveGroups,
  recordedCalls,
  recordedMail,
  recordedSms,
  stillValidPrincipals,
  StreamGuard,
  type ApiDeps,
  type ServiceModes,
  type StripeGateway,
} from '@kds/api';
import type { FastifyInstance } from 'fastify';
import type { AppOptions } from './app-options.ts';
import {
  DEFAULT_MESSAGES_PER_RECIPIENT_PER_DAY,
  DEFAULT_SESSION_TTL_HOURS,
  DEVELOPMENT_PEPPER,
} from './env.ts';
import { KDS_VERSION } from './paths.ts';
import { reportingReplica } from './read-replica.ts';

/** Long-lived parts every request shares: the database, the bus, the limits, the stream guard. */
export function createDeps(
  app: FastifyInstance,
  options: AppOptions,
  stripe: StripeGateway | null,
  publicUrl: string,
): ApiDeps {
  // Every statement the server sends runs as kds_app, under the policies (decision 0019); the
  // owner's handle migrates, seeds and backs up.
  const db = options.handle.app;
  const now = options.now ?? (() => new Date());
  const log = createEventLog(db);
  const notifier = createNotifier(options.handle, (error) =>
    app.log.warn({ err: error }, 'waking other instances failed; their poll will catch up'),
  );
  app.addHook('onClose', () => notifier.drain());
  const bus = new EventBus(log, {
    onError: (error) => app.log.error({ err: error }, 'event bus'),
    announce: (storeId, seq) => notifier.notify(storeId, seq),
  });
  return {
    db,
    payments: stripe,
    bus,
    liveGroups: new LiveGroups(bus),
    log,
    now,
    geocoder: options.geocoder ?? null,
    replica: options.replica
      ? reportingReplica(options.replica.handle, options.replica.maxLagSeconds, app.log)
      : null,
    limits: createRateLimits(
      db,
      options.ordersPerMinute ? { ordersPerMinute: options.ordersPerMinute } : {},
    ),
    streams: new StreamGuard({
      perPrincipal: options.subscriptionsPerPrincipal ?? 20,
      perAddress: options.subscriptionsPerAddress ?? 1000,
      recheckMs: options.revalidateMs ?? 2_000,
      stillValid: (principals) => stillValidPrincipals(db, principals, now()),
      onError: (err) => app.log.error({ err }, 'checking live sign-ins failed'),
    }),
    config: {
      sessionTtlMs: DEFAULT_SESSION_TTL_HOURS * 3600_000,
      maxReplayEvents: 10_000,
      publicUrl,
      version: KDS_VERSION,
      // Development only: env.ts requires PICKUP_CODE_PEPPER in production.
      pickupPepper: DEVELOPMENT_PEPPER,
      messagesPerRecipientPerDay: DEFAULT_MESSAGES_PER_RECIPIENT_PER_DAY,
      services: serviceModes(options, stripe),
      ...options.domain,
    },
  };
}

function serviceModes(options: AppOptions, stripe: StripeGateway | null): ServiceModes {
  return {
    production: options.production ?? false,
    payments: stripe === null ? 'off' : stripe.simulated ? 'simulated' : 'stripe',
    sms: options.sms ? 'twilio' : 'recorded',
    email: options.mail ? 'smtp' : 'recorded',
  };
}

/** Where messages leave: the configured providers, or stand-ins that write them down. */
export function providers(
  app: FastifyInstance,
  options: AppOptions,
  stripe: StripeGateway | null,
  production: boolean,
) {
  const note = (what: Record<string, unknown>, message: string) => app.log.info(what, message);
  return {
    stripe,
    sms: options.sms ?? recordedSms(note),
    calls: options.calls ?? recordedCalls(note),
    mail: options.mail ?? recordedMail(note),
    webhooks: {
      requireHttps: production,
      allowedNetworks: options.webhookAllowedNetworks ?? [],
    },
    printers: options.printers ?? createRawTcpPrinter(),
  };
}
