import { storeSlugAliases, stores } from '@kds/db';
import { isLanguage } from '@kds/i18n';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit.ts';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { defaultTemplates } from '../notifications/templates.ts';
import { forgetTicketTimes } from '../reports/ticket-times.ts';
import type { StoreSettingsInput } from './schemas.ts';
import { internationalPhone } from '../orders/phone.ts';
import { guestLanguageOf, staffLanguageOf } from './languages.ts';
import { assertCurrencyMayChange, renameSlug, slugFreeAcrossStores } from './store-slug.ts';
import { inStore } from '../transaction.ts';

/** The store as its manager edits it, with the default message texts to start from. */
export async function getStoreSettings({ ctx }: { ctx: DomainContext }) {
  const manager = requireManager(ctx);
  return inStore(ctx, manager.storeId, async (tx) => {
    const [store] = await tx.db.select().from(stores).where(eq(stores.id, manager.storeId));
    if (!store) throw new NotFoundError('store');
    const aliases = await tx.db
      .select({ slug: storeSlugAliases.slug })
      .from(storeSlugAliases)
      .where(eq(storeSlugAliases.storeId, store.id));
    return {
      id: store.id,
      slug: store.slug,
      currency: store.currency,
      name: store.name,
      timezone: store.timezone,
      locale: store.locale,
      staffLanguage: staffLanguageOf(null, store),
      guestLanguages: store.guestLanguages.filter(isLanguage),
      openingHours: store.openingHours,
      settings: store.settings,
      // What a store's own wording replaces: KDS's, in its first guest language.
      defaultTemplates: defaultTemplates(guestLanguageOf(store, null)),
      formerSlugs: aliases.map((a) => a.slug),
    };
  });
}

/** Saves the whole settings form at once; the audit log keeps what it was and what it became. */
export async function updateStoreSettings({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: StoreSettingsInput;
}) {
  const manager = requireManager(ctx);
  // Another store's address, now or before, is seen only across stores.
  await slugFreeAcrossStores(ctx, input.slug, manager.storeId);
  return inStore(ctx, manager.storeId, async (tx) => {
    if (input.settings.paymentMode !== 'counter' && tx.payments === null) {
      throw new ValidationError(
        { key: 'admin.stripeNeeded' },
        {
          problems: [{ path: ['settings', 'paymentMode'], code: 'PAYMENTS_NOT_CONFIGURED' }],
        },
      );
    }
    const [before] = await tx.db
      .select()
      .from(stores)
      .where(eq(stores.id, manager.storeId))
      .for('update');
    if (!before) throw new NotFoundError('store');
    await assertCurrencyMayChange(tx.db, before, input.currency);
    const settings = withInternationalPhones({ locale: input.locale ?? before.locale }, input);
    await renameSlug(tx.db, before, input.slug);
    const changed = {
      name: input.name,
      slug: input.slug,
      currency: input.currency,
      timezone: input.timezone,
      locale: input.locale ?? before.locale,
      staffLanguage: input.staffLanguage ?? before.staffLanguage,
      guestLanguages: input.guestLanguages ?? before.guestLanguages,
      openingHours: input.openingHours,
      settings,
    };
    const [after] = await tx.db
      .update(stores)
      .set(changed)
      .where(eq(stores.id, before.id))
      .returning();
    // The hours of the day the report kept were the old zone's: kept again in the new one.
    if (input.timezone !== before.timezone) await forgetTicketTimes(tx.db, before.id);
    // The audit keeps the same fields as they were and as they are now.
    const was = Object.fromEntries(
      Object.keys(changed).map((key) => [key, before[key as keyof typeof changed]]),
    );
    await recordAudit(tx.db, manager, {
      action: 'store.settings_updated',
      entity: 'store',
      entityId: before.id,
      before: was,
      after: changed,
    });
    return { id: after?.id ?? before.id };
  });
}

/** The store's own and its escalation numbers, typed as dialled there, in international form. */
function withInternationalPhones(
  where: { locale: string },
  input: StoreSettingsInput,
): StoreSettingsInput['settings'] {
  const { settings } = input;
  const escalation = settings.notifications.escalation;
  return {
    ...settings,
    ...(settings.phone && {
      phone: internationalPhone(where, settings.phone, ['settings', 'phone']),
    }),
    notifications: {
      ...settings.notifications,
      ...(escalation && {
        escalation: {
          ...escalation,
          phones: escalation.phones.map((phone, i) =>
            internationalPhone(where, phone, [
              'settings',
              'notifications',
              'escalation',
              'phones',
              i,
            ]),
          ),
        },
      }),
    },
  };
}
