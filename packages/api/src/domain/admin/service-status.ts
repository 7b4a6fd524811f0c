import { outbox, webhookEndpoints, webhookEvents } from '@kds/db';
import { and, count, desc, eq, isNotNull, max } from 'drizzle-orm';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
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

/**
 * For the console's Services card: what each outside service is (connected, simulated, off)
 * and how it has been doing for this store (its last success, its last failure). A service
 * whose last attempt failed is "failing" until one succeeds again.
 */
export async function serviceStatus({ ctx }: { ctx: DomainContext }): Promise<ServiceStatus[]> {
  const manager = requireManager(ctx);
  return inStore(ctx, manager.storeId, async (tx) => {
    const modes = tx.config.services;
    const channel = async (name: 'sms' | 'call' | 'email' | 'webhook') => {
      const mine = eq(outbox.storeId, manager.storeId);
      const [sent] = await tx.db
        .select({ at: max(outbox.sentAt) })
        .from(outbox)
        .where(and(mine, eq(outbox.channel, name), eq(outbox.status, 'sent')));
      const [failed] = await tx.db
        .select({ at: outbox.createdAt, message: outbox.error })
        .from(outbox)
        .where(and(mine, eq(outbox.channel, name), eq(outbox.status, 'failed')))
        .orderBy(desc(outbox.createdAt))
        .limit(1);
      return {
        lastSuccessAt: sent?.at ?? null,
        lastError: failed ? { at: failed.at, message: failed.message ?? 'not delivered' } : null,
      };
    };
    const state = (
      real: boolean,
      history: Omit<ServiceStatus, 'service' | 'provider' | 'state'>,
    ) =>
      !real
        ? 'simulated'
        : history.lastError && history.lastError.at > (history.lastSuccessAt ?? new Date(0))
          ? 'failing'
          : 'connected';

    const [stripe] = await tx.db
      .select({ at: max(webhookEvents.processedAt) })
      .from(webhookEvents)
      .where(and(eq(webhookEvents.provider, 'stripe'), isNotNull(webhookEvents.processedAt)));
    const payments: ServiceStatus = {
      service: 'payments',
      provider: { stripe: 'Stripe', simulated: 'Simulated checkout', off: 'None' }[modes.payments],
      state:
        modes.payments === 'stripe' ? 'connected' : modes.payments === 'off' ? 'off' : 'simulated',
      lastSuccessAt: stripe?.at ?? null,
      lastError: null,
    };
    const [{ n: endpoints } = { n: 0 }] = await tx.db
      .select({ n: count() })
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.storeId, manager.storeId));
    const twilio = modes.sms === 'twilio';
    const smtp = modes.email === 'smtp';
    const row = async (
      service: 'sms' | 'call' | 'email' | 'webhook',
      provider: string | null,
    ): Promise<ServiceStatus> => {
      const history = await channel(service);
      const real = provider !== null;
      return {
        service,
        provider: provider ?? 'Recorded only',
        state: state(real, history),
        ...history,
      };
    };
    return [
      payments,
      ...(await Promise.all([
        row('sms', twilio ? 'Twilio' : null),
        row('call', twilio ? 'Twilio' : null),
        row('email', smtp ? 'SMTP' : null),
        row('webhook', 'HTTPS'),
      ])),
    ].map((s) =>
      s.service === 'webhook' && endpoints === 0
        ? { ...s, provider: 'No endpoints', state: 'off' as const }
        : s,
    );
  });
}
