import { outbox, webhookEndpoints, webhookEvents, type Queryable } from '@kds/db';
import { and, count, desc, eq, isNotNull, max } from 'drizzle-orm';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext, ServiceModes } from '../context.ts';
import { inStore } from '../transaction.ts';

export type ServiceState = 'connected' | 'failing' | 'simulated' | 'off';

export interface ServiceStatus {
  service: 'payments' | 'sms' | 'call' | 'email' | 'webhook';
  /** Which provider, as the server is configured: "Stripe", "Twilio", "SMTP", or a stand-in. */
  provider: string;
  state: ServiceState;
  lastSuccessAt: Date | null;
  lastError: { at: Date; message: string } | null;
}

type Channel = 'sms' | 'call' | 'email' | 'webhook';
type History = Pick<ServiceStatus, 'lastSuccessAt' | 'lastError'>;

/**
 * For the console's Services card: what each outside service is (connected, simulated, off)
 * and how it has been doing for this store (its last success, its last failure). A service
 * whose last attempt failed is "failing" until one succeeds again.
 */
export async function serviceStatus({ ctx }: { ctx: DomainContext }): Promise<ServiceStatus[]> {
  const manager = requireManager(ctx);
  const { storeId } = manager;
  return inStore(ctx, storeId, async (tx) => {
    const modes = tx.config.services;
    const twilio = modes.sms === 'twilio' ? 'Twilio' : null;
    const row = async (service: Channel, provider: string | null): Promise<ServiceStatus> => {
      const history = await channelHistory(tx.db, storeId, service);
      return {
        service,
        provider: provider ?? 'Recorded only',
        state: stateOf(provider !== null, history),
        ...history,
      };
    };
    const [{ n: endpoints } = { n: 0 }] = await tx.db
      .select({ n: count() })
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.storeId, storeId));
    const rows = await Promise.all([
      row('sms', twilio),
      row('call', twilio),
      row('email', modes.email === 'smtp' ? 'SMTP' : null),
      row('webhook', 'HTTPS'),
    ]);
    return [await paymentsStatus(tx.db, modes.payments), ...rows].map((s) =>
      s.service === 'webhook' && endpoints === 0
        ? { ...s, provider: 'No endpoints', state: 'off' as const }
        : s,
    );
  });
}

/** Payments: the provider as configured, and when Stripe's last webhook was processed. */
async function paymentsStatus(
  db: Queryable,
  mode: ServiceModes['payments'],
): Promise<ServiceStatus> {
  const [stripe] = await db
    .select({ at: max(webhookEvents.processedAt) })
    .from(webhookEvents)
    .where(and(eq(webhookEvents.provider, 'stripe'), isNotNull(webhookEvents.processedAt)));
  return {
    service: 'payments',
    provider: { stripe: 'Stripe', simulated: 'Simulated checkout', off: 'None' }[mode],
    state: mode === 'stripe' ? 'connected' : mode === 'off' ? 'off' : 'simulated',
    lastSuccessAt: stripe?.at ?? null,
    lastError: null,
  };
}

/** A channel's last message sent, and its last that failed, for the store. */
async function channelHistory(db: Queryable, storeId: string, name: Channel): Promise<History> {
  const mine = and(eq(outbox.storeId, storeId), eq(outbox.channel, name));
  const [sent] = await db
    .select({ at: max(outbox.sentAt) })
    .from(outbox)
    .where(and(mine, eq(outbox.status, 'sent')));
  const [failed] = await db
    .select({ at: outbox.createdAt, message: outbox.error })
    .from(outbox)
    .where(and(mine, eq(outbox.status, 'failed')))
    .orderBy(desc(outbox.createdAt))
    .limit(1);
  return {
    lastSuccessAt: sent?.at ?? null,
    lastError: failed ? { at: failed.at, message: failed.message ?? 'not delivered' } : null,
  };
}

function stateOf(real: boolean, history: History): ServiceState {
  if (!real) return 'simulated';
  const { lastError, lastSuccessAt } = history;
  return lastError && lastError.at > (lastSuccessAt ?? new Date(0)) ? 'failing' : 'connected';
}
