import { stores, type Store } from '@kds/db';
import { formatClock, translatorFor } from '@kds/i18n';
import type { DomainContext, TxContext } from '../context.ts';
import { enqueue } from '../outbox/enqueue.ts';
import { staffLanguageOf } from '../stores/languages.ts';
import { isOpenAt } from '../stores/opening-hours.ts';
import { acrossStores, inStore } from '../transaction.ts';
import { healthOf, pairedScreens, type ScreenHealth } from './screen-health.ts';

/**
 * Texts the store's managers about screens offline or behind for longer than the store allows,
 * during opening hours only. One text per screen, problem and manager: the key names when the
 * problem began, so a screen that recovers and fails again is reported again.
 */
export async function escalateStuckScreens(ctx: DomainContext): Promise<number> {
  const now = ctx.now();
  let queued = 0;
  // Every store's settings: the job runner's path across stores; each store's screens then in
  // a transaction acting for it.
  const all = await acrossStores(ctx, 'job-runner', ({ db }) => db.select().from(stores));
  for (const store of all) {
    const escalation = store.settings.notifications.escalation;
    if (!escalation?.phones.length) continue;
    if (!isOpenAt(store.openingHours, store.timezone, now)) continue;
    queued += await inStore(ctx, store.id, async (tx) => {
      let fresh = 0;
      for (const device of await pairedScreens(tx.db, store.id)) {
        const health = await healthOf(tx.db, device, now);
        if (health.state === 'live' || !health.since) continue;
        if (now.getTime() - health.since.getTime() < escalation.afterMinutes * 60_000) continue;
        fresh += await queueEscalation(tx, store, health);
      }
      return fresh;
    });
  }
  return queued;
}

async function queueEscalation(ctx: TxContext, store: Store, health: ScreenHealth) {
  const language = staffLanguageOf(null, store);
  const t = translatorFor(language, 'server');
  const time = health.since
    ? formatClock(health.since, language, { storeLocale: store.locale, timeZone: store.timezone })
    : '';
  const values = { store: store.name, screen: health.name, time };
  const text = t(
    health.state === 'offline' ? 'alerts.screenOffline' : 'alerts.screenBehind',
    values,
  );
  let queued = 0;
  for (const phone of store.settings.notifications.escalation?.phones ?? []) {
    const fresh = await enqueue(ctx, {
      storeId: store.id,
      orderId: null,
      channel: 'sms',
      dedupeKey: `screen:${health.deviceId}:${health.state}:${health.since?.toISOString()}:${phone}`,
      recipient: phone,
      template: 'sms.escalation',
      payload: { kind: 'escalation', text, deviceId: health.deviceId },
    });
    if (fresh) queued += 1;
  }
  return queued;
}
