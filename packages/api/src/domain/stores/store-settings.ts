import { stores } from '@kds/db';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit.ts';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { DEFAULT_TEMPLATES } from '../notifications/templates.ts';
import type { StoreSettingsInput } from './schemas.ts';

/** The store as its manager edits it, with the default message texts to start from. */
export async function getStoreSettings({ ctx }: { ctx: DomainContext }) {
  const manager = requireManager(ctx);
  const [store] = await ctx.db.select().from(stores).where(eq(stores.id, manager.storeId));
  if (!store) throw new NotFoundError('store');
  return {
    id: store.id,
    slug: store.slug,
    currency: store.currency,
    name: store.name,
    timezone: store.timezone,
    openingHours: store.openingHours,
    settings: store.settings,
    defaultTemplates: DEFAULT_TEMPLATES,
  };
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
  if (input.settings.paymentMode !== 'counter' && ctx.payments === null) {
    throw new ValidationError(
      'online payment needs Stripe keys on the server; take payment at the counter',
      {
        problems: [{ path: ['settings', 'paymentMode'], code: 'PAYMENTS_NOT_CONFIGURED' }],
      },
    );
  }
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(stores)
      .where(eq(stores.id, manager.storeId))
      .for('update');
    if (!before) throw new NotFoundError('store');
    const [after] = await tx
      .update(stores)
      .set({
        name: input.name,
        timezone: input.timezone,
        openingHours: input.openingHours,
        settings: input.settings,
      })
      .where(eq(stores.id, before.id))
      .returning();
    await recordAudit(tx, manager, {
      action: 'store.settings_updated',
      entity: 'store',
      entityId: before.id,
      before: {
        name: before.name,
        timezone: before.timezone,
        openingHours: before.openingHours,
        settings: before.settings,
      },
      after: {
        name: input.name,
        timezone: input.timezone,
        openingHours: input.openingHours,
        settings: input.settings,
      },
    });
    return { id: after?.id ?? before.id };
  });
}
