import { staff, staffMemberships, stores, webhookEndpoints, type Store } from '@kds/db';
import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { formatDayClock, translatorFor, type Language } from '@kds/i18n';
import type { DomainContext, TxContext } from '../context.ts';
import { enqueue } from '../outbox/enqueue.ts';
import { staffLanguageOf } from '../stores/languages.ts';
import { acrossStores, inStore } from '../transaction.ts';

/** How long an endpoint may keep failing before the store's managers hear of it. */
const DEFAULT_ALERT_MINUTES = 15;

/** A delivery failed: the incident starts now unless one is already open. */
export async function markFailing(
  ctx: DomainContext,
  endpoint: { id: string; storeId: string },
  error: string,
) {
  const endpointId = endpoint.id;
  await inStore(ctx, endpoint.storeId, ({ db }) =>
    db
      .update(webhookEndpoints)
      .set({
        failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${ctx.now().toISOString()}::timestamptz)`,
        lastError: error.slice(0, 300),
      })
      .where(eq(webhookEndpoints.id, endpointId)),
  );
}

/** A delivery went through: the incident, if any, is over (the next failure is a new one). */
export async function markAnswering(ctx: DomainContext, endpoint: { id: string; storeId: string }) {
  await inStore(ctx, endpoint.storeId, ({ db }) =>
    db
      .update(webhookEndpoints)
      .set({ failingSince: null, lastError: null, alertedAt: null })
      .where(and(eq(webhookEndpoints.id, endpoint.id), isNotNull(webhookEndpoints.failingSince))),
  );
}

/**
 * Tells a store's managers and owners (by email, and by text to its escalation numbers) about
 * each endpoint that has failed for longer than the store allows: once per incident, however
 * many instances run this, because the alert is claimed with one conditional update.
 */
export async function alertFailingWebhooks(ctx: DomainContext): Promise<number> {
  const now = ctx.now();
  // Every store's endpoints: the job runner's path across stores.
  const failing = await acrossStores(ctx, 'job-runner', ({ db }) =>
    db
      .select({ endpoint: webhookEndpoints, store: stores })
      .from(webhookEndpoints)
      .innerJoin(stores, eq(stores.id, webhookEndpoints.storeId))
      .where(
        and(
          eq(webhookEndpoints.active, true),
          isNotNull(webhookEndpoints.failingSince),
          isNull(webhookEndpoints.alertedAt),
        ),
      ),
  );
  let alerted = 0;
  for (const { endpoint, store } of failing) {
    const allowedMs = (store.settings.webhookAlertMinutes ?? DEFAULT_ALERT_MINUTES) * 60_000;
    const since = endpoint.failingSince;
    if (!since || now.getTime() - since.getTime() < allowedMs) continue;
    const sent = await inStore(ctx, store.id, async (tx) => {
      const [claimed] = await tx.db
        .update(webhookEndpoints)
        .set({ alertedAt: now })
        .where(and(eq(webhookEndpoints.id, endpoint.id), isNull(webhookEndpoints.alertedAt)))
        .returning();
      if (!claimed) return false;
      await queueAlert(tx, store, {
        id: endpoint.id,
        url: endpoint.url,
        since,
        error: endpoint.lastError,
      });
      return true;
    });
    if (sent) alerted += 1;
  }
  return alerted;
}

async function queueAlert(
  tx: TxContext,
  store: Store,
  endpoint: { id: string; url: string; since: Date; error: string | null },
) {
  const host = new URL(endpoint.url).host;
  // Each manager reads it in their own language; the store's escalation phones in its staff one.
  const words = (language: Language) => {
    const t = translatorFor(language, 'server');
    const values = {
      store: store.name,
      host,
      since: formatDayClock(endpoint.since, language, {
        storeLocale: store.locale,
        timeZone: store.timezone,
      }),
      error: endpoint.error,
    };
    return {
      subject: t('alerts.webhookSubject', values),
      text: t(endpoint.error ? 'alerts.webhookFailingBecause' : 'alerts.webhookFailing', values),
    };
  };
  const managers = await tx.db
    .select({ email: staff.email, language: staff.language })
    .from(staffMemberships)
    .innerJoin(staff, eq(staff.id, staffMemberships.staffId))
    .where(
      and(
        eq(staffMemberships.storeId, store.id),
        inArray(staffMemberships.role, ['owner', 'manager']),
        isNull(staffMemberships.suspendedAt),
      ),
    );
  const incident = `webhook:${endpoint.id}:${endpoint.since.toISOString()}`;
  const to = [
    ...managers.map((m) => ({
      channel: 'email' as const,
      recipient: m.email,
      language: staffLanguageOf(m.language, store),
    })),
    ...(store.settings.notifications.escalation?.phones ?? []).map((phone) => ({
      channel: 'sms' as const,
      recipient: phone,
      language: staffLanguageOf(null, store),
    })),
  ];
  for (const { channel, recipient, language } of to) {
    await enqueue(tx, {
      storeId: store.id,
      orderId: null,
      channel,
      dedupeKey: `${incident}:${recipient}`,
      recipient,
      template: `${channel}.webhook_failing`,
      payload: { kind: 'staff_alert', ...words(language) },
    });
  }
}
